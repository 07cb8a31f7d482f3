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
        if (await DiscoverAsync(rulesPath, null) is not { } sources)
        {
            return null;
        }

        var result = await Core.Law.LawCatalog.LoadAsync(sources, cancellationToken: cancellationToken);
        return result.Succeeded
            ? result.Catalog
            : await RefusedAsync<Core.Law.LawCatalog>($"the law under {sources.RulesDirectory} does not load", result.Problems);
    }

    /// <summary>Loads the catalog, printing every problem (file:rule: message) when it is refused.</summary>
    public async Task<(RuleCatalog? Catalog, CatalogSources? Sources)> LoadCatalogAsync(
        string? rulesPath, CancellationToken cancellationToken, string? schemasPath = null)
    {
        if (await DiscoverAsync(rulesPath, schemasPath) is not { } sources)
        {
            return (null, null);
        }

        var result = await CatalogLoader.LoadAsync(sources, cancellationToken);
        return result.Succeeded
            ? (result.Catalog, sources)
            : (await RefusedAsync<RuleCatalog>($"the rules under {sources.RulesDirectory} do not load", result.Problems), sources);
    }

    private async Task<CatalogSources?> DiscoverAsync(string? rulesPath, string? schemasPath)
    {
        try
        {
            return CatalogSources.Discover(rulesPath, schemasPath);
        }
        catch (DirectoryNotFoundException ex)
        {
            await Error.WriteLineAsync($"error: {ex.Message}");
            return null;
        }
    }

    private async Task<T?> RefusedAsync<T>(string what, IEnumerable<CatalogProblem> problems)
        where T : class
    {
        await Error.WriteLineAsync($"error: {what} (run 'permits lint' for details):");
        foreach (var problem in problems)
        {
            await Error.WriteLineAsync(problem.ToString());
        }

        return null;
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
