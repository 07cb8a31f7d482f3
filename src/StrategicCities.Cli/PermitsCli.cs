using System.CommandLine;
using StrategicCities.Cli.Commands;

namespace StrategicCities.Cli;

/// <summary>The <c>permits</c> command line for legal staff and operators.</summary>
internal static class PermitsCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TextReader input)
    {
        var context = new CliContext(output, error, input);
        var root = new RootCommand(
            "permits — author, test and apply the StrategicCities rule sets (Italian building procedures).\n" +
            "Exit codes: 0 ok, 1 lint problems / failing cases / rules that do not load, 2 bad input.\n" +
            DatabaseOptions.Rule);
        root.Subcommands.Add(LintCommand.Create(context));
        root.Subcommands.Add(ReleaseCommand.Create(context));
        root.Subcommands.Add(ApplicationsCommand.Create(context));
        root.Subcommands.Add(TestCommand.Create(context));
        root.Subcommands.Add(DetermineCommand.Create(context, explain: false));
        root.Subcommands.Add(DetermineCommand.Create(context, explain: true));
        root.Subcommands.Add(DiffCommand.Create(context));
        root.Subcommands.Add(ValidateCommand.Create(context));
        root.Subcommands.Add(GraphCommand.Create(context));
        root.Subcommands.Add(DeadlinesCommand.Create(context));
        root.Subcommands.Add(DbCommand.Create(context));
        root.Subcommands.Add(KeysCommand.Create(context));
        root.Subcommands.Add(OfficesCommand.Create(context));
        root.Subcommands.Add(SeedCommand.Create(context));
        root.Subcommands.Add(StatsCommand.Create(context));
        root.Subcommands.Add(OpenDataCommand.Create(context));
        root.Subcommands.Add(FeesCommand.Create(context));
        var parse = root.Parse(args, new ParserConfiguration());
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                await error.WriteLineAsync($"error: {e.Message}");
            }

            await error.WriteLineAsync("Run 'permits --help' or 'permits <command> --help' for usage.");
            return ExitCodes.BadInput;
        }

        var invocation = new InvocationConfiguration { Output = output, Error = error };
        return await parse.InvokeAsync(invocation);
    }
}
