using StrategicCities.Core.Catalog;
using StrategicCities.Core.Determination;
using StrategicCities.Core.Forms;

namespace StrategicCities.Api.Catalog;

/// <summary>
/// The catalog, the intervention reader and the form schemas, loaded once at start by <see cref="CatalogStartup"/>.
/// Resolving them before the load is a bug (the host does not serve before it).
/// </summary>
public sealed class LoadedCatalog
{
    private volatile State? _state;

    /// <summary>Whether the catalog has been loaded and verified.</summary>
    public bool IsLoaded => _state is not null;

    /// <summary>The verified catalog.</summary>
    public RuleCatalog Catalog => (_state ?? throw NotLoaded()).Catalog;

    /// <summary>The intervention reader over schemas/intervention.schema.json.</summary>
    public InterventionReader InterventionReader => (_state ?? throw NotLoaded()).Reader;

    /// <summary>The form schemas (schemas/forms, schemas/common, schemas/municipalities), verified.</summary>
    public FormSchemaProvider FormSchemas => (_state ?? throw NotLoaded()).FormSchemas;

    internal void Set(RuleCatalog catalog, InterventionReader reader, FormSchemaProvider formSchemas) =>
        _state = new State(catalog, reader, formSchemas);

    private static InvalidOperationException NotLoaded() => new("The rule catalog is used before it was loaded.");

    private sealed record State(RuleCatalog Catalog, InterventionReader Reader, FormSchemaProvider FormSchemas);
}
