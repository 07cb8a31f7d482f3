using BenchmarkDotNet.Attributes;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Determination;

namespace StrategicCities.Benchmarks;

/// <summary>
/// One determination on a warm (resolved and compiled) package: the three workflows and the trace.
/// Target (issue 2): under 100 µs median.
/// </summary>
[MemoryDiagnoser]
public class DeterminationBenchmark
{
    private DeterminationEngine _engine = null!;
    private EffectivePackage _national = null!;
    private EffectivePackage _milano = null!;
    private InterventionReader _reader = null!;

    private static readonly InterventionFacts Facts = new()
    {
        Category = "ristrutturazione-edilizia",
        StructuralParts = true,
        FacadeChanges = true,
        Landscape = true,
        SeismicZone = 2,
        EnergyRelevant = true,
    };

    private const string Json = """
        {"category":"ristrutturazione-edilizia","structuralParts":true,"facadeChanges":true,"landscape":true,"seismicZone":2,"energyRelevant":true}
        """;

    [GlobalSetup]
    public async Task Setup()
    {
        var sources = BenchmarkRepository.Sources();
        var catalog = (await CatalogLoader.LoadAsync(sources)).GetCatalogOrThrow();
        _reader = await InterventionReader.CreateAsync(sources.SchemasDirectory);
        _engine = new DeterminationEngine(catalog, _reader);
        _national = (await catalog.ResolveAsync("058091", new DateOnly(2025, 3, 1))).Package!;
        _milano = (await catalog.ResolveAsync("015146", new DateOnly(2025, 3, 1))).Package!;
    }

    [Benchmark(Baseline = true, Description = "Determine on warm national package (Roma)")]
    public async Task<string> DetermineNational() => (await _engine.DetermineAsync(_national, Facts)).Result!.Regime;

    [Benchmark(Description = "Determine on warm package with regional + municipal overlays (Milano)")]
    public async Task<string> DetermineWithOverlays() => (await _engine.DetermineAsync(_milano, Facts)).Result!.Regime;

    [Benchmark(Description = "Read intervention JSON (schema check) + determine (Milano)")]
    public async Task<string> ReadAndDetermine()
    {
        var (facts, _) = _reader.Read(Json);
        return (await _engine.DetermineAsync(_milano, facts!)).Result!.Regime;
    }
}
