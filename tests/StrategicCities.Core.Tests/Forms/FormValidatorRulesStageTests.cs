using System.Text.Json;
using System.Text.Json.Nodes;
using StrategicCities.Core.Catalog;
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

    [Test]
    [Description("Two rules requiring one document make one required attachment, in the place of the first, with both "
        + "rules and their legal bases without repeats; the issue of a missing one is the first rule's.")]
    public async Task ValidateParsed_TwoRulesRequireOneDocument_OneAttachmentWithBothRules()
    {
        var (_, sources, _) = await FormTestContext.GetAsync();
        var rules = FormTestContext.CopyRules(sources);
        try
        {
            var national = Path.Combine(rules, "national", "forms", "scia", "2025-05-23.json");
            var root = JsonNode.Parse(await File.ReadAllTextAsync(national))!;
            var attachments = root["workflows"]!.AsArray().Single(w => (string?)w!["WorkflowName"] == "attachments")!["Rules"]!.AsArray();
            attachments.Add(Rule("ProxyIsAttached", "procura-speciale", ("1", "procura")));
            attachments.Add(Rule("DrawingsAgain", "elaborati-grafici", ("1", "quadro riepilogativo della documentazione"), ("2", "elaborati")));
            await File.WriteAllTextAsync(national, root.ToJsonString());
            var loaded = await CatalogLoader.LoadAsync(new CatalogSources(rules, sources.SchemasDirectory));
            Assert.That(loaded.Problems, Is.Empty);
            var (schemas, _) = await FormSchemaProvider.LoadAsync(sources.SchemasDirectory);
            var validator = new FormValidator(loaded.Catalog!, schemas!);
            var (_, _, document) = await ArrangeAsync(f => f["allegati"] = new JsonArray());
            using var _ = document;
            var (schema, _) = await validator.GetSchemaAsync("scia", "015146", June2025);

            var report = (await validator.ValidateAsync(schema!, "015146", June2025, document)).Report!;

            var drawings = report.RequiredAttachments.Single(a => a.Code == "elaborati-grafici");
            Assert.Multiple(() =>
            {
                Assert.That(report.RequiredAttachments.Select(a => a.Code).ToList(), Has.Count.GreaterThanOrEqualTo(2)
                    .And.Property("Count").EqualTo(report.RequiredAttachments.Select(a => a.Code).Distinct().Count()));
                Assert.That(report.RequiredAttachments[0].Code, Is.EqualTo("elaborati-grafici"));
                Assert.That(report.RequiredAttachments[^1].Code, Is.EqualTo("procura-speciale"));
                Assert.That(drawings.Rules, Is.EqualTo(new[] { "ProjectDrawingsAreAttached", "DrawingsAgain" }));
                Assert.That(drawings.LegalBasis.Select(b => b.Article), Is.EqualTo(new[] { "1", "2" }));
                Assert.That(drawings.Provided, Is.False);
                Assert.That(report.Errors.Where(e => e.Code == "allegati.elaborati-grafici-missing").Select(e => e.Rule),
                    Is.EqualTo(new[] { "ProjectDrawingsAreAttached" }));
                Assert.That(report.Errors.Where(e => e.Rule == "ProxyIsAttached").Select(e => e.Code), Is.EqualTo(new[] { "attachment.missing" }));
            });
        }
        finally
        {
            Directory.Delete(rules, recursive: true);
        }

        static JsonObject Rule(string name, string attachment, params (string Article, string Note)[] bases) => new()
        {
            ["RuleName"] = name,
            ["Expression"] = "true",
            ["Properties"] = new JsonObject
            {
                ["legalBasis"] = new JsonArray([.. bases.Select(b => (JsonNode)new JsonObject
                {
                    ["instrument"] = "accordo2025", ["article"] = b.Article, ["note"] = b.Note,
                })]),
                ["messages"] = new JsonObject { ["it"] = "Allegare {attachment}.", ["en"] = "Attach {attachment}." },
                ["severity"] = "error",
                ["effect"] = new JsonObject { ["attachment"] = attachment },
            },
        };
    }
}
