using System.CommandLine;
using System.Text.Json;
using StrategicCities.Core;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Fees;
using StrategicCities.Core.Law;

namespace StrategicCities.Cli.Commands;

/// <summary><c>permits fees</c>: the contributo di costruzione and desk charges of an intervention (docs/fees/README.md).</summary>
internal static class FeesCommand
{
    public static Command Create(CliContext context)
    {
        var municipality = Options.Municipality();
        var date = Options.Date();
        var input = Options.Input();
        var rules = Options.Rules();
        var text = new Option<bool>("--text") { Description = "Print the breakdown as text (Italian and English) instead of JSON." };
        var command = new Command("fees",
            "Compute the fees of an intervention: oneri di urbanizzazione, construction-cost share, exemptions, reductions, diritti di segreteria and " +
            "imposta di bollo, each line with its formula and legal basis. Example: echo '{\"regime\":\"permesso-di-costruire\",\"category\":\"cambio-uso\"," +
            "\"use\":\"residenziale\",\"previousUse\":\"commerciale\",\"volume\":300,\"previousSurface\":100}' | permits fees -m 058091 -d 2025-06-01 --input - --text");
        command.Options.Add(municipality);
        command.Options.Add(date);
        command.Options.Add(input);
        command.Options.Add(rules);
        command.Options.Add(text);
        command.SetAction(async (parse, ct) => await RunAsync(
            context, parse.GetRequiredValue(municipality), parse.GetValue(date), parse.GetValue(input), parse.GetValue(rules), parse.GetValue(text), ct));
        return command;
    }

    private static async Task<int> RunAsync(
        CliContext context, string municipality, DateOnly date, string? inputPath, string? rulesPath, bool asText, CancellationToken cancellationToken)
    {
        var json = await context.ReadInputAsync(inputPath, cancellationToken);
        if (json is null)
        {
            return ExitCodes.BadInput;
        }

        CatalogSources sources;
        try
        {
            sources = CatalogSources.Discover(rulesPath);
        }
        catch (DirectoryNotFoundException ex)
        {
            await context.Error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.Failed;
        }

        var loaded = await LawCatalog.LoadAsync(sources, cancellationToken: cancellationToken);
        if (!loaded.Succeeded)
        {
            await context.Error.WriteLineAsync($"error: the rules under {sources.RulesDirectory} do not load (run 'permits lint' for details):");
            foreach (var problem in loaded.Problems)
            {
                await context.Error.WriteLineAsync(problem.ToString());
            }

            return ExitCodes.Failed;
        }

        var (law, error) = loaded.Catalog!.At(municipality, date);
        if (law is null)
        {
            return await context.PrintInputErrorsAsync([error!]);
        }

        var (assessment, errors) = await FeeCalculator.ComputeAsync(law, json, cancellationToken);
        if (assessment is null)
        {
            return await context.PrintInputErrorsAsync(errors);
        }

        await context.Out.WriteAsync(asText ? FeeAssessmentText.Write(assessment) : JsonSerializer.Serialize(assessment, JsonDefaults.Indented) + Environment.NewLine);
        return ExitCodes.Ok;
    }
}
