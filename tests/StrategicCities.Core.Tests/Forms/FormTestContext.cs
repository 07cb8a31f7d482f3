using StrategicCities.Core.Catalog;
using StrategicCities.Core.Forms;

namespace StrategicCities.Core.Tests.Forms;

/// <summary>The repository's catalog and form schemas, loaded once for all form tests.</summary>
internal static class FormTestContext
{
    private static readonly Lazy<Task<(RuleCatalog Catalog, CatalogSources Sources, FormValidator Validator)>> Loaded = new(LoadAsync);

    public static Task<(RuleCatalog Catalog, CatalogSources Sources, FormValidator Validator)> GetAsync() => Loaded.Value;

    private static async Task<(RuleCatalog, CatalogSources, FormValidator)> LoadAsync()
    {
        var sources = CatalogSources.Discover();
        var result = await CatalogLoader.LoadAsync(sources);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The rules do not load: " + string.Join(Environment.NewLine, result.Problems));
        }

        var (schemas, problems) = await FormSchemaProvider.LoadAsync(sources.SchemasDirectory);
        if (schemas is null)
        {
            throw new InvalidOperationException("The form schemas do not load: " + string.Join(Environment.NewLine, problems));
        }

        return (result.Catalog!, sources, new FormValidator(result.Catalog!, schemas));
    }
}
