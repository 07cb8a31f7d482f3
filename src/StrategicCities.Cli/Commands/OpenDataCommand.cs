using System.CommandLine;
using System.Text.Json;
using StrategicCities.Core.OpenData;
using StrategicCities.Data.Monitoring;

namespace StrategicCities.Cli.Commands;

/// <summary>
/// <c>permits opendata export --dataset monthly|applications --format csv|json --output file|-</c>: the permits open
/// data, without personal data; <c>permits opendata metadata</c>: its DCAT-AP_IT description (JSON-LD).
/// </summary>
internal static class OpenDataCommand
{
    public static Command Create(CliContext context) =>
        new("opendata", "Open data (docs/opendata/permits-dictionary.md): no personal data, CC BY 4.0.") { ExportCommand(context), MetadataCommand(context) };

    private static Command ExportCommand(CliContext context)
    {
        var connection = DatabaseOptions.Connection();
        var format = new Option<string>("--format") { Description = "csv (RFC 4180) or json.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var dataset = new Option<string>("--dataset")
        {
            Description = "applications: one row per application (permits.csv); monthly: the open dataset, per month with no cell "
                + $"under {MonthlyAggregation.MinimumCell} applications (permits-monthly.csv).",
            DefaultValueFactory = _ => "applications",
        };
        dataset.AcceptOnlyFromAmong("applications", "monthly");
        var output = new Option<string>("--output", "-o") { Description = "File to write, or - for standard output.", DefaultValueFactory = _ => "-" };
        var command = new Command("export", "Stream the filed applications as permits.csv / permits.json, or the monthly dataset.") { format, dataset, output, connection };
        command.SetAction(async (parse, ct) => await DatabaseOptions.RunAsync(context, parse.GetValue(connection), async factory =>
        {
            var kind = parse.GetValue(format) == "json" ? OpenDataFormat.Json : OpenDataFormat.Csv;
            var monthly = parse.GetValue(dataset) == "monthly";
            var path = parse.GetValue(output) ?? "-";
            var store = new MonitoringStore(factory);
            Task<long> WriteAsync(Stream stream) => monthly
                ? MonthlyOpenDataWriter.WriteAsync(store.MonthlyOpenDataAsync(cancellationToken: ct), kind, stream, ct)
                : OpenDataWriter.WriteAsync(store.OpenDataAsync(cancellationToken: ct), kind, stream, ct);
            if (path == "-")
            {
                await using var stdout = Console.OpenStandardOutput();
                await WriteAsync(stdout);
                return ExitCodes.Ok;
            }

            await using var file = File.Create(path);
            var count = await WriteAsync(file);
            await context.Error.WriteLineAsync($"wrote {count} rows to {path}" + (monthly ? $" (licence {OpenDataLicence.Id}, {OpenDataLicence.Url})" : ""));
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static Command MetadataCommand(CliContext context)
    {
        var baseUrl = new Option<string>("--base-url") { Description = "Absolute URL the service is published at (e.g. https://permessi.comune.example.it).", Required = true };
        var name = new Option<string>("--publisher") { Description = "Name of the publishing administration.", Required = true };
        var ipa = new Option<string>("--ipa") { Description = "The administration's IPA code (IndicePA).", Required = true };
        var email = new Option<string>("--email") { Description = "Contact e-mail for the data.", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "File to write, or - for standard output.", DefaultValueFactory = _ => "-" };
        var command = new Command("metadata", "DCAT-AP_IT metadata (JSON-LD) of the monthly dataset and its distributions.") { baseUrl, name, ipa, email, output };
        command.SetAction(async (parse, ct) =>
        {
            var url = parse.GetValue(baseUrl)!;
            if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
            {
                await context.Error.WriteLineAsync($"--base-url: '{url}' is not an absolute http(s) URL.");
                return ExitCodes.BadInput;
            }

            var publisher = new OpenDataPublisher { Name = parse.GetValue(name)!, IpaCode = parse.GetValue(ipa)!, ContactEmail = parse.GetValue(email)!, BaseUrl = url };
            var path = parse.GetValue(output) ?? "-";
            await using var stream = path == "-" ? Console.OpenStandardOutput() : File.Create(path);
            await using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                DcatApItMetadata.Write(json, publisher, DateOnly.FromDateTime(DateTime.UtcNow));
            }

            await stream.WriteAsync("\n"u8.ToArray(), ct);
            return ExitCodes.Ok;
        });
        return command;
    }
}
