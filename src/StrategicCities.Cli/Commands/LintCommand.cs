using System.CommandLine;
using StrategicCities.Core.Cases;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.LawLinks;
using StrategicCities.Core.Fees;
using StrategicCities.Core.Forms;
using StrategicCities.Core.Law;
using StrategicCities.Core.Procedures;

namespace StrategicCities.Cli.Commands;

/// <summary><c>permits lint [path]</c>: every check the catalog makes at load, plus the case files.</summary>
internal static class LintCommand
{
    public static Command Create(CliContext context)
    {
        var path = new Argument<string?>("path")
        {
            Description = "The rules folder to check (default: the repository's rules/).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var schemas = new Option<string?>("--schemas")
        {
            Description = "The schemas folder (default: schemas/ beside or above the rules folder).",
        };
        var command = new Command("lint",
            "Check every rule file and overlay: meta-schema, paths, legal bases and it/en messages, instruments, " +
            "unique names per package, expressions, overlay permissions, validity without overlaps or gaps; " +
            "form schemas (only keywords NJsonSchema enforces, examples valid and invalid, municipal extensions). " +
            "procedure definitions (states reachable, transitions to declared states, terms naming real events, guards naming real rules, known roles) and their overlays; " +
            "citations whose instrument resolves to a link (citation.unresolvable); " +
            "released files unchanged against rules/RELEASES.lock.json (release.changed, release.removed: publish a revision instead). " +
            "Prints one line per problem (file:rule: message) and exits 1 if there is any.")
        {
            path, schemas,
        };
        command.SetAction(async (parse, ct) => await RunAsync(context, parse.GetValue(path), parse.GetValue(schemas), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string? path, string? schemasPath, CancellationToken cancellationToken)
    {
        CatalogSources sources;
        try
        {
            sources = CatalogSources.Discover(path, schemasPath);
        }
        catch (DirectoryNotFoundException ex)
        {
            await context.Error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }

        var result = await CatalogLoader.LoadAsync(sources, cancellationToken);
        var lines = result.Problems.Select(p => p.ToString()).ToList();
        // Every citation opens the text it cites: its instrument resolves to a link (citation.unresolvable).
        lines.AddRange((await CitationLint.CheckAsync(sources.RulesDirectory, cancellationToken)).Select(p => p.ToString()));
        // Form schemas (keywords, versions, municipal extensions), their examples both ways, local form checks.
        lines.AddRange((await FormLint.CheckAsync(result.Catalog, sources, cancellationToken)).Select(p => p.ToString()));

        // Procedures name guard rules and municipalities, so they are checked against a loaded catalog.
        ProcedureCatalog? procedures = null;
        FeeLoadResult? fees = null;
        if (result.Succeeded)
        {
            var loaded = await ProcedureLoader.LoadAsync(sources, result.Catalog!, cancellationToken);
            procedures = loaded.Catalog;
            lines.AddRange(loaded.Problems.Select(p => p.ToString()));
            // Fee files: every value with its legal basis, overlays only where the national structure opens them.
            fees = await FeeLoader.LoadAsync(sources, result.Catalog!, cancellationToken);
            lines.AddRange(fees.Problems.Select(p => p.ToString()));
        }
        else if (ProcedureLoader.EnumerateFiles(sources.RulesDirectory).Any())
        {
            lines.Add("procedures:-: not checked because the rule sets do not load (fix the problems above first) [procedures.not-checked]");
        }

        // Released files never change: the lock names each one and its hash.
        var releases = await ReadLockAsync(sources, lines, cancellationToken);
        if (releases is not null)
        {
            lines.AddRange((await releases.CheckAsync(sources, cancellationToken)).Select(p => p.ToString()));
        }

        var casesDirectory = Path.Combine(sources.RulesDirectory, "tests");
        var caseCount = 0;
        if (Directory.Exists(casesDirectory))
        {
            var (cases, problems) = await CaseLoader.LoadAsync(casesDirectory, sources.SchemasDirectory, cancellationToken);
            caseCount = cases.Count;
            lines.AddRange(problems.Select(p => "tests/" + p));
            lines.AddRange(cases.GroupBy(c => c.Name).Where(g => g.Count() > 1)
                .Select(g => $"tests/{g.First().File}:-: case name \"{g.Key}\" is used {g.Count()} times; names identify cases [case.duplicate-name]"));
        }

        foreach (var line in lines)
        {
            await context.Out.WriteLineAsync(line);
        }

        if (lines.Count > 0)
        {
            await context.Error.WriteLineAsync($"{lines.Count} problem(s) in {sources.RulesDirectory}");
            return ExitCodes.Failed;
        }

        var catalog = result.Catalog!;
        var versions = catalog.RuleSetIds.Sum(id => catalog.Versions(id).Count);
        await context.Out.WriteLineAsync(
            $"ok: {versions} rule-set version(s) in {catalog.RuleSetIds.Count()} rule set(s), {catalog.Overlays.Count} overlay(s), " +
            $"{procedures!.Ids.Sum(id => procedures.Versions(id).Count)} procedure version(s) in {procedures.Ids.Count()} procedure(s), " +
            $"{procedures.Overlays.Count} procedure overlay(s), {fees!.Catalog!.FileCount} fee file(s), {catalog.Municipalities.Count} municipalities, {caseCount} case(s), " +
            $"{releases!.Files.Count} released file(s) unchanged, {releases.Unreleased(sources).Count} not yet released ('permits release' records them)");
        return ExitCodes.Ok;
    }

    internal static async Task<ReleaseLock?> ReadLockAsync(CatalogSources sources, List<string> lines, CancellationToken cancellationToken)
    {
        try
        {
            return await ReleaseLock.ReadAsync(sources, cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            lines.Add($"{ReleaseLock.FileName}:-: {ex.Message} [{ReleaseLock.Invalid}]");
            return null;
        }
    }
}
