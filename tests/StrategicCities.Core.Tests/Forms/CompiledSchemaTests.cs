using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;
using StrategicCities.Core.Forms;
using StrategicCities.Core.Forms.Formats;

namespace StrategicCities.Core.Tests.Forms;

/// <summary>
/// The prepared walk (<see cref="CompiledSchema"/>) against NJsonSchema's own validator, the reference: on every
/// example of every form version, as merged for municipalities with and without local fields, and on mutations of
/// every valid example (each member removed, each value replaced by values of every JSON type and by edge values,
/// an unknown member added to each object), both must report the same errors — kind, path, property and schema node.
/// </summary>
[TestFixture]
public sealed class CompiledSchemaTests
{
    // Milano and Roma have local fields for some forms; Torino has none (national schema only). Mutations use Milano's.
    // Integers beyond 64 bits are not among the replacements: NJsonSchema throws on them (BigInteger is not IConvertible),
    // FormValidatorTests covers what the service answers instead.
    private static readonly string[] Municipalities = ["015146", "058091", "001272"];

    private static readonly JsonNode?[] Replacements =
    [
        null, true, false, 0, -1, 42, 4.5, 1e30, JsonNode.Parse("1.0"),
        "", "x", new string('a', 5000), new string('è', 3000), "Città «bella»", "riga\nnuova \"citata\"", "manutenzione-straordinaria", "RSSMRA85T10A562T", "2025-02-30", "015146", "a@@b.it", new JsonObject(), new JsonArray(),
        new JsonArray(1, "x", null),
    ];

    // Accents as raw UTF-8, quotes and newlines as escapes: both ways a string reaches the walk.
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Test]
    public async Task Validate_EveryExampleAndMutation_ReportsWhatNJsonSchemaReports()
    {
        var (catalog, _, validator) = await FormTestContext.GetAsync();
        var settings = ItalianFormats.CreateValidatorSettings(code => catalog.Municipalities.Find(code) is not null);
        var reference = new JsonSchemaValidator(settings);
        var ids = new Dictionary<JsonSchema, int>(ReferenceEqualityComparer.Instance);
        var documents = 0;
        var withErrors = 0;
        var mismatches = new List<string>();

        foreach (var form in validator.Schemas.Forms)
        {
            foreach (var version in validator.Schemas.Versions(form))
            {
                var folder = Path.Combine(validator.Schemas.SchemasDirectory, "forms", form, "examples", version.Version);
                var valid = Directory.GetFiles(Path.Combine(folder, "valid"), "*.json");
                var invalid = Directory.GetFiles(Path.Combine(folder, "invalid"), "*.json");
                foreach (var municipality in Municipalities)
                {
                    var (merged, _) = await validator.GetSchemaAsync(form, municipality, version.Validity.From);
                    var compiled = CompiledSchema.Compile(merged!.Schema, settings);
                    var texts = valid.Concat(invalid).Select(File.ReadAllText)
                        .Concat(municipality != "015146" ? [] : valid.SelectMany(f => Mutations(JsonNode.Parse(File.ReadAllText(f))!)));
                    foreach (var text in texts)
                    {
                        using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
                        var actual = Keys(compiled.Validate(document.RootElement), ids);
                        documents++;
                        var expected = Keys(SchemaErrors.Flatten(reference.Validate(NewtonsoftTokens.From(document.RootElement), merged.Schema)), ids);
                        withErrors += expected.Count > 0 ? 1 : 0;
                        if (!expected.SetEquals(actual) && mismatches.Count < 10)
                        {
                            mismatches.Add($"{form} {version.Version} {municipality}: NJsonSchema [{string.Join("; ", expected.Order())}] "
                                + $"prepared [{string.Join("; ", actual.Order())}] for {Shorten(text)}");
                        }
                    }
                }
            }
        }

        Assert.That(mismatches, Is.Empty);
        // The comparison means something only if it covered many documents, many of them wrong.
        Assert.That(documents, Is.GreaterThan(5_000));
        Assert.That(withErrors, Is.GreaterThan(documents / 2));
    }

    [TestCase("""{ "type": "object", "anyOf": [ { "required": ["a"] }, { "required": ["b"] } ] }""", "anyOf")]
    [TestCase("""{ "type": "object", "properties": { "a": { "type": ["string", "null"] } } }""", "several types")]
    [TestCase("""{ "type": "array", "uniqueItems": true, "items": { "type": "string" } }""", "uniqueItems")]
    [TestCase("""{ "type": "object", "additionalProperties": { "type": "string" } }""", "additionalProperties as a schema")]
    public async Task Compile_KeywordOutsideTheFormSubset_IsRefusedNamingIt(string schemaJson, string keyword)
    {
        var schema = await JsonSchema.FromJsonAsync(schemaJson);

        var refusal = Assert.Throws<NotSupportedException>(() => CompiledSchema.Compile(schema, ItalianFormats.CreateValidatorSettings()));

        Assert.That(refusal!.Message, Does.Contain(keyword).And.Contain("form rule"));
    }

    [Test]
    public async Task Validate_SchemaThatRefersToItself_PreparesOnceAndChecksEveryLevel()
    {
        var schema = await JsonSchema.FromJsonAsync("""
            { "type": "object", "additionalProperties": false, "required": ["name"],
              "properties": { "name": { "type": "string", "maxLength": 3 }, "child": { "$ref": "#" } } }
            """);
        var compiled = CompiledSchema.Compile(schema, ItalianFormats.CreateValidatorSettings());
        using var document = JsonDocument.Parse("""{ "name": "abc", "child": { "name": "abcd", "child": { "extra": 1 } } }""");

        var errors = compiled.Validate(document.RootElement).Select(e => $"{e.Kind} {e.Path}").Order().ToList();

        Assert.That(errors, Is.EqualTo(new[]
        {
            "NoAdditionalPropertiesAllowed #/child.child.extra",
            "PropertyRequired #/child.child.name",
            "StringTooLong #/child.name",
        }));
    }

    [Test]
    public async Task Validate_ArrayOverMaxItems_ReportsItOnceWithoutCheckingTheItemsPastTheLimit()
    {
        var schema = await JsonSchema.FromJsonAsync("""
            { "type": "object", "properties": { "list": { "type": "array", "maxItems": 2, "items": { "type": "string" } } } }
            """);
        var compiled = CompiledSchema.Compile(schema, ItalianFormats.CreateValidatorSettings());
        using var document = JsonDocument.Parse("""{ "list": ["a", 1, 2, 3, 4] }""");

        var errors = compiled.Validate(document.RootElement).Select(e => $"{e.Kind} {e.Path}").Order().ToList();

        Assert.That(errors, Is.EqualTo(new[] { "StringExpected #/list[1]", "TooManyItems #/list" }));
    }

    private static HashSet<string> Keys(IEnumerable<ValidationError> errors, Dictionary<JsonSchema, int> ids) =>
        [.. errors.Select(e => $"{e.Kind} {e.Path} {e.Property} #{Id(e.Schema, ids)}")];

    private static int Id(JsonSchema? schema, Dictionary<JsonSchema, int> ids)
    {
        if (schema is null)
        {
            return -1;
        }

        if (!ids.TryGetValue(schema, out var id))
        {
            id = ids.Count;
            ids[schema] = id;
        }

        return id;
    }

    /// <summary>
    /// The document with one change each: every member removed, every value replaced, an unknown member added (plain,
    /// accented, very long), every member name written with an escape, every object's members reversed.
    /// </summary>
    private static IEnumerable<string> Mutations(JsonNode root)
    {
        // A copy has the same nodes in the same order: the k-th node of the copy is the one to change.
        var count = Descendants(root).Count();
        for (var k = 0; k < count; k++)
        {
            var copy = root.DeepClone();
            if (Descendants(copy).ElementAt(k) is { Parent: JsonObject owner } member)
            {
                owner.Remove(member.GetPropertyName());
                yield return copy.ToJsonString(Relaxed);
            }

            foreach (var replacement in Replacements)
            {
                copy = root.DeepClone();
                var node = Descendants(copy).ElementAt(k);
                switch (node.Parent)
                {
                    case JsonObject o:
                        o[node.GetPropertyName()] = replacement?.DeepClone();
                        break;
                    case JsonArray a:
                        a[node.GetElementIndex()] = replacement?.DeepClone();
                        break;
                }

                yield return copy.ToJsonString(Relaxed);
            }
        }

        var objects = Descendants(root).Prepend(root).OfType<JsonObject>().Count();
        for (var k = 0; k < objects; k++)
        {
            var copy = root.DeepClone();
            Descendants(copy).Prepend(copy).OfType<JsonObject>().ElementAt(k)["sconosciuto"] = 1;
            yield return copy.ToJsonString(Relaxed);

            // Names read from the document's bytes: accented, and too long for the walk's buffer.
            foreach (var name in (string[])["campò", new string('n', 200)])
            {
                copy = root.DeepClone();
                Descendants(copy).Prepend(copy).OfType<JsonObject>().ElementAt(k)[name] = 1;
                yield return copy.ToJsonString(Relaxed);
            }
        }

        // Every object's members in the reverse order: found by name, not by their place in the schema.
        yield return Reversed(root.DeepClone()).ToJsonString(Relaxed);

        // Every member name once written with an escape (\u0064ichiarante): the same member, not an unknown one.
        var text = root.ToJsonString(Relaxed);
        var names = Descendants(root).Where(n => n.Parent is JsonObject).Select(n => n.GetPropertyName()).Distinct();
        foreach (var name in names)
        {
            var at = text.IndexOf("\"" + name + "\":", StringComparison.Ordinal);
            yield return text[..(at + 1)] + "\\u" + ((int)name[0]).ToString("x4", System.Globalization.CultureInfo.InvariantCulture) + text[(at + 2)..];
        }
    }

    private static JsonNode Reversed(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                var members = o.ToList();
                o.Clear();
                foreach (var (name, value) in Enumerable.Reverse(members))
                {
                    o[name] = value is null ? null : Reversed(value);
                }

                break;
            case JsonArray a:
                foreach (var item in a.OfType<JsonNode>())
                {
                    Reversed(item);
                }

                break;
        }

        return node;
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            yield return child;
            foreach (var below in Descendants(child))
            {
                yield return below;
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
