using System.Text.Json;
using StrategicCities.Core.Forms;

namespace StrategicCities.Core.Tests.Forms;

[TestFixture]
public sealed class FormExamplesTests
{
    private static readonly string[] NationalForms = ["agibilita", "cil", "cila", "cila-tardiva", "inizio-lavori", "pdc", "pdc-sanatoria", "scia", "scia-alternativa", "scia-sanatoria"];

    [Test]
    [Description("Every valid example passes and every invalid example fails for exactly the one reason its file name states.")]
    public async Task Examples_EveryFormVersion_BehaveBothWays()
    {
        var (_, sources, validator) = await FormTestContext.GetAsync();
        var (problems, verdicts) = await FormExamples.CheckAsync(validator);

        // The Ajv cross-check (tests/ajv/check.mjs) compares its own verdicts with these.
        var root = Path.GetDirectoryName(sources.RulesDirectory)!;
        Directory.CreateDirectory(Path.Combine(root, "artifacts"));
        await File.WriteAllTextAsync(Path.Combine(root, "artifacts", "form-verdicts.json"),
            JsonSerializer.Serialize(verdicts.ToDictionary(v => v.File, v => v.Valid), JsonDefaults.Indented));

        // The schemas as served (bundled, with the municipal extensions merged), for Ajv to compile in strict mode.
        var served = Path.Combine(root, "artifacts", "served-schemas");
        Directory.CreateDirectory(served);
        foreach (var form in validator.Schemas.Forms)
        {
            foreach (var version in validator.Schemas.Versions(form))
            {
                foreach (var municipality in new[] { "015146", "058091", "063049" })
                {
                    var (schema, _) = await validator.GetSchemaAsync(form, municipality, version.Validity.From);
                    await File.WriteAllTextAsync(Path.Combine(served, $"{form}-{version.Version}-{municipality}.json"), schema!.Json);
                }
            }
        }

        Assert.That(problems.Select(p => p.ToString()), Is.Empty);
        Assert.That(verdicts.Count(v => v.Valid), Is.GreaterThanOrEqualTo(3 * 11));
        Assert.That(verdicts.Count(v => !v.Valid), Is.GreaterThanOrEqualTo(10 * 11));
    }

    [Test]
    public async Task Schemas_Load_WithoutForbiddenKeywords()
    {
        var (_, sources, _) = await FormTestContext.GetAsync();
        var (provider, problems) = await FormSchemaProvider.LoadAsync(sources.SchemasDirectory);
        Assert.That(problems.Select(p => p.ToString()), Is.Empty);
        Assert.That(provider!.Forms, Is.EquivalentTo(NationalForms));
    }
}
