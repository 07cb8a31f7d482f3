using System.Text.Json;
using System.Text.Json.Nodes;
using StrategicCities.Core.Forms.Formats;
using StrategicCities.Core.Forms.Validation;

namespace StrategicCities.Core.Tests.Forms.Validation;

/// <summary>
/// The server's verdicts that tests/ajv (run by test.sh after the NUnit suites) compares with Ajv's and the widget's:
/// generated mutations of the valid examples against the schemas as merged for municipalities with a schema extension
/// (artifacts/form-mutations.json), and the server's date, e-mail and codice fiscale verdicts on edge values
/// (artifacts/format-verdicts.json).
/// </summary>
[TestFixture]
public sealed class AjvAgreementArtifactsTests
{
    // Milano and Roma extend the cila and scia schemas; their merges are what a portal there is served.
    private static readonly string[] ExtendingMunicipalities = ["015146", "058091"];

    [Test]
    [Description("Each mutation is a patch of a valid example (remove or replace at a JSON pointer) with the server's verdict on the merged schema.")]
    public async Task Mutations_OfTheValidExamplesOnMergedSchemas_AreWrittenWithTheServersVerdict()
    {
        var (catalog, sources, validator) = await FormTestContext.GetAsync();
        var settings = ItalianFormats.CreateValidatorSettings(code => catalog.Municipalities.Find(code) is not null);
        var root = Path.GetDirectoryName(sources.RulesDirectory)!;
        var served = Path.Combine(root, "artifacts", "served-schemas");
        Directory.CreateDirectory(served);
        var mutations = new List<object>();
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var form in validator.Schemas.Forms)
        {
            foreach (var version in validator.Schemas.Versions(form))
            {
                foreach (var municipality in ExtendingMunicipalities)
                {
                    var (merged, _) = await validator.GetSchemaAsync(form, municipality, version.Validity.From);
                    if (merged!.Extension is null)
                    {
                        continue;
                    }

                    var schemaFile = $"{form}-{version.Version}-{municipality}.json";
                    await File.WriteAllTextAsync(Path.Combine(served, schemaFile), merged.Json);
                    var compiled = CompiledSchema.Compile(merged.Schema, settings);
                    var schema = JsonNode.Parse(merged.Json)!;
                    var folder = Path.Combine(sources.SchemasDirectory, "forms", form, "examples", version.Version, "valid");
                    foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
                    {
                        var example = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
                        var relative = Path.GetRelativePath(sources.SchemasDirectory, file).Replace('\\', '/');
                        foreach (var (kind, pointer, value) in Mutate(example, schema))
                        {
                            var text = Apply(example, pointer, value);
                            using var document = JsonDocument.Parse(text);
                            var valid = compiled.Validate(document.RootElement).Count == 0;
                            mutations.Add(new { schema = schemaFile, example = relative, kind, pointer, remove = value is null, value = value is null ? null : JsonNode.Parse(value), valid });
                            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
                        }
                    }
                }
            }
        }

        await File.WriteAllTextAsync(Path.Combine(root, "artifacts", "form-mutations.json"), JsonSerializer.Serialize(mutations));

        Assert.That(kinds.Keys, Is.EquivalentTo(new[] { "drop", "wrong-type", "astral-at-max", "astral-over-max", "astral-at-min", "newline", "integer-as-float", "fraction" }));
        Assert.That(mutations, Has.Count.GreaterThan(1000));
    }

    [Test]
    [Description("The widget's date and e-mail checks and the JS codice fiscale must give these verdicts (tests/ajv compares them).")]
    public async Task FormatVerdicts_OnEdgeValues_AreWrittenWithTheServersVerdict()
    {
        var (_, sources, _) = await FormTestContext.GetAsync();
        var schema = await NJsonSchema.JsonSchema.FromJsonAsync("""
            { "type": "object", "properties": {
              "date": { "type": "string", "format": "date" }, "email": { "type": "string", "format": "email" },
              "codice-fiscale": { "type": "string", "format": "codice-fiscale" } } }
            """);
        var compiled = CompiledSchema.Compile(schema, ItalianFormats.CreateValidatorSettings());
        string Cf(string fifteen) => fifteen + CodiceFiscale.ComputeCheckCharacter(fifteen);
        var values = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["date"] = ["2025-03-01", "0001-01-01", "0099-12-31", "0100-02-29", "0004-02-29", "0000-01-01", "2024-02-29", "2023-02-29",
                "1900-02-29", "2000-02-29", "2025-13-01", "2025-04-31", "2025-3-1", "9999-12-31"],
            ["email"] = ["mario.rossi@example.it", "Mario.Rossi@Example.IT", "a..b@x.it", "mario@x.it.", ".mario@x.it", "mario.@x.it",
                "mario@x", "mario@-x.it", "mario@x-.it", "mario@@x.it", "mario rossi@x.it", "m+tag@x.it", "o'neil@x.it", "mario@x..it",
                "mario@x.it\n"],
            ["codice-fiscale"] = [Cf("RSSMRA84B29A562"), Cf("RSSMRA85B29A562"), Cf("RSSMRA00B29A562"), Cf("BNCNNA01B69F205"),
                Cf("BNCNNA96B69F205"), Cf("RSSMRAUQB29A562"), Cf("RSSMRAUVB29A562"), Cf("RSSMRA85B28A562")],
        };
        var verdicts = values.SelectMany(p => p.Value.Select(v =>
        {
            using var document = JsonDocument.Parse(JsonSerializer.Serialize(new Dictionary<string, string> { [p.Key] = v }));
            return new { format = p.Key, value = v, valid = compiled.Validate(document.RootElement).Count == 0 };
        })).ToList();

        var root = Path.GetDirectoryName(sources.RulesDirectory)!;
        Directory.CreateDirectory(Path.Combine(root, "artifacts"));
        await File.WriteAllTextAsync(Path.Combine(root, "artifacts", "format-verdicts.json"), JsonSerializer.Serialize(verdicts));

        // The decisions the widget follows: years 0001-0099 are dates, and the two addresses the widget took are not.
        Assert.That(verdicts.Where(v => v.value is "0001-01-01" or "0099-12-31" or "0004-02-29").Select(v => v.valid), Has.All.True);
        Assert.That(verdicts.Where(v => v.value is "a..b@x.it" or "mario@x.it." or "mario@x.it\n").Select(v => v.valid), Has.All.False);
        Assert.That(verdicts.Where(v => v.value is "mario.rossi@example.it" or "Mario.Rossi@Example.IT" or "m+tag@x.it").Select(v => v.valid), Has.All.True);
    }

    /// <summary>
    /// The mutations of one example: each member dropped; each scalar replaced by a value of another type; each string
    /// with a length bound set to astral characters at and past the bound (and at minLength); each value of a patterned
    /// string with a final newline; each integer written as a float (1.0 style and with an exponent) and as a fraction.
    /// </summary>
    private static IEnumerable<(string Kind, string Pointer, string? Value)> Mutate(JsonNode example, JsonNode schema)
    {
        foreach (var (pointer, node, nodeSchema) in Walk(example, schema, schema, ""))
        {
            if (node.Parent is JsonObject)
            {
                yield return ("drop", pointer, null);
            }

            if (node is not JsonValue value)
            {
                continue;
            }

            var kind = value.GetValueKind();
            yield return ("wrong-type", pointer, kind == JsonValueKind.String ? "42" : "\"x\"");
            if (nodeSchema is null)
            {
                continue;
            }

            if (kind == JsonValueKind.String)
            {
                if (nodeSchema["maxLength"]?.GetValue<int>() is { } max && max <= 10_000)
                {
                    yield return ("astral-at-max", pointer, JsonSerializer.Serialize(string.Concat(Enumerable.Repeat("😀", max))));
                    yield return ("astral-over-max", pointer, JsonSerializer.Serialize(string.Concat(Enumerable.Repeat("😀", max + 1))));
                }

                if (nodeSchema["minLength"]?.GetValue<int>() is { } min and > 0)
                {
                    yield return ("astral-at-min", pointer, JsonSerializer.Serialize(string.Concat(Enumerable.Repeat("𝟎", min))));
                }

                if (nodeSchema["pattern"] is not null)
                {
                    yield return ("newline", pointer, JsonSerializer.Serialize(value.GetValue<string>() + "\n"));
                }
            }
            else if (kind == JsonValueKind.Number && (string?)nodeSchema["type"] == "integer")
            {
                var whole = value.GetValue<long>();
                yield return ("integer-as-float", pointer, $"{whole}.0");
                yield return ("integer-as-float", pointer, $"{whole}e0");
                yield return ("fraction", pointer, $"{whole}.5");
            }
        }
    }

    /// <summary>Every node below <paramref name="node"/> with its pointer and the schema node it is checked against.</summary>
    private static IEnumerable<(string Pointer, JsonNode Node, JsonNode? Schema)> Walk(JsonNode node, JsonNode? schema, JsonNode root, string pointer)
    {
        schema = Resolve(schema, root);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (child is null)
                    {
                        continue;
                    }

                    var at = pointer + "/" + name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
                    var childSchema = Resolve(schema?["properties"]?[name], root);
                    yield return (at, child, childSchema);
                    foreach (var below in Walk(child, childSchema, root, at))
                    {
                        yield return below;
                    }
                }

                break;
            case JsonArray array:
                var itemSchema = Resolve(schema?["items"], root);
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is not { } item)
                    {
                        continue;
                    }

                    var at = pointer + "/" + i;
                    yield return (at, item, itemSchema);
                    foreach (var below in Walk(item, itemSchema, root, at))
                    {
                        yield return below;
                    }
                }

                break;
        }
    }

    private static JsonNode? Resolve(JsonNode? schema, JsonNode root)
    {
        for (var hops = 0; hops < 32 && schema?["$ref"] is JsonValue reference && reference.GetValue<string>() is var target && target.StartsWith('#'); hops++)
        {
            schema = target[1..].Split('/', StringSplitOptions.RemoveEmptyEntries)
                .Aggregate((JsonNode?)root, (current, part) => current?[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)]);
        }

        return schema;
    }

    /// <summary>The example's text with the value at <paramref name="pointer"/> removed (null) or replaced by raw JSON.</summary>
    private static string Apply(JsonNode example, string pointer, string? value)
    {
        var copy = example.DeepClone();
        var parts = pointer.Split('/')[1..].Select(p => p.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
        var parent = parts[..^1].Aggregate(copy, (current, part) => current is JsonArray a ? a[int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)]! : current[part]!);
        var last = parts[^1];
        var replacement = value is null ? null : JsonNode.Parse(value);
        switch (parent)
        {
            case JsonObject o when value is null:
                o.Remove(last);
                break;
            case JsonObject o:
                o[last] = replacement;
                break;
            case JsonArray a when value is null:
                a.RemoveAt(int.Parse(last, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case JsonArray a:
                a[int.Parse(last, System.Globalization.CultureInfo.InvariantCulture)] = replacement;
                break;
        }

        return copy.ToJsonString();
    }
}
