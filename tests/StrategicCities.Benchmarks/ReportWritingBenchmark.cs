using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using StrategicCities.Core;
using StrategicCities.Core.Forms;

namespace StrategicCities.Benchmarks;

/// <summary>
/// Ways of writing the validate endpoint's report (a valid SCIA in Milano), as <c>JsonBodyResult</c> does: into a
/// reused buffer, the encoder on the writer. The setup checks that every way writes the same bytes.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
public class ReportWritingBenchmark
{
    private readonly ArrayBufferWriter<byte> _buffer = new(32 * 1024);
    private ValidationReport _report = null!;
    private JsonTypeInfo<ValidationReport> _defaults = null!;
    private JsonTypeInfo<ValidationReport> _reflection = null!;
    private JsonTypeInfo<ValidationReport> _fastPath = null!;
    private JsonWriterOptions _writer;

    [GlobalSetup]
    public async Task Setup()
    {
        var (catalog, schemas) = await BenchmarkRepository.LoadFormsAsync();
        var validator = new FormValidator(catalog, schemas);
        _report = (await validator.ValidateAsync("scia", "015146", new DateOnly(2025, 6, 1), await BenchmarkRepository.SciaMilanoAsync())).Report!;
        _writer = new JsonWriterOptions { Encoder = JsonDefaults.Compact.Encoder, SkipValidation = true };
        _defaults = Info(JsonDefaults.Compact);
        _reflection = Info(new JsonSerializerOptions(JsonDefaults.Compact) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() });

        // The generated code's own writing (its "fast path") runs only for options without converters or encoder: the
        // trace entries are then written afresh each time. The writer still carries the encoder, so the bytes match.
        _fastPath = Info(new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = FastPathContext.Default,
        });

        var expected = Write(_defaults).ToArray();
        foreach (var (name, info) in new[] { ("reflection", _reflection), ("fast path", _fastPath) })
        {
            if (!Write(info).SequenceEqual(expected))
            {
                throw new InvalidOperationException($"The {name} writes other bytes than JsonDefaults.");
            }
        }
    }

    private static JsonTypeInfo<ValidationReport> Info(JsonSerializerOptions options)
    {
        options.MakeReadOnly(populateMissingResolver: true);
        return (JsonTypeInfo<ValidationReport>)options.GetTypeInfo(typeof(ValidationReport));
    }

    private ReadOnlySpan<byte> Write(JsonTypeInfo<ValidationReport> info)
    {
        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer, _writer);
        JsonSerializer.Serialize(writer, _report, info);
        writer.Flush();
        return _buffer.WrittenSpan;
    }

    [Benchmark(Baseline = true, Description = "JsonDefaults: generated metadata + trace entries from kept text (what the API writes)")]
    public int Defaults() => Write(_defaults).Length;

    [Benchmark(Description = "reflection metadata + trace entries from kept text")]
    public int Reflection() => Write(_reflection).Length;

    [Benchmark(Description = "generated fast path, trace entries written afresh (no converters)")]
    public int FastPath() => Write(_fastPath).Length;
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ValidationReport))]
internal sealed partial class FastPathContext : JsonSerializerContext;
