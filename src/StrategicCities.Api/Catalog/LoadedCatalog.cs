using Microsoft.Extensions.Options;
using StrategicCities.Api.Logging;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Determination;
using StrategicCities.Core.Forms;
using StrategicCities.Core.Law;
using StrategicCities.Core.Procedures;

namespace StrategicCities.Api.Catalog;

/// <summary>
/// The law catalog the service runs on. Loaded and verified before the server listens (<see cref="CatalogStartup"/>);
/// a reload (<c>POST /api/v1/catalog/reload</c>, or SIGHUP) builds and verifies a new catalog aside and swaps it in one
/// reference write, so a refused reload leaves the old catalog serving and a request keeps the catalog its scope
/// resolved at its start.
/// </summary>
public sealed class LoadedCatalog(IOptions<CatalogOptions> options, TimeProvider clock, ILogger<LoadedCatalog> logger) : ILawSource, IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile LawCatalog? _current;

    /// <summary>Whether a catalog has been loaded and verified.</summary>
    public bool IsLoaded => _current is not null;

    /// <summary>The catalog serving now.</summary>
    public LawCatalog Current => _current ?? throw new InvalidOperationException("The rule catalog is used before it was loaded.");

    /// <summary>The verified rule sets.</summary>
    public RuleCatalog Catalog => Current.Rules;

    /// <summary>The intervention reader over schemas/intervention.schema.json.</summary>
    public InterventionReader InterventionReader => Current.Interventions;

    /// <summary>The form schemas, verified.</summary>
    public FormSchemaProvider FormSchemas => Current.Forms;

    /// <summary>The procedure definitions, verified.</summary>
    public ProcedureCatalog Procedures => Current.Procedures;

    /// <summary>
    /// Loads and verifies a catalog from the configured place and, if nothing is refused, makes it the current one.
    /// Reloads run one at a time. Returns the result with every problem; the current catalog is untouched on refusal.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">No rules/ and schemas/ were found where configured.</exception>
    public async Task<LawCatalogLoadResult> LoadAsync(CancellationToken cancellationToken)
    {
        var path = options.Value.RulesPath;
        var sources = CatalogSources.Discover(string.IsNullOrWhiteSpace(path) ? null : path);
        await _loading.WaitAsync(cancellationToken);
        try
        {
            var result = await LawCatalog.LoadAsync(sources, clock, cancellationToken);
            if (!result.Succeeded)
            {
                Log.CatalogRefused(logger, sources.RulesDirectory, result.Problems.Count);
                if (result.FormSchemaProblems > 0)
                {
                    Log.FormSchemasRefused(logger, sources.SchemasDirectory, result.FormSchemaProblems);
                }

                foreach (var problem in result.Problems)
                {
                    Log.CatalogProblem(logger, problem.Code, problem.File, problem.Rule ?? "-", problem.Message);
                }

                return result;
            }

            var catalog = result.Catalog!;
            _current = catalog;
            // Counting is cheap next to a load, but only worth doing for the log line.
            if (logger.IsEnabled(LogLevel.Information))
            {
                var rules = catalog.Rules;
                var ids = rules.RuleSetIds.ToList();
                var versions = ids.Sum(id => rules.Versions(id).Count);
                Log.CatalogLoaded(logger, sources.RulesDirectory, ids.Count, versions, rules.Overlays.Count, rules.Municipalities.Count);
                var forms = catalog.Forms.Forms.ToList();
                var formVersions = forms.Sum(f => catalog.Forms.Versions(f).Count);
                Log.FormSchemasLoaded(logger, sources.SchemasDirectory, forms.Count, formVersions, catalog.Forms.Extensions.Count);
            }

            return result;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _loading.Dispose();
}
