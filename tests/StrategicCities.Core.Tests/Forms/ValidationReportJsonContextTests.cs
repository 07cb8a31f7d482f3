using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using StrategicCities.Core.Forms;

namespace StrategicCities.Core.Tests.Forms;

[TestFixture]
public sealed class ValidationReportJsonContextTests
{
    private static readonly DateOnly June2025 = new(2025, 6, 1);

    /// <summary>The shared settings without any converter or generated metadata: what the serializer writes by reflection.</summary>
    private static JsonSerializerOptions Reflection(JsonSerializerOptions options)
    {
        var plain = new JsonSerializerOptions(options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        plain.Converters.Clear();
        return plain;
    }

    /// <summary>The report of every SCIA example, valid and invalid, in Milano (local rules: warnings) and Roma.</summary>
    private static async Task<List<ValidationReport>> ReportsAsync()
    {
        var (_, sources, validator) = await FormTestContext.GetAsync();
        var reports = new List<ValidationReport>();
        foreach (var file in Directory.GetFiles(Path.Combine(sources.SchemasDirectory, "forms", "scia", "examples"), "*.json", SearchOption.AllDirectories))
        {
            var text = await File.ReadAllTextAsync(file);
            foreach (var municipality in new[] { "015146", "058091" })
            {
                var (report, _) = await validator.ValidateAsync("scia", municipality, June2025, text);
                if (report is not null)
                {
                    reports.Add(report);
                }
            }
        }

        // Milano's own rule on its local field: a warning (a municipality's rules never block a form).
        var form = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(
            Path.Combine(sources.SchemasDirectory, "forms", "scia", "examples", "2025-05-23", "valid", "persona-fisica.json")))!;
        form["estensioniLocali"] = new System.Text.Json.Nodes.JsonObject { ["milano"] = new System.Text.Json.Nodes.JsonObject { ["ambitoPgt"] = "NAF" } };
        var attachments = form["allegati"]!.AsArray();
        foreach (var photo in attachments.Where(a => (string?)a!["tipo"] == "documentazione-fotografica").ToList())
        {
            attachments.Remove(photo);
        }

        reports.Add((await validator.ValidateAsync("scia", "015146", June2025, form.ToJsonString())).Report!);
        return reports;
    }

    [Test]
    public async Task Serialize_EveryExampleCompactAndIndented_WritesWhatTheReflectionSerializerWrites()
    {
        var reports = await ReportsAsync();
        Assert.That(reports.Count(r => !r.Valid), Is.GreaterThan(10), "invalid reports: errors with rules, legal bases and null members");
        Assert.That(reports.Exists(r => r.Warnings.Count > 0), Is.True, "a report with warnings");

        foreach (var options in new[] { JsonDefaults.Compact, JsonDefaults.Indented })
        {
            foreach (var report in reports)
            {
                Assert.That(JsonSerializer.Serialize(report, options), Is.EqualTo(JsonSerializer.Serialize(report, Reflection(options))));
            }
        }
    }

    [Test]
    public async Task Deserialize_WrittenReport_ReadsTheSameReportBack()
    {
        var report = (await ReportsAsync()).First(r => !r.Valid);

        var read = JsonSerializer.Deserialize<ValidationReport>(JsonSerializer.Serialize(report, JsonDefaults.Compact), JsonDefaults.Compact)!;

        Assert.That(JsonSerializer.Serialize(read, JsonDefaults.Compact), Is.EqualTo(JsonSerializer.Serialize(report, JsonDefaults.Compact)));
        Assert.That(read.Errors.Select(e => e.Code), Is.EqualTo(report.Errors.Select(e => e.Code)));
    }
}
