using System.CommandLine;
using StrategicCities.Core.Cases;

namespace StrategicCities.Cli.Commands;

/// <summary><c>permits test [path]</c>: runs the legal-staff cases.</summary>
internal static class TestCommand
{
    public static Command Create(CliContext context)
    {
        var path = new Argument<string?>("path")
        {
            Description = "A case file or folder (default: rules/tests).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var rules = Options.Rules();
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also print one line per passing case." };
        var command = new Command("test",
            "Run the cases written by legal staff (rules/tests/**/*.json) through the same code as the service. " +
            "Prints one line per failing case and a closing 'N passed, N failed' line; exits 1 on any failure.")
        {
            path, rules, verbose,
        };
        command.SetAction(async (parse, ct) => await RunAsync(context, parse.GetValue(path), parse.GetValue(rules), parse.GetValue(verbose), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string? path, string? rulesPath, bool verbose, CancellationToken cancellationToken)
    {
        var (catalog, sources) = await context.LoadCatalogAsync(rulesPath, cancellationToken);
        if (catalog is null || sources is null)
        {
            return ExitCodes.Failed;
        }

        var (cases, problems) = await CaseLoader.LoadAsync(path ?? Path.Combine(sources.RulesDirectory, "tests"), sources.SchemasDirectory, cancellationToken);
        foreach (var problem in problems)
        {
            await context.Out.WriteLineAsync($"FAIL {problem}");
        }

        var runner = await CaseRunner.CreateDefaultAsync(catalog, sources, cancellationToken);
        var results = await runner.RunAllAsync(cases, cancellationToken);
        foreach (var result in results.Where(r => !r.Passed || verbose))
        {
            await context.Out.WriteLineAsync($"{(result.Passed ? "pass" : "FAIL")} {result}");
        }

        var failed = results.Count(r => !r.Passed) + problems.Count;
        await context.Out.WriteLineAsync($"{results.Count(r => r.Passed)} passed, {failed} failed");
        return failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
