using System.Text.Json;
using System.Text.Json.Nodes;
using StrategicCities.Core.Determination;
using StrategicCities.Core.Forms;
using StrategicCities.Core.Tests.Forms;

namespace StrategicCities.Core.Tests.Determination;

[TestFixture]
public sealed class TraceEntryJsonConverterTests
{
    private static readonly DateOnly June2025 = new(2025, 6, 1);

    private static async Task<ValidationReport> ReportAsync(Func<JsonObject, JsonObject>? change = null)
    {
        var (_, sources, validator) = await FormTestContext.GetAsync();
        var path = Path.Combine(sources.SchemasDirectory, "forms", "scia", "examples", "2025-05-23", "valid", "persona-fisica.json");
        var form = (JsonObject)JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        var (report, errors) = await validator.ValidateAsync("scia", "015146", June2025, (change?.Invoke(form) ?? form).ToJsonString());
        Assert.That(errors, Is.Empty);
        return report!;
    }

    /// <summary>The shared settings without the converter: what the serializer writes on its own.</summary>
    private static JsonSerializerOptions Without(JsonSerializerOptions options)
    {
        var plain = new JsonSerializerOptions(options);
        plain.Converters.Clear();
        return plain;
    }

    [Test]
    public async Task Serialize_ReportTwice_WritesWhatTheSerializerWritesWithoutTheConverter()
    {
        var valid = await ReportAsync();
        var invalid = await ReportAsync(f => { f.Remove("tecnico"); return f; });

        foreach (var report in new[] { valid, invalid, valid })
        {
            var expected = JsonSerializer.Serialize(report, Without(JsonDefaults.Compact));

            Assert.That(JsonSerializer.Serialize(report, JsonDefaults.Compact), Is.EqualTo(expected));
        }

        Assert.That(JsonSerializer.Serialize(invalid, JsonDefaults.Compact), Does.Contain("\"outcome\":\"violated\"").And.Contain("\"outcome\":\"satisfied\""));
    }

    [Test]
    public async Task Serialize_Indented_WritesEntriesIndentedAsTheSerializerDoes()
    {
        var report = await ReportAsync();

        Assert.That(JsonSerializer.Serialize(report, JsonDefaults.Indented), Is.EqualTo(JsonSerializer.Serialize(report, Without(JsonDefaults.Indented))));
    }

    [Test]
    public async Task Serialize_CopyOfOptionsWithOtherSettings_WritesWithTheCopysSettings()
    {
        // A copy carries the same converter instance: text kept for the shared options must not leak into it.
        var report = await ReportAsync();
        _ = JsonSerializer.Serialize(report, JsonDefaults.Compact);
        var escaping = new JsonSerializerOptions(JsonDefaults.Compact) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default };

        var written = JsonSerializer.Serialize(report, escaping);

        Assert.That(written, Is.EqualTo(JsonSerializer.Serialize(report, Without(escaping))).And.Contain("\\u00E8"));
    }

    [Test]
    public async Task Validate_TwoForms_ShareTheEntriesOfTheSameRuleAndOutcome()
    {
        var first = await ReportAsync();
        var second = await ReportAsync(f => { f.Remove("tecnico"); return f; });
        var same = first.Trace.Zip(second.Trace).Where(p => p.First.Outcome == p.Second.Outcome).ToList();

        Assert.That(same, Is.Not.Empty);
        Assert.That(same, Has.All.Matches<(TraceEntry First, TraceEntry Second)>(p => ReferenceEquals(p.First, p.Second)));
        Assert.That(first.Trace.Zip(second.Trace), Has.Some.Matches<(TraceEntry First, TraceEntry Second)>(p => !ReferenceEquals(p.First, p.Second)));
    }
}
