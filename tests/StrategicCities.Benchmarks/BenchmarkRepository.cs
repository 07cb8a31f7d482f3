using StrategicCities.Core.Catalog;

namespace StrategicCities.Benchmarks;

/// <summary>Finds the repository's rules/ and schemas/ from wherever BenchmarkDotNet runs the benchmark.</summary>
internal static class BenchmarkRepository
{
    public static CatalogSources Sources() => new(Path.Combine(Root(), "rules"), Path.Combine(Root(), "schemas"));

    /// <summary>A file of the repository, by its path relative to the root.</summary>
    public static string File(string relative) => Path.Combine(Root(), relative);

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
