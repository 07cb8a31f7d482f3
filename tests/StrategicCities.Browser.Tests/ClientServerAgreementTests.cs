using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StrategicCities.Core.Forms;

namespace StrategicCities.Browser.Tests;

/// <summary>
/// The widget's client-side checks (validation.mjs with italian-formats.mjs, as served) give the server's verdict
/// (NJsonSchema, FormValidator schema-only validation) on every form example, valid and invalid, in one page.
/// </summary>
[TestFixture]
public sealed class ClientServerAgreementTests
{
    [Test]
    public async Task Widget_and_server_agree_on_every_form_example()
    {
        var validator = BrowserSession.Services.GetRequiredService<FormValidator>();
        var (_, verdicts) = await FormExamples.CheckAsync(validator);
        Assert.That(verdicts, Has.Count.GreaterThanOrEqualTo(40), "the examples were found");

        // The schemas exactly as the server validates the examples with: national version, bundled, no extension.
        var schemas = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var form in validator.Schemas.Forms)
        {
            foreach (var version in validator.Schemas.Versions(form))
            {
                var merged = await validator.Schemas.GetAsync(version, extension: null);
                schemas[form + "@" + version.Version] = JsonDocument.Parse(merged.Json).RootElement.Clone();
            }
        }

        var cases = verdicts.Select(v => new
        {
            file = v.File,
            schema = v.Form + "@" + v.Version,
            document = File.ReadAllText(Path.Combine(RepoPaths.Schemas, v.File)),
        }).ToList();
        var payload = JsonSerializer.Serialize(new { schemas, cases });

        await using var context = await BrowserSession.Browser.NewContextAsync(new() { BaseURL = BrowserSession.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("demo");
        var client = await page.EvaluateAsync<JsonElement>(
            """
            async (payload) => {
              const { validateDocument } = await import("/widget/permit-form.js");
              const { schemas, cases } = JSON.parse(payload);
              return JSON.stringify(cases.map((c) => {
                const result = validateDocument(schemas[c.schema], JSON.parse(c.document));
                return { file: c.file, valid: result.valid, codes: result.errors.map((e) => e.code) };
              }));
            }
            """, payload);
        var results = JsonDocument.Parse(client.GetString()!).RootElement.EnumerateArray()
            .ToDictionary(r => r.GetProperty("file").GetString()!, r => (Valid: r.GetProperty("valid").GetBoolean(),
                Codes: r.GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).Distinct().Order(StringComparer.Ordinal).ToList()));

        var disagreements = verdicts
            .Where(v => results[v.File].Valid != v.Valid)
            .Select(v => $"{v.File}: server {(v.Valid ? "valid" : "invalid")} [{string.Join(", ", v.Codes)}], widget {(results[v.File].Valid ? "valid" : "invalid")} [{string.Join(", ", results[v.File].Codes)}]")
            .ToList();
        var codeDifferences = verdicts
            .Where(v => !v.Codes.Distinct().Order(StringComparer.Ordinal).SequenceEqual(results[v.File].Codes))
            .Select(v => $"{v.File}: server [{string.Join(", ", v.Codes)}], widget [{string.Join(", ", results[v.File].Codes)}]")
            .ToList();

        TestContext.Out.WriteLine($"{verdicts.Count} examples, {verdicts.Count(v => v.Valid)} valid, {disagreements.Count} disagreements");
        Assert.Multiple(() =>
        {
            Assert.That(disagreements, Is.Empty, "verdicts");
            Assert.That(codeDifferences, Is.Empty, "issue codes");
        });
    }
}
