using Microsoft.Extensions.Options;
using StrategicCities.Api.Logging;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Determination;

namespace StrategicCities.Api.Catalog;

/// <summary>
/// Loads and verifies the catalog before the server starts listening. If the rules do not load,
/// every problem is logged and start fails: the service never serves half-checked law.
/// </summary>
public sealed class CatalogStartup(LoadedCatalog loaded, IOptions<CatalogOptions> options, ILogger<CatalogStartup> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        CatalogSources sources;
        try
        {
            sources = CatalogSources.Discover(string.IsNullOrWhiteSpace(options.Value.RulesPath) ? null : options.Value.RulesPath);
        }
        catch (DirectoryNotFoundException ex)
        {
            Log.CatalogNotFound(logger, ex.Message);
            throw new InvalidOperationException(
                $"The rule catalog was not found: {ex.Message} Set Catalog:RulesPath or {CatalogSources.RootVariable}.", ex);
        }

        var result = await CatalogLoader.LoadAsync(sources, cancellationToken);
        if (!result.Succeeded)
        {
            Log.CatalogRefused(logger, sources.RulesDirectory, result.Problems.Count);
            foreach (var problem in result.Problems)
            {
                Log.CatalogProblem(logger, problem.Code, problem.File, problem.Rule ?? "-", problem.Message);
            }

            // The exception carries the same list, so it is printed even if logging is off.
            result.GetCatalogOrThrow();
        }

        var catalog = result.Catalog!;
        var reader = await InterventionReader.CreateAsync(sources.SchemasDirectory, cancellationToken);
        loaded.Set(catalog, reader);
        var ids = catalog.RuleSetIds.ToList();
        var versionCount = ids.Sum(id => catalog.Versions(id).Count);
        Log.CatalogLoaded(logger, sources.RulesDirectory, ids.Count, versionCount, catalog.Overlays.Count, catalog.Municipalities.Count);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
