using StrategicCities.Core.Catalog;
using StrategicCities.Core.Forms;

namespace StrategicCities.Benchmarks;

/// <summary>Finds the repository's rules/ and schemas/ from wherever BenchmarkDotNet runs the benchmark.</summary>
internal static class BenchmarkRepository
{
    public static CatalogSources Sources() => new(Path.Combine(Root(), "rules"), Path.Combine(Root(), "schemas"));

    /// <summary>A file of the repository, by its path relative to the root.</summary>
    public static string File(string relative) => Path.Combine(Root(), relative);

    /// <summary>The complete SCIA (about 3 KB, Milano's local fields) the form benchmarks validate.</summary>
    public static Task<string> SciaMilanoAsync() => System.IO.File.ReadAllTextAsync(File("tests/StrategicCities.Benchmarks/Data/scia-milano.json"));

    /// <summary>The catalog and the form schemas of the repository; refused files stop the benchmark.</summary>
    public static async Task<(RuleCatalog Catalog, FormSchemaProvider Schemas)> LoadFormsAsync()
    {
        var sources = Sources();
        var catalog = (await CatalogLoader.LoadAsync(sources)).GetCatalogOrThrow();
        var (schemas, problems) = await FormSchemaProvider.LoadAsync(sources.SchemasDirectory);
        return schemas is null
            ? throw new InvalidDataException("The form schemas were refused: " + string.Join("; ", problems))
            : (catalog, schemas);
    }

    private static string Root()
    {
        // BenchmarkDotNet runs from a generated folder under the repo's bin/; walk up to the repository.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "StrategicCities.sln")))
            {
                return dir.FullName;
            }
        }

        return Path.GetDirectoryName(CatalogSources.Discover().RulesDirectory)!;
    }
}
