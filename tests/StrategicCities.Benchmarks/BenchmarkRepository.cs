using StrategicCities.Core.Catalog;

namespace StrategicCities.Benchmarks;

/// <summary>Finds the repository's rules/ and schemas/ from wherever BenchmarkDotNet runs the benchmark.</summary>
internal static class BenchmarkRepository
{
    public static CatalogSources Sources()
    {
        // BenchmarkDotNet runs from a generated folder under the repo's bin/; walk up to the repository.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StrategicCities.sln")))
            {
                return new CatalogSources(Path.Combine(dir.FullName, "rules"), Path.Combine(dir.FullName, "schemas"));
            }
        }

        return CatalogSources.Discover();
    }
}
