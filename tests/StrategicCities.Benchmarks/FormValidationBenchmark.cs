using BenchmarkDotNet.Attributes;
using StrategicCities.Core.Forms;

namespace StrategicCities.Benchmarks;

/// <summary>
/// Validation of a complete SCIA (about 3 KB, with Milano's local fields) on a warm package: JSON Schema with the
/// Italian formats, then the form's cross-field and attachment rules, into one report. The schema is merged and
/// the rules are compiled by the first call (in the setup), as they are on a running server.
/// Target (issue "National unified forms…"): under 200 µs median.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class FormValidationBenchmark
{
    private static readonly DateOnly LegalDate = new(2025, 6, 1);
    private FormValidator _validator = null!;
    private string _scia = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        var (catalog, schemas) = await BenchmarkRepository.LoadFormsAsync();
        _validator = new FormValidator(catalog, schemas);
        _scia = await BenchmarkRepository.SciaMilanoAsync();

        // Warm: merge the schema and compile the rules once, and make sure the document is what it claims to be.
        var (report, errors) = await _validator.ValidateAsync("scia", "015146", LegalDate, _scia);
        if (report is not { Valid: true })
        {
            throw new InvalidDataException("The benchmark document must be a valid SCIA: " + string.Join("; ", errors)
                + string.Join("; ", report?.Errors.Select(e => $"{e.Code} at {e.Pointer}") ?? []));
        }
    }

    [Benchmark(Description = "Validate a complete SCIA (3 KB, Milano, warm)")]
    public async Task<bool> ValidateScia() => (await _validator.ValidateAsync("scia", "015146", LegalDate, _scia)).Report!.Valid;
}
