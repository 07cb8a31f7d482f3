using System.CommandLine;
using StrategicCities.Core.Legal;
using StrategicCities.Data;
using StrategicCities.Data.Applications;
using Microsoft.Extensions.Logging.Abstractions;
using StrategicCities.Core.Applications;
using StrategicCities.Core.Law;
using StrategicCities.Core.Problems;
using StrategicCities.Core.Procedures;

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

            var law = await context.LoadLawAsync(parse.GetValue(rules), ct);
            if (law is null)
            {
                return ExitCodes.Failed;
            }

            return await DatabaseOptions.RunAsync(context, parse.GetValue(connection), async factory =>
            {
                var store = new ApplicationStore(factory);
                var useCases = new ApplicationUseCases(store, new FixedLawSource(law), TimeProvider.System, NullLogger<ApplicationUseCases>.Instance);
                var caller = new Caller(new Actor("cli:" + Environment.UserName, ProcedureRoles.Admin), null, MunicipalityScope.Everywhere);
                var counts = new Dictionary<string, int>(StringComparer.Ordinal);
                var failed = 0;
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
                    var outcome = await useCases.RepinAsync(caller, id, why, parse.GetValue(dryRun), ct);
                    if (outcome.Refusal is { } refusal)
                    {
                        // A concurrent change is a conflict to run again; anything else (a file missing) is refused.
                        var label = refusal.Code == ProblemCatalog.ApplicationStale ? "conflict" : "refused";
                        counts[label] = counts.GetValueOrDefault(label) + 1;
                        failed++;
                        await context.Out.WriteLineAsync($"{id} {label} {refusal.Code}: {refusal.Message.En}");
                        continue;
                    }

                    var result = outcome.Value!;
                    var status = result.Status.ToString().ToLowerInvariant();
                    counts[status] = counts.GetValueOrDefault(status) + 1;
                    if (result.Status is RepinStatus.Unchanged)
                    {
                        continue;
                    }

                    var moves = string.Join("; ", result.Plan.Deadlines.Select(d => $"{d.Term} {d.DueBefore?.ToString("yyyy-MM-dd", null) ?? "-"} → {d.DueAfter?.ToString("yyyy-MM-dd", null) ?? "-"}"));
                    await context.Out.WriteLineAsync($"{id} {status}{(moves.Length > 0 ? " " + moves : "")}");
                }

                await context.Out.WriteLineAsync(
                    $"{ids.Count} application(s): {string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Value} {c.Key}"))}");
                return failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
            }, ct);
        });
        return command;
    }
}
