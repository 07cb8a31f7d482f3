using System.CommandLine;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Law;

namespace StrategicCities.Cli.Commands;

/// <summary>
/// <c>permits release [path] [--dry-run]</c>: records the files not yet released (new versions, revisions, new
/// schemas) in rules/RELEASES.lock.json, after a clean lint. A released file then never changes.
/// </summary>
internal static class ReleaseCommand
{
    public static Command Create(CliContext context)
    {
        var path = new Argument<string?>("path")
        {
            Description = "The rules folder (default: the repository's rules/).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "List what would be released; write nothing." };
        var schemas = new Option<string?>("--schemas")
        {
            Description = "The schemas folder (default: schemas/ beside or above the rules folder).",
        };
        var command = new Command("release",
            "Record every rule, procedure, calendar and form-schema file not yet released in rules/RELEASES.lock.json " +
            "with its content hash. Refused (exit 1) while a released file is changed or removed, or the rules do not load: " +
            "run 'permits lint' first. Afterwards lint refuses any change to those files: correct them with a revision " +
            "(<version>.r<N>.json) or a new version.")
        {
            path, dryRun, schemas,
        };
        command.SetAction(async (parse, ct) => await RunAsync(context, parse.GetValue(path), parse.GetValue(schemas), parse.GetValue(dryRun), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string? path, string? schemasPath, bool dryRun, CancellationToken cancellationToken)
    {
        var (catalog, sources) = await context.LoadCatalogAsync(path, cancellationToken, schemasPath);
        if (sources is null)
        {
            return ExitCodes.BadInput;
        }

        if (catalog is null)
        {
            return ExitCodes.Failed;
        }

        var lines = new List<string>();
        var releases = await LintCommand.ReadLockAsync(sources, lines, cancellationToken);
        if (releases is not null)
        {
            lines.AddRange((await releases.CheckAsync(sources, cancellationToken)).Select(p => p.ToString()));
        }

        if (lines.Count > 0 || releases is null)
        {
            foreach (var line in lines)
            {
                await context.Out.WriteLineAsync(line);
            }

            await context.Error.WriteLineAsync("error: released files changed; nothing was released (restore them and publish revisions)");
            return ExitCodes.Failed;
        }

        var files = dryRun ? releases.Unreleased(sources) : await releases.ReleaseAsync(sources, cancellationToken);
        foreach (var file in files)
        {
            await context.Out.WriteLineAsync((dryRun ? "would release " : "released ") + file);
        }

        await context.Out.WriteLineAsync($"{files.Count} file(s) {(dryRun ? "to release" : "released")}, {releases.Files.Count} already released");
        return ExitCodes.Ok;
    }
}
