using System.Text.Json;
using System.Text.Json.Nodes;
using StrategicCities.Core.Determination;
using StrategicCities.Core.Forms;

namespace StrategicCities.Core.Tests.Forms;

/// <summary>The rules stage of <see cref="FormValidator"/> on a parsed document, as the API calls it.</summary>
[TestFixture]
public sealed class FormValidatorRulesStageTests
{
    private static readonly DateOnly June2025 = new(2025, 6, 1);

    private static async Task<(FormValidator Validator, MergedFormSchema Schema, JsonDocument Document)> ArrangeAsync(Action<JsonObject>? change = null)
    {
        var (_, sources, validator) = await FormTestContext.GetAsync();
        var path = Path.Combine(sources.SchemasDirectory, "forms", "scia", "examples", "2025-05-23", "valid", "persona-fisica.json");
        var form = (JsonObject)JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        change?.Invoke(form);
        var (schema, _) = await validator.GetSchemaAsync("scia", "015146", June2025);
        return (validator, schema!, JsonDocument.Parse(form.ToJsonString()));
    }

    [Test]
    public async Task ValidateParsed_TokenCanceled_ThrowsTaskCanceledAsAwaitingTheRulesDid()
    {
        var (validator, schema, document) = await ArrangeAsync();
        using var _ = document;
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();

        Assert.ThrowsAsync<TaskCanceledException>(() => validator.ValidateAsync(schema, "015146", June2025, document, canceled.Token));
    }

    [Test]
    public async Task ValidateParsed_SameFormTwice_SameReportWithSharedTraceEntries()
    {
        var (validator, schema, document) = await ArrangeAsync(f => f["regolaritaUrbanistica"]!["conformita"] = false);
        using var _ = document;

        var first = (await validator.ValidateAsync(schema, "015146", June2025, document)).Report!;
        var second = (await validator.ValidateAsync(schema, "015146", June2025, document)).Report!;

        Assert.Multiple(() =>
        {
            Assert.That(JsonSerializer.Serialize(second, JsonDefaults.Compact), Is.EqualTo(JsonSerializer.Serialize(first, JsonDefaults.Compact)));
            Assert.That(first.Trace.Select(t => t.Outcome), Does.Contain("satisfied").And.Contain("violated").And.Contain(TraceEntry.Applied));
            Assert.That(second.Trace, Is.EqualTo(first.Trace).Using<TraceEntry>(ReferenceEquals));
            Assert.That(first.Errors.Select(e => e.Rule), Does.Contain("NonConformingStateIsExplained"));
        });
    }
}
