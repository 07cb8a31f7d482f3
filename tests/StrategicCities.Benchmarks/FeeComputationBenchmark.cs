using BenchmarkDotNet.Attributes;
using StrategicCities.Core.Fees;
using StrategicCities.Core.Law;

namespace StrategicCities.Benchmarks;

/// <summary>
/// One fee computation on a warm catalog (files loaded and verified): reading the input, selecting the files in force,
/// every line with its tariffs, reductions and citations, the totals and the instalments.
/// </summary>
[MemoryDiagnoser]
public class FeeComputationBenchmark
{
    private LawInForce _milano = null!;
    private LawInForce _roma = null!;

    private const string NewHouse = """
        { "regime": "permesso-di-costruire", "category": "nuova-costruzione", "use": "residenziale", "zone": "periferica", "volume": 1000,
          "residential": { "usefulSurface": 300, "accessorySurface": 90, "unitSurfaces": [95, 95, 110], "specialFeatures": 1 } }
        """;

    private const string ChangeOfUse = """
        { "regime": "scia", "category": "cambio-uso", "use": "residenziale", "previousUse": "commerciale", "volume": 300, "previousSurface": 100 }
        """;

    [GlobalSetup]
    public async Task Setup()
    {
        var catalog = (await LawCatalog.LoadAsync(BenchmarkRepository.Sources())).Catalog!;
        _milano = catalog.At("015146", new DateOnly(2024, 3, 1)).Law!;
        _roma = catalog.At("058091", new DateOnly(2025, 6, 1)).Law!;
    }

    [Benchmark(Baseline = true, Description = "Fees of a new house (Milano: oneri, D.M. 801 class, desk charges, instalments)")]
    public async Task<decimal> NewHouseMilano() => (await FeeCalculator.ComputeAsync(_milano, NewHouse)).Assessment!.Total;

    [Benchmark(Description = "Fees of a change of use (Roma: difference of the oneri)")]
    public async Task<decimal> ChangeOfUseRoma() => (await FeeCalculator.ComputeAsync(_roma, ChangeOfUse)).Assessment!.Total;
}
