using System.CommandLine;
using System.Text.Json;
using StrategicCities.Core;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Determination;

namespace StrategicCities.Cli.Commands;

/// <summary><c>permits determine</c> (JSON) and <c>permits explain</c> (text with citations).</summary>
internal static class DetermineCommand
{
    public static Command Create(CliContext context, bool explain)
    {
        var municipality = Options.Municipality();
        var date = Options.Date();
        var input = Options.Input();
        var rules = Options.Rules();
        var language = new Option<string>("--lang")
        {
            Description = "Language of the explanation: it, en or both.",
            DefaultValueFactory = _ => "both",
        };
        language.AcceptOnlyFromAmong("it", "en", "both");
        var command = explain
            ? new Command("explain", "Explain a determination in Italian and English, citing the law behind every requirement.")
            : new Command("determine",
                "Determine the regime, additional acts and attachments of an intervention (JSON in, JSON out: DESIGN.md §4). " +
                "Example: echo '{\"category\":\"nuova-costruzione\"}' | permits determine -m 015146 -d 2025-03-01 --input -");
        command.Options.Add(municipality);
        command.Options.Add(date);
        command.Options.Add(input);
        command.Options.Add(rules);
        if (explain)
        {
            command.Options.Add(language);
        }

        command.SetAction(async (parse, ct) => await RunAsync(
            context, parse.GetRequiredValue(municipality), parse.GetValue(date), parse.GetValue(input), parse.GetValue(rules),
            explain ? parse.GetValue(language) : null, ct));
        return command;
    }

    private static async Task<int> RunAsync(
        CliContext context, string municipality, DateOnly date, string? inputPath, string? rulesPath, string? language, CancellationToken cancellationToken)
    {
        var text = await context.ReadInputAsync(inputPath, cancellationToken);
        if (text is null)
        {
            return ExitCodes.BadInput;
        }

        var (catalog, sources) = await context.LoadCatalogAsync(rulesPath, cancellationToken);
        if (catalog is null || sources is null)
        {
            return ExitCodes.Failed;
        }

        var engine = await CliContext.CreateEngineAsync(catalog, sources, cancellationToken);
        var (result, errors) = await engine.DetermineAsync(municipality, date, text, cancellationToken);
        if (result is null)
        {
            return await context.PrintInputErrorsAsync(errors);
        }

        if (language is null)
        {
            await context.Out.WriteLineAsync(JsonSerializer.Serialize(result, JsonDefaults.Indented));
            return ExitCodes.Ok;
        }

        var composed = catalog.Compose(DeterminationEngine.RuleSetId, result.Municipality, date);
        await context.Out.WriteAsync(DeterminationExplainer.Explain(result, composed, language));
        return ExitCodes.Ok;
    }
}
