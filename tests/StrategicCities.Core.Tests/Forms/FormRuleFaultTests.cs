using StrategicCities.Core.Catalog;
using StrategicCities.Core.Forms;

namespace StrategicCities.Core.Tests.Forms;

[TestFixture]
public sealed class FormRuleFaultTests
{
    [Test]
    [Description("A rule expression that throws is a fault of the rule set (RuleEvaluationException), never an issue of the applicant.")]
    public async Task Validate_RuleExpressionThrows_IsAFaultNotAnIssue()
    {
        var (_, sources, _) = await FormTestContext.GetAsync();
        var rules = FormTestContext.CopyRules(sources);
        try
        {
            var overlay = Path.Combine(rules, "municipalities", "063049", "forms", "scia", "2025-05-23.json");
            Directory.CreateDirectory(Path.GetDirectoryName(overlay)!);
            await File.WriteAllTextAsync(overlay, """
                { "id": "forms/scia", "overlays": "forms/scia", "layer": "municipality", "jurisdiction": "063049",
                  "version": "2025-05-23", "validFrom": "2025-05-23", "validTo": null,
                  "instruments": [{ "id": "dlgs126", "title": "D.Lgs. 30 giugno 2016, n. 126" }],
                  "add": [{ "RuleName": "DividesByZero", "Expression": "1 / Form.Integer(form, \"/nessuno\") == 1",
                            "Properties": { "extends": "local-checks", "severity": "warning", "code": "napoli.guasto",
                                            "legalBasis": [{ "instrument": "dlgs126", "article": "2", "paragraph": "5" }],
                                            "messages": { "it": "Regola guasta.", "en": "Broken rule." } } }] }
                """);
            var loaded = await CatalogLoader.LoadAsync(new CatalogSources(rules, sources.SchemasDirectory));
            Assert.That(loaded.Problems, Is.Empty);
            var (schemas, _) = await FormSchemaProvider.LoadAsync(sources.SchemasDirectory);
            var validator = new FormValidator(loaded.Catalog!, schemas!);

            Assert.ThrowsAsync<RuleEvaluationException>(() =>
                validator.ValidateAsync("scia", "063049", new DateOnly(2025, 6, 1), "{}"));
            var (milano, errors) = await validator.ValidateAsync("scia", "015146", new DateOnly(2025, 6, 1), "{}");
            Assert.That(errors, Is.Empty, "other municipalities are unaffected");
            Assert.That(milano!.Valid, Is.False);
        }
        finally
        {
            Directory.Delete(rules, recursive: true);
        }
    }
}
