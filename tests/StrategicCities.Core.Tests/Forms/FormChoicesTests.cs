using System.Text.Json.Nodes;
using StrategicCities.Core.Forms;

namespace StrategicCities.Core.Tests.Forms;

/// <summary>Labels of coded choices (schemas/choices.json), added to the schemas the service serves.</summary>
[TestFixture]
public sealed class FormChoicesTests
{
    [Test]
    public async Task GetSchema_EveryFormVersionAndMunicipality_LabelsEveryCodedChoiceInBothLanguages()
    {
        var (_, _, validator) = await FormTestContext.GetAsync();
        var labelled = 0;
        var unlabelled = new List<string>();
        foreach (var form in validator.Schemas.Forms)
        {
            foreach (var version in validator.Schemas.Versions(form))
            {
                foreach (var municipality in new[] { "015146", "058091", "001272" })
                {
                    var (schema, _) = await validator.GetSchemaAsync(form, municipality, version.Validity.From);
                    foreach (var (at, node) in Nodes(JsonNode.Parse(schema!.Json)!, ""))
                    {
                        // Coded choices are strings; an enum of true (a declaration to accept) shows as yes/no.
                        if (node["enum"] is not JsonArray values || !values.All(v => v is JsonValue s && s.TryGetValue<string>(out _)))
                        {
                            continue;
                        }

                        var it = node["x-enum-titles"] as JsonArray;
                        var en = node["x-enum-titles-en"] as JsonArray;
                        if (it?.Count == values.Count && en?.Count == values.Count && en.All(l => l!.GetValue<string>().Length > 0))
                        {
                            labelled++;
                        }
                        else
                        {
                            unlabelled.Add($"{form} {version.Version} {municipality} {at}");
                        }
                    }
                }
            }
        }

        Assert.That(unlabelled, Is.Empty);
        Assert.That(labelled, Is.GreaterThan(100));
    }

    [Test]
    public async Task Load_ChoiceWithoutLabels_IsRefusedNamingFileAndChoice()
    {
        var (_, sources, _) = await FormTestContext.GetAsync();
        var copy = Path.Combine(Path.GetTempPath(), "sc-choices-" + Guid.NewGuid().ToString("N"));
        CopyDirectory(sources.SchemasDirectory, copy);
        try
        {
            var file = Path.Combine(copy, FormSchemaProvider.ChoicesFile);
            var choices = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
            ((JsonObject)choices["choices"]!).Remove("manutenzione-straordinaria");
            await File.WriteAllTextAsync(file, choices.ToJsonString());

            var (provider, problems) = await FormSchemaProvider.LoadAsync(copy);

            Assert.That(provider, Is.Null);
            Assert.That(problems.Where(p => p.Code == "schema.choice-unlabelled").Select(p => p.ToString()),
                Has.Some.Contains("forms/scia/2025-05-23.schema.json").And.Some.Contains("'manutenzione-straordinaria'"));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static IEnumerable<(string At, JsonObject Node)> Nodes(JsonNode node, string at)
    {
        if (node is not JsonObject schema)
        {
            yield break;
        }

        yield return (at, schema);
        foreach (var (key, child) in schema)
        {
            if (child is JsonObject && key is not "enum")
            {
                foreach (var inner in Nodes(child, at + "/" + key))
                {
                    yield return inner;
                }
            }
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
