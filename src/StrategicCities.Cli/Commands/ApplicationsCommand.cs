using System.CommandLine;
using StrategicCities.Core.Legal;
using StrategicCities.Data;
using StrategicCities.Data.Applications;
using StrategicCities.Core.Applications;

namespace StrategicCities.Cli.Commands;

/// <summary><c>permits applications repin</c>: moves filed applications to the newest revisions, deliberately and audited.</summary>
internal static class ApplicationsCommand
{
    private const int PageSize = 200;

    public static Command Create(CliContext context) => new("applications", "Operations on stored applications.") { RepinCommand(context) };

    private static Command RepinCommand(CliContext context)
    {
        var reason = new Option<string>("--reason")
        {
            Description = "Why (kept in each application's audit event), e.g. the CHANGELOG entry of the correction.",
            Required = true,
        };
        var municipality = new Option<string?>("--municipality") { Description = "Only applications of this municipality (ISTAT code)." };
        var procedure = new Option<string?>("--procedure") { Description = "Only applications of this procedure (regime id), e.g. permesso-di-costruire." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would change (pins and deadlines); write nothing." };
        var rules = new Option<string?>("--rules") { Description = "The rules folder (default: the repository's rules/)." };
        var connection = DatabaseOptions.Connection();
        var command = new Command("repin",
            "Move filed applications to the newest revision of each file they pinned (never to another version: the law in " +
            "force at filing still governs). Each re-pin is an event with who and why; prints one line per application " +
            "with the terms whose due date moves. Exit 1 if an application cannot be re-pinned.")
        {
            reason, municipality, procedure, dryRun, rules, connection,
        };
        command.SetAction(async (parse, ct) =>
        {
            var why = parse.GetValue(reason)!.Trim();
            if (why.Length == 0)
            {
                await context.Error.WriteLineAsync("error: --reason must say why (it is kept in the audit event)");
                return ExitCodes.BadInput;
            }

            var (procedures, calendar) = await MonitoringLoader.LoadAsync(context, parse.GetValue(rules), ct);
            if (procedures is null || calendar is null)
            {
                return ExitCodes.Failed;
            }

            return await DatabaseOptions.RunAsync(context, parse.GetValue(connection), async factory =>
            {
                var store = new ApplicationStore(factory);
                var repin = new ApplicationRepin(store);
                var actor = new Actor("cli:" + Environment.UserName, "admin");
                var today = RomeCalendar.Today(TimeProvider.System);
                var counts = new Dictionary<RepinStatus, int>();
                var ids = new List<Guid>();
                for (var page = 1; ; page++)
                {
                    var found = await store.SearchAsync(new ApplicationQuery
                    {
                        FiledFrom = DateOnly.MinValue,
                        Municipality = parse.GetValue(municipality),
                        Regime = parse.GetValue(procedure),
                        Page = page,
                        PageSize = PageSize,
                    }, MunicipalityScope.Everywhere, ct);
                    ids.AddRange(found.Items.Select(i => i.Id));
                    if ((long)page * PageSize >= found.Total)
                    {
                        break;
                    }
                }

                foreach (var id in ids)
                {
                    var result = await repin.RunAsync(id, procedures, calendar, actor, why, parse.GetValue(dryRun), MunicipalityScope.Everywhere, today, ct);
                    counts[result.Status] = counts.GetValueOrDefault(result.Status) + 1;
                    if (result.Status is RepinStatus.Unchanged)
                    {
                        continue;
                    }

                    var moves = result.Plan is null ? "" : string.Join("; ", result.Plan.Deadlines.Select(d => $"{d.Term} {d.DueBefore?.ToString("yyyy-MM-dd", null) ?? "-"} → {d.DueAfter?.ToString("yyyy-MM-dd", null) ?? "-"}"));
                    await context.Out.WriteLineAsync($"{id} {result.Status.ToString().ToLowerInvariant()}{(result.Error is null ? "" : $" {result.Error.Code}: {result.Error.Message.En}")}{(moves.Length > 0 ? " " + moves : "")}");
                }

                await context.Out.WriteLineAsync(
                    $"{ids.Count} application(s): {string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Value} {c.Key.ToString().ToLowerInvariant()}"))}");
                return counts.GetValueOrDefault(RepinStatus.Refused) + counts.GetValueOrDefault(RepinStatus.Conflict) > 0 ? ExitCodes.Failed : ExitCodes.Ok;
            }, ct);
        });
        return command;
    }
}
