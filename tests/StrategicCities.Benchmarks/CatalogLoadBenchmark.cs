using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using StrategicCities.Core.Catalog;

namespace StrategicCities.Benchmarks;

/// <summary>
/// Cold load: read and verify every file under rules/, then resolve and compile the national package
/// (plus Lombardia's and Milano's layers). Each launch is a fresh process, so nothing is warm.
/// Target (issue 2): under 1 s.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 5, warmupCount: 0, iterationCount: 1)]
[MemoryDiagnoser]
public class CatalogLoadBenchmark
{
    private CatalogSources _sources = null!;

    [GlobalSetup]
    public void Setup() => _sources = BenchmarkRepository.Sources();

    [Benchmark(Description = "Cold load of rules/ + compile the package for Roma (national)")]
    public async Task<int> LoadAndCompileNationalPackage()
    {
        var catalog = (await CatalogLoader.LoadAsync(_sources)).GetCatalogOrThrow();
        var (package, _) = await catalog.ResolveAsync("058091", new DateOnly(2025, 3, 1));
        return package!.Versions.Count;
    }
}
