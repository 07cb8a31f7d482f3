using System.CommandLine;
using StrategicCities.Core.Procedures;

namespace StrategicCities.Cli.Commands;

/// <summary>
/// <c>permits graph &lt;procedure&gt; [--date yyyy-MM-dd] [--municipality istat] --format mermaid|dot</c>:
/// the states and transitions of a procedure, each transition labelled with its trigger, guard and legal basis.
/// </summary>
internal static class GraphCommand
{
    public static Command Create(CliContext context)
    {
        var procedure = new Argument<string>("procedure") { Description = "Procedure id (the regime), e.g. permesso-di-costruire, scia, cila." };
        var date = Options.Date(required: false);
        date.Description = "Legal date selecting the version (default: today).";
        var municipality = Options.Municipality(required: false);
        municipality.Description = "ISTAT code: include that municipality's (and its region's) optional steps.";
        var format = new Option<string>("--format", "-f") { Description = "mermaid or dot.", DefaultValueFactory = _ => "mermaid" };
        format.AcceptOnlyFromAmong("mermaid", "dot");
        var rules = Options.Rules();
        var command = new Command("graph",
            "Draw a procedure as a Mermaid state diagram or a Graphviz DOT graph; every transition carries its trigger, guard rule and legal basis.")
        {
            procedure, date, municipality, format, rules,
        };
        command.SetAction(async (parse, ct) =>
        {
            var (catalog, sources) = await context.LoadCatalogAsync(parse.GetValue(rules), ct);
            if (catalog is null || sources is null)
            {
                return ExitCodes.Failed;
            }

            var loaded = await ProcedureLoader.LoadAsync(sources, catalog, ct);
            if (!loaded.Succeeded)
            {
                await context.Error.WriteLineAsync("error: the procedures do not load (run 'permits lint' for details):");
                foreach (var problem in loaded.Problems)
                {
                    await context.Error.WriteLineAsync(problem.ToString());
                }

                return ExitCodes.Failed;
            }

            var procedures = loaded.Catalog!;
            var id = parse.GetRequiredValue(procedure);
            var day = parse.GetResult(date) is null ? DateOnly.FromDateTime(DateTime.Today) : parse.GetValue(date);
            ProcedureDefinition? definition;
            if (parse.GetValue(municipality) is { } code)
            {
                var (resolved, error) = await procedures.ResolveAsync(id, code, day, ct);
                if (resolved is null)
                {
                    return await context.PrintInputErrorsAsync([error!]);
                }

                definition = resolved.Definition;
            }
            else
            {
                if (procedures.Versions(id).Count == 0)
                {
                    await context.Error.WriteLineAsync($"error: no procedure '{id}' (known: {string.Join(", ", procedures.Ids)})");
                    return ExitCodes.BadInput;
                }

                definition = procedures.NationalAt(id, day);
                if (definition is null)
                {
                    await context.Error.WriteLineAsync(
                        $"error: no version of '{id}' is in force on {day:yyyy-MM-dd} (versions: {string.Join(", ", procedures.Versions(id).Select(v => v.Header.Version))})");
                    return ExitCodes.BadInput;
                }
            }

            await context.Out.WriteAsync(ProcedureGraph.Render(definition, ProcedureGraph.ParseFormat(parse.GetValue(format)) ?? GraphFormat.Mermaid));
            return ExitCodes.Ok;
        });
        return command;
    }
}
