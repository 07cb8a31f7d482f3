using Microsoft.Extensions.Options;
using StrategicCities.Api.Logging;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Determination;
using StrategicCities.Core.Forms;

namespace StrategicCities.Api.Catalog;

/// <summary>
/// Loads and verifies the catalog and the form schemas before the server starts listening. If the rules
/// or the schemas do not load, every problem is logged and start fails: the service never serves half-checked law.
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

        // A refused form schema stops the start exactly as a refused rule file does.
        var (formSchemas, schemaProblems) = await FormSchemaProvider.LoadAsync(sources.SchemasDirectory, cancellationToken);
        if (formSchemas is null)
        {
            Log.FormSchemasRefused(logger, sources.SchemasDirectory, schemaProblems.Count);
            foreach (var problem in schemaProblems)
            {
                Log.CatalogProblem(logger, problem.Code, problem.File, problem.Rule ?? "-", problem.Message);
            }

            throw new InvalidDataException("The form schemas were refused:" + Environment.NewLine + string.Join(Environment.NewLine, schemaProblems));
        }

        loaded.Set(catalog, reader, formSchemas);
        var ids = catalog.RuleSetIds.ToList();
        var versionCount = ids.Sum(id => catalog.Versions(id).Count);
        Log.CatalogLoaded(logger, sources.RulesDirectory, ids.Count, versionCount, catalog.Overlays.Count, catalog.Municipalities.Count);
        var forms = formSchemas.Forms.ToList();
        var formVersionCount = forms.Sum(f => formSchemas.Versions(f).Count);
        Log.FormSchemasLoaded(logger, sources.SchemasDirectory, forms.Count, formVersionCount, formSchemas.Extensions.Count);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
