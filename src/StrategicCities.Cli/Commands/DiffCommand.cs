using System.CommandLine;
using System.Text.Json;
using StrategicCities.Core;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Diff;
using StrategicCities.Core.Forms;
using StrategicCities.Core.Procedures;
using StrategicCities.Core.Procedures.Clock;

namespace StrategicCities.Cli.Commands;

/// <summary>
/// <c>permits diff &lt;ruleset&gt; --from --to</c> (between national versions) and
/// <c>permits diff --municipality --date [--lang it|en]</c> (what a municipality and its region change against the national
/// baseline: rule overlays, form-schema extensions, procedure overlays and local calendar days).
/// </summary>
internal static class DiffCommand
{
    public static Command Create(CliContext context)
    {
        var ruleSet = new Argument<string?>("ruleset") { Description = "Rule-set id, e.g. determination.", Arity = ArgumentArity.ZeroOrOne };
        var from = new Option<string?>("--from") { Description = "Older version (its validFrom date)." };
        var to = new Option<string?>("--to") { Description = "Newer version (its validFrom date)." };
        var municipality = Options.Municipality(required: false);
        var date = Options.Date(required: false);
        var json = new Option<bool>("--json") { Description = "Print the changes as JSON." };
        var rules = Options.Rules();
        var language = new Option<string>("--lang") { Description = "Language of the text form of a municipality's diff: it or en.", DefaultValueFactory = _ => "en" };
        language.AcceptOnlyFromAmong("it", "en");
        var command = new Command("diff",
            "Rules added, removed and changed between two versions of a rule set (diff determination --from 2016-12-11 --to 2024-05-30), " +
            "or what a municipality and its region change against the national baseline: rule overlays, local form fields, procedure steps " +
            "and calendar days (diff --municipality 015146 --date 2025-03-01 [--json] [--lang it]).")
        {
            ruleSet, from, to, municipality, date, json, rules, language,
        };
        command.Validators.Add(result =>
        {
            var byMunicipality = result.GetResult(municipality) is not null;
            var byVersions = result.GetValue(ruleSet) is not null;
            if (byMunicipality == byVersions)
            {
                result.AddError("Give either <ruleset> --from <version> --to <version>, or --municipality <code> --date <date>.");
            }
            else if (byVersions && (result.GetValue(from) is null || result.GetValue(to) is null))
            {
                result.AddError("Comparing versions needs both --from and --to.");
            }
            else if (byMunicipality && result.GetResult(date) is null)
            {
                result.AddError("Comparing a municipality with the national rules needs --date.");
            }
        });
        command.SetAction(async (parse, ct) =>
        {
            var (catalog, sources) = await context.LoadCatalogAsync(parse.GetValue(rules), ct);
            if (catalog is null)
            {
                return ExitCodes.Failed;
            }

            var asJson = parse.GetValue(json);
            if (parse.GetValue(ruleSet) is { } id)
            {
                var versions = catalog.Versions(id);
                if (versions.Count == 0)
                {
                    await context.Error.WriteLineAsync($"error: no rule set '{id}' (known: {string.Join(", ", catalog.RuleSetIds)})");
                    return ExitCodes.BadInput;
                }

                var older = versions.FirstOrDefault(v => v.Header.Version == parse.GetValue(from));
                var newer = versions.FirstOrDefault(v => v.Header.Version == parse.GetValue(to));
                if (older is null || newer is null)
                {
                    await context.Error.WriteLineAsync(
                        $"error: unknown version of '{id}' (known: {string.Join(", ", versions.Select(v => v.Header.Version))})");
                    return ExitCodes.BadInput;
                }

                var changes = RuleSetDiff.Compare(older.AllRules, newer.AllRules);
                return await PrintAsync(context, $"{id}: {older.Header.Version} → {newer.Header.Version}", changes, asJson);
            }

            var code = parse.GetRequiredValue(municipality);
            var (found, error) = catalog.FindMunicipality(code);
            if (found is null)
            {
                return await context.PrintInputErrorsAsync([error!]);
            }

            var day = parse.GetValue(date);
            if (catalog.RuleSetIds.All(r => catalog.NationalVersionAt(r, day) is null))
            {
                return await context.PrintInputErrorsAsync([catalog.NoVersionError(null, day)]);
            }

            var all = new List<RuleChange>();
            foreach (var ruleSetId in catalog.RuleSetIds)
            {
                var composed = catalog.Compose(ruleSetId, found, day);
                if (composed is not null)
                {
                    all.AddRange(RuleSetDiff.AgainstNational(composed));
                }
            }

            var report = await MunicipalReportAsync(context, catalog, sources!, found, day, ct);
            if (report is null)
            {
                return ExitCodes.Failed;
            }

            if (asJson)
            {
                // title and changes (rule changes in the shape of the versions mode) are kept for scripts that read them; the sections sit beside them.
                var node = JsonSerializer.SerializeToNode(report, JsonDefaults.Indented)!.AsObject();
                node.Insert(0, "title", $"{found.Name} ({found.Code}, region {found.Region}) on {day:yyyy-MM-dd} against the national rules");
                node.Insert(1, "changes", JsonSerializer.SerializeToNode(all, JsonDefaults.Indented));
                await context.Out.WriteLineAsync(node.ToJsonString(JsonDefaults.Indented));
                return ExitCodes.Ok;
            }

            await context.Out.WriteAsync(MunicipalDiffText.Render(report, parse.GetValue(language)));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Loads the form schemas, the procedures and the calendar beside the catalog, printing why when one is refused.</summary>
    private static async Task<MunicipalDiffReport?> MunicipalReportAsync(
        CliContext context, RuleCatalog catalog, CatalogSources sources, Municipality municipality, DateOnly date, CancellationToken ct)
    {
        var (forms, formProblems) = await FormSchemaProvider.LoadAsync(sources.SchemasDirectory, ct);
        var procedures = await ProcedureLoader.LoadAsync(sources, catalog, ct);
        var calendar = await CalendarLoader.LoadAsync(Path.Combine(sources.RulesDirectory, "calendars"), ct);
        var problems = formProblems.Select(p => p.ToString())
            .Concat(procedures.Problems.Select(p => p.ToString()))
            .Concat(calendar.Errors.Select(e => e.ToString()))
            .ToList();
        if (forms is null || !procedures.Succeeded || !calendar.IsSuccess)
        {
            await context.Error.WriteLineAsync("error: the form schemas, procedures or calendars do not load (run 'permits lint' for details):");
            foreach (var problem in problems)
            {
                await context.Error.WriteLineAsync(problem);
            }

            return null;
        }

        return MunicipalDiff.Compute(catalog, forms, procedures.Catalog, calendar.Calendar, municipality, date);
    }

    private static async Task<int> PrintAsync(CliContext context, string title, IReadOnlyList<RuleChange> changes, bool asJson)
    {
        if (asJson)
        {
            await context.Out.WriteLineAsync(JsonSerializer.Serialize(new { title, changes }, JsonDefaults.Indented));
            return ExitCodes.Ok;
        }

        await context.Out.WriteLineAsync(title);
        foreach (var change in changes)
        {
            await context.Out.WriteLineAsync(change.ToString());
        }

        await context.Out.WriteLineAsync(changes.Count == 0
            ? "no differences"
            : $"{changes.Count(c => c.Change == RuleChange.Added)} added, {changes.Count(c => c.Change == RuleChange.Removed)} removed, {changes.Count(c => c.Change == RuleChange.Changed)} changed");
        return ExitCodes.Ok;
    }
}
