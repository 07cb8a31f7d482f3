using System.Text.Json;
using BenchmarkDotNet.Attributes;
using NJsonSchema.Validation;
using StrategicCities.Core;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Forms;
using StrategicCities.Core.Forms.Formats;
using StrategicCities.Core.Forms.Validation;

namespace StrategicCities.Benchmarks;

/// <summary>
/// The stages of <see cref="FormValidationBenchmark"/> one by one, on the same document, to show where the time of
/// a validation goes: parsing, the JSON Schema check (the fast check and the walk on their own too; and, for
/// comparison, NJsonSchema's own validator, which the prepared walk replaced), the two rule workflows, whether the form
/// fits its intervention and place (FormFit: the determination's regime workflow), and writing the report as the API does.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class FormValidationStagesBenchmark
{
    private static readonly DateOnly LegalDate = new(2025, 6, 1);
    private static readonly JsonSerializerOptions Json = JsonDefaults.Compact;
    private FormValidator _validator = null!;
    private MergedFormSchema _schema = null!;
    private JsonSchemaValidator _njsonschema = null!;
    private CompiledSchema _compiled = null!;
    private EffectiveRuleSet _rules = null!;
    private FormFit _fit = null!;
    private Municipality _milano = null!;
    private ValidationReport _report = null!;
    private string _scia = null!;
    private JsonDocument _document = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        var (catalog, schemas) = await BenchmarkRepository.LoadFormsAsync();
        _validator = new FormValidator(catalog, schemas);
        _scia = await BenchmarkRepository.SciaMilanoAsync();
        _report = (await _validator.ValidateAsync("scia", "015146", LegalDate, _scia)).Report!;
        _schema = (await schemas.GetAsync("scia", "015146", LegalDate)).Schema!;
        var formats = ItalianFormats.CreateValidatorSettings(code => catalog.Municipalities.Find(code) is not null);
        _njsonschema = new JsonSchemaValidator(formats);
        _compiled = CompiledSchema.Compile(_schema.Schema, formats);
        var milano = catalog.Municipalities.Find("015146")!;
        _milano = milano;
        _fit = new FormFit(catalog);
        _rules = await catalog.CompileAsync(catalog.Compose(FormValidator.RuleSetId("scia"), milano, LegalDate)!, CancellationToken.None);
        _document = JsonDocument.Parse(_scia);
        if (!_compiled.IsCertainlyValid(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(_document.RootElement)))
        {
            // Then "2 JSON Schema" would measure the walk, not what a valid form costs.
            throw new InvalidOperationException("The benchmark's SCIA does not take the schema's fast check.");
        }
    }

    private FormDocument NewForm() => new(_document.RootElement, LegalDate, "015146");

    [GlobalCleanup]
    public void Cleanup() => _document.Dispose();

    [Benchmark(Description = "1 parse (System.Text.Json)")]
    public int Parse()
    {
        using var document = JsonDocument.Parse(_scia);
        return document.RootElement.GetPropertyCount();
    }

    [Benchmark(Description = "2 JSON Schema, fast check then walk if needed (what FormValidator runs)")]
    public int Schema() => _compiled.Validate(_document.RootElement).Count;

    [Benchmark(Description = "2a JSON Schema, fast check alone (one reader pass over the bytes)")]
    public bool SchemaFastCheck() => _compiled.IsCertainlyValid(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(_document.RootElement));

    [Benchmark(Description = "2a' a bare Utf8JsonReader pass over the same bytes (the fast check's floor)")]
    public int ReaderPass()
    {
        var reader = new Utf8JsonReader(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(_document.RootElement));
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    [Benchmark(Description = "2b JSON Schema, prepared walk alone (what a form with errors pays, after a failed fast check)")]
    public int SchemaWalk() => _compiled.Walk(_document.RootElement).Count;

    // From the text: NJsonSchema reads it with Newtonsoft itself, so this includes a second parse.
    [Benchmark(Description = "2' JSON Schema, NJsonSchema's validator from the text (the reference the prepared walk replaced)")]
    public int SchemaReference() => _njsonschema.Validate(_scia, _schema.Schema).Count;

    // A new FormDocument per call, as per request: a FormDocument remembers the root members its rules looked up.
    [Benchmark(Description = "3 rules: checks")]
    public async Task<int> Checks() => (await _rules.EvaluateAsync(FormValidator.ChecksWorkflow, [NewForm()])).Count;

    [Benchmark(Description = "4 rules: attachments")]
    public async Task<int> Attachments() => (await _rules.EvaluateAsync(FormValidator.AttachmentsWorkflow, [NewForm()])).Count;

    [Benchmark(Description = "4' fit: the declared intervention determined (regime workflow) and the place checked")]
    public async Task<int> Fit()
    {
        var errors = new List<ValidationIssue>();
        var (pins, _) = await _fit.CheckAsync("scia", _milano, LegalDate, _document.RootElement, errors, CancellationToken.None);
        return pins.Length + errors.Count;
    }

    [Benchmark(Description = "5 write the report (JSON)")]
    public int Write() => JsonSerializer.SerializeToUtf8Bytes(_report, Json).Length;

    // What the API calls: the body already parsed, the schema already found; the schema stage plus the rules stage
    // and FormValidator's own work around them (rule-set lookup, trace, issues, pins).
    [Benchmark(Description = "all: validate a parsed document")]
    public async Task<bool> ValidateParsed() => (await _validator.ValidateAsync(_schema, "015146", LegalDate, _document)).Report!.Valid;

    [Benchmark(Description = "all: validate")]
    public async Task<bool> Validate() => (await _validator.ValidateAsync("scia", "015146", LegalDate, _scia)).Report!.Valid;
}
