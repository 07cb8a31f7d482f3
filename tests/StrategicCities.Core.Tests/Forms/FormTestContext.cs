using StrategicCities.Core.Catalog;
using StrategicCities.Core.Forms;

namespace StrategicCities.Core.Tests.Forms;

/// <summary>The repository's catalog and form schemas, loaded once for all form tests.</summary>
internal static class FormTestContext
{
    private static readonly Lazy<Task<(RuleCatalog Catalog, CatalogSources Sources, FormValidator Validator)>> Loaded = new(LoadAsync);

    public static Task<(RuleCatalog Catalog, CatalogSources Sources, FormValidator Validator)> GetAsync() => Loaded.Value;

    /// <summary>
    /// A copy of the repository's rule files (without the legal-staff cases) in a new temporary folder, for a test to
    /// change and load; the caller deletes it.
    /// </summary>
    public static string CopyRules(CatalogSources sources)
    {
        var rules = Path.Combine(Path.GetTempPath(), "sc-rules-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(sources.RulesDirectory, "*", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}tests{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var target = Path.Combine(rules, Path.GetRelativePath(sources.RulesDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return rules;
    }

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
