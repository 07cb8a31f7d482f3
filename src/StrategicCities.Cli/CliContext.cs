using StrategicCities.Core;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Determination;

namespace StrategicCities.Cli;

/// <summary>What every command needs: the output streams and a way to load the catalog.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, TextReader input)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public TextReader In { get; } = input;

    /// <summary>
    /// Loads and verifies the whole law catalog (rules, schemas, procedures, calendars), as the service does; on failure
    /// prints every problem and returns null.
    /// </summary>
    public async Task<Core.Law.LawCatalog?> LoadLawAsync(string? rulesPath, CancellationToken cancellationToken)
    {
        CatalogSources sources;
        try
        {
            sources = CatalogSources.Discover(rulesPath);
        }
        catch (DirectoryNotFoundException ex)
        {
            await Error.WriteLineAsync($"error: {ex.Message}");
            return null;
        }

        var result = await Core.Law.LawCatalog.LoadAsync(sources, cancellationToken: cancellationToken);
        if (!result.Succeeded)
        {
            await Error.WriteLineAsync($"error: the law under {sources.RulesDirectory} does not load (run 'permits lint' for details):");
            foreach (var problem in result.Problems)
            {
                await Error.WriteLineAsync(problem.ToString());
            }

            return null;
        }

        return result.Catalog;
    }

    /// <summary>Loads the catalog, printing every problem (file:rule: message) when it is refused.</summary>
    public async Task<(RuleCatalog? Catalog, CatalogSources? Sources)> LoadCatalogAsync(
        string? rulesPath, CancellationToken cancellationToken, string? schemasPath = null)
    {
        CatalogSources sources;
        try
        {
            sources = CatalogSources.Discover(rulesPath, schemasPath);
        }
        catch (DirectoryNotFoundException ex)
        {
            await Error.WriteLineAsync($"error: {ex.Message}");
            return (null, null);
        }

        var result = await CatalogLoader.LoadAsync(sources, cancellationToken);
        if (!result.Succeeded)
        {
            await Error.WriteLineAsync($"error: the rules under {sources.RulesDirectory} do not load (run 'permits lint' for details):");
            foreach (var problem in result.Problems)
            {
                await Error.WriteLineAsync(problem.ToString());
            }

            return (null, sources);
        }

        return (result.Catalog, sources);
    }

    /// <summary>Reads the intervention or form text from a file, or from standard input for "-" or no option.</summary>
    public async Task<string?> ReadInputAsync(string? path, CancellationToken cancellationToken)
    {
        if (path is null or "-")
        {
            if (path is null && !Console.IsInputRedirected && ReferenceEquals(In, Console.In))
            {
                await Error.WriteLineAsync("error: no input: pass --input <file>, or --input - and pipe the JSON in");
                return null;
            }

            return await In.ReadToEndAsync(cancellationToken);
        }

        if (!File.Exists(path))
        {
            await Error.WriteLineAsync($"error: input file '{path}' does not exist");
            return null;
        }

        return await File.ReadAllTextAsync(path, cancellationToken);
    }

    /// <summary>Prints input errors in both languages: <c>error: code at pointer: it / en</c>.</summary>
    public async Task<int> PrintInputErrorsAsync(IEnumerable<InputError> errors)
    {
        foreach (var e in errors)
        {
            var at = string.IsNullOrEmpty(e.Pointer) ? "" : $" at {e.Pointer}";
            await Error.WriteLineAsync($"error: {e.Code}{at}: {e.Message.En}");
            await Error.WriteLineAsync($"       {e.Message.It}");
        }

        return ExitCodes.BadInput;
    }

    /// <summary>The determination engine over a loaded catalog.</summary>
    public static async Task<DeterminationEngine> CreateEngineAsync(RuleCatalog catalog, CatalogSources sources, CancellationToken cancellationToken) =>
        new(catalog, await InterventionReader.CreateAsync(sources.SchemasDirectory, cancellationToken));
}
