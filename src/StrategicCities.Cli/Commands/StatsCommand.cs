using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using StrategicCities.Core.Monitoring;
using StrategicCities.Data.Monitoring;

namespace StrategicCities.Cli.Commands;

/// <summary><c>permits stats</c>: processing times and legal-deadline compliance.</summary>
internal static class StatsCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static Command Create(CliContext context)
    {
        var connection = DatabaseOptions.Connection();
        var municipality = new Option<string?>("--municipality") { Description = "ISTAT code." };
        var office = new Option<Guid?>("--office") { Description = "Office id." };
        var regime = new Option<string?>("--regime") { Description = "Regime (procedure id), e.g. permesso-di-costruire." };
        var from = new Option<DateOnly?>("--from") { Description = "Filed on or after (yyyy-MM-dd)." };
        var to = new Option<DateOnly?>("--to") { Description = "Filed on or before (yyyy-MM-dd)." };
        var groupBy = new Option<string>("--group-by")
        {
            Description = "Comma-separated dimensions: municipality, office, regime, month (empty: total only).",
            DefaultValueFactory = _ => "municipality,regime",
        };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var timing = new Option<bool>("--timing") { Description = "Print the time taken (to standard error)." };
        var command = new Command("stats", "Processing times, legal-term compliance, silenzi-assensi, integrations and backlog, by filing cohort.")
        {
            municipality, office, regime, from, to, groupBy, format, timing, connection,
        };
        command.SetAction(async (parse, ct) => await DatabaseOptions.RunAsync(context, parse.GetValue(connection), async factory =>
        {
            List<StatisticsDimension> dims = [];
            foreach (var name in (parse.GetValue(groupBy) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!Enum.TryParse<StatisticsDimension>(name, ignoreCase: true, out var d))
                {
                    await context.Error.WriteLineAsync($"error: --group-by: unknown dimension '{name}' (municipality, office, regime, month)");
                    return ExitCodes.BadInput;
                }

                dims.Add(d);
            }

            var query = new StatisticsQuery
            {
                Municipality = parse.GetValue(municipality),
                OfficeId = parse.GetValue(office),
                Regime = parse.GetValue(regime),
                From = parse.GetValue(from),
                To = parse.GetValue(to),
                GroupBy = dims,
            };
            var clock = Stopwatch.StartNew();
            var report = await new MonitoringStore(factory).StatisticsAsync(query, ct);
            var elapsed = clock.Elapsed;
            if (parse.GetValue(format) == "json")
            {
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(report, Json));
            }
            else
            {
                await WriteTableAsync(context.Out, report);
            }

            if (parse.GetValue(timing))
            {
                await context.Error.WriteLineAsync($"stats computed in {elapsed.TotalMilliseconds:F0} ms over {report.Total.Filed} applications");
            }

            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static async Task WriteTableAsync(TextWriter output, StatisticsReport report)
    {
        static string D(double? v, string f = "F1") => v?.ToString(f, CultureInfo.InvariantCulture) ?? "-";
        await output.WriteLineAsync(
            $"{"municipality",-12} {"office",-36} {"regime",-22} {"month",-7} {"filed",7} {"decided",7} {"pending",7} {"median",6} {"p90",6} {"inTerm%",7} {"silenzi",7} {"integr",6} {"integrDays",10}");
        foreach (var r in report.Rows.Append(report.Total))
        {
            var k = r.Key;
            var label = ReferenceEquals(r, report.Total) ? "TOTAL" : k.Municipality ?? "";
            await output.WriteLineAsync(
                $"{label,-12} {k.OfficeId?.ToString() ?? "",-36} {k.Regime ?? "",-22} {k.Month ?? "",-7} {r.Filed,7} {r.Decided,7} {r.Pending,7} " +
                $"{D(r.MedianDays),6} {D(r.P90Days),6} {D(r.WithinTermShare * 100),7} {r.SilenziAssensi,7} {r.IntegrationRequests,6} {D(r.MeanIntegrationDays),10}");
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync("backlog (non-final states):");
        foreach (var b in report.Backlog)
        {
            await output.WriteLineAsync($"  {b.Regime,-22} {b.State,-26} {b.Count,8}");
        }
    }
}
