using System.CommandLine;
using StrategicCities.Core.OpenData;
using StrategicCities.Data.Monitoring;

namespace StrategicCities.Cli.Commands;

/// <summary><c>permits opendata export --format csv|json --output file|-</c>: the permits open data, without personal data.</summary>
internal static class OpenDataCommand
{
    public static Command Create(CliContext context) =>
        new("opendata", "Open data (docs/opendata/permits-dictionary.md): one row per application, no personal data.") { ExportCommand(context) };

    private static Command ExportCommand(CliContext context)
    {
        var connection = DatabaseOptions.Connection();
        var format = new Option<string>("--format") { Description = "csv (RFC 4180) or json (array).", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var output = new Option<string>("--output", "-o") { Description = "File to write, or - for standard output.", DefaultValueFactory = _ => "-" };
        var command = new Command("export", "Stream every filed application as permits.csv or permits.json.") { format, output, connection };
        command.SetAction(async (parse, ct) => await DatabaseOptions.RunAsync(context, parse.GetValue(connection), async factory =>
        {
            var kind = parse.GetValue(format) == "json" ? OpenDataFormat.Json : OpenDataFormat.Csv;
            var path = parse.GetValue(output) ?? "-";
            var rows = new MonitoringStore(factory).OpenDataAsync(cancellationToken: ct);
            if (path == "-")
            {
                await using var stdout = Console.OpenStandardOutput();
                await OpenDataWriter.WriteAsync(rows, kind, stdout, ct);
                return ExitCodes.Ok;
            }

            await using var file = File.Create(path);
            var count = await OpenDataWriter.WriteAsync(rows, kind, file, ct);
            await context.Error.WriteLineAsync($"wrote {count} rows to {path}");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
