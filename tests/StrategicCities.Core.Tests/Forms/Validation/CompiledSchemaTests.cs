using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;
using StrategicCities.Core.Forms;
using StrategicCities.Core.Forms.Validation;
using StrategicCities.Core.Forms.Formats;

namespace StrategicCities.Core.Tests.Forms.Validation;

/// <summary>
/// The prepared walk (<see cref="CompiledSchema"/>) against NJsonSchema's own validator, the reference: on every
/// example of every form version, as merged for municipalities with and without local fields, and on mutations of
/// every valid example (each member removed, each value replaced by values of every JSON type and by edge values,
/// an unknown member added to each object), both must report the same errors — kind, path, property and schema node.
/// NJsonSchema reads integers, lengths and patterns its own way; it is given the document as JSON Schema reads it
/// (<see cref="NewtonsoftTokens.AsJsonSchemaReadsIt"/>), and the mutations include what tells the readings apart.
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
        // Where NJsonSchema departs from JSON Schema: whole numbers written as floats, astral characters (one code
        // point, two UTF-16 units) at and around common lengths, a final newline after a value a pattern takes, digits
        // that .NET's \d takes and ECMAScript's does not.
        JsonNode.Parse("1e0"), JsonNode.Parse("2.0"), JsonNode.Parse("1.5e1"), JsonNode.Parse("-3.00"),
        "😀", "😀😀", new string('a', 14) + "😀", new string('a', 15) + "😀", string.Concat(Enumerable.Repeat("😀", 16)),
        string.Concat(Enumerable.Repeat("𝟎", 6)), string.Concat(Enumerable.Repeat("😀", 200)),
        "123\n", "015146\n", "IT\n", "MI\n", "2025-03-01\n", "manutenzione-straordinaria\n", "١٢٣٤٥٦", "2025-03-01\n\n",
    ];

    // Accents as raw UTF-8, quotes and newlines as escapes: both ways a string reaches the walk.
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Test]
    public async Task Validate_EveryExampleAndMutation_ReportsWhatNJsonSchemaReports()
    {
        var (catalog, _, _) = await FormTestContext.GetAsync();
        var settings = ItalianFormats.CreateValidatorSettings(code => catalog.Municipalities.Find(code) is not null);
        var reference = new JsonSchemaValidator(settings);
        var ids = new Dictionary<JsonSchema, int>(ReferenceEqualityComparer.Instance);
        var documents = 0;
        var withErrors = 0;
        var mismatches = new List<string>();

        foreach (var (label, schema, compiled, text, _) in await DocumentsAsync())
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
            documents++;
            var expected = Keys(SchemaErrors.Flatten(reference.Validate(NewtonsoftTokens.AsJsonSchemaReadsIt(document.RootElement), schema)), ids);
            withErrors += expected.Count > 0 ? 1 : 0;
            // The walk alone (every document, valid or not, goes through it here), and Validate, fast check first.
            foreach (var (how, errors) in (ReadOnlySpan<(string, List<ValidationError>)>)[
                ("walk", compiled.Walk(document.RootElement)), ("validate", compiled.Validate(document.RootElement))])
            {
                var actual = Keys(errors, ids);
                if (!expected.SetEquals(actual) && mismatches.Count < 10)
                {
                    mismatches.Add($"{label}: NJsonSchema [{string.Join("; ", expected.Order())}] "
                        + $"{how} [{string.Join("; ", actual.Order())}] for {Shorten(text)}");
                }
            }
        }

        Assert.That(mismatches, Is.Empty);
        // The comparison means something only if it covered many documents, many of them wrong.
        Assert.That(documents, Is.GreaterThan(5_000));
        Assert.That(withErrors, Is.GreaterThan(documents / 2));
    }

    [Test]
    public async Task IsCertainlyValid_EveryExampleAndMutation_TrueExactlyWhenTheWalkFindsNoErrorSaveForTheShapesItLeavesToTheWalk()
    {
        var unsound = new List<string>();
        var missed = new List<string>();
        var validExamplesMissed = new List<string>();
        var (documents, fast, leftToTheWalk, walkedWithErrors) = (0, 0, 0, 0);

        foreach (var (label, _, compiled, text, validExample) in await DocumentsAsync())
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
            var certain = compiled.IsCertainlyValid(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(document.RootElement));
            var errors = compiled.Walk(document.RootElement).Count;
            documents++;
            fast += certain ? 1 : 0;
            leftToTheWalk += !certain && errors == 0 ? 1 : 0;
            walkedWithErrors += errors > 0 ? 1 : 0;
            if (certain && errors > 0 && unsound.Count < 10)
            {
                unsound.Add($"{label}: {errors} errors for {Shorten(text)}");
            }

            if (!certain && errors == 0 && !HasEscapedOrRepeatedName(text) && missed.Count < 10)
            {
                missed.Add($"{label}: {Shorten(text)}");
            }

            if (validExample && !certain)
            {
                validExamplesMissed.Add(label);
            }
        }

        Assert.Multiple(() =>
        {
            // Sound: true only when the walk finds nothing.
            Assert.That(unsound, Is.Empty);
            // Useful: the valid forms take it, every one but the shapes it leaves to the walk.
            Assert.That(missed, Is.Empty);
            Assert.That(validExamplesMissed, Is.Empty);
            // Every side of the comparison was exercised, many times: valid forms, wrong ones, and valid forms
            // with an escaped name (the mutations write every name once with an escape).
            Assert.That(fast, Is.GreaterThan(5_000));
            Assert.That(walkedWithErrors, Is.GreaterThan(documents / 2));
            Assert.That(leftToTheWalk, Is.GreaterThan(100));
        });
    }

    [Test]
    public async Task IsCertainlyValid_BenchmarkDocument_IsTrue()
    {
        var (_, sources, validator) = await FormTestContext.GetAsync();
        var (merged, _) = await validator.GetSchemaAsync("scia", "015146", new DateOnly(2025, 6, 1));
        var compiled = CompiledSchema.Compile(merged!.Schema, ItalianFormats.CreateValidatorSettings());
        var path = Path.Combine(sources.SchemasDirectory, "..", "tests", "StrategicCities.Benchmarks", "Data", "scia-milano.json");
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(path));

        var certain = compiled.IsCertainlyValid(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(document.RootElement));

        Assert.That(compiled.Walk(document.RootElement), Is.Empty, "the benchmark's form is meant to be valid");
        Assert.That(certain, Is.True);
    }

    // A member named twice: the walk (like a Newtonsoft object) checks the last value only; the fast check leaves
    // it to the walk. An escaped name is the same member as the plain one; the fast check leaves it to the walk too.
    [TestCase("""{ "name": "abcd", "name": "abc" }""", new string[0])]
    [TestCase("""{ "name": "abc", "name": "abcd" }""", new[] { "StringTooLong #/name" })]
    [TestCase("""{ "n\u0061me": "abc" }""", new string[0])]
    [TestCase("""{ "n\u0061me": "abcd" }""", new[] { "StringTooLong #/name" })]
    [TestCase("""{ "name": "abc", "child": { "n\u0061me": "ab", "name": "abc" } }""", new string[0])]
    public async Task Validate_RepeatedOrEscapedMemberName_LeftToTheWalkWhichGivesItsErrors(string json, string[] expected)
    {
        var schema = await JsonSchema.FromJsonAsync("""
            { "type": "object", "additionalProperties": false, "required": ["name"],
              "properties": { "name": { "type": "string", "maxLength": 3 }, "child": { "$ref": "#" } } }
            """);
        var (certain, errors) = FastCheckThenValidate(schema, json, default);

        Assert.That(certain, Is.False);
        Assert.That(errors, Is.EqualTo(expected));
    }

    /// <summary>The fast check's answer on a document, and the errors Validate gives (kind and path, sorted).</summary>
    private static (bool Certain, List<string> Errors) FastCheckThenValidate(JsonSchema schema, string json, JsonDocumentOptions options)
    {
        var compiled = CompiledSchema.Compile(schema, ItalianFormats.CreateValidatorSettings());
        using var document = JsonDocument.Parse(json, options);
        var certain = compiled.IsCertainlyValid(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(document.RootElement));
        return (certain, compiled.Validate(document.RootElement).Select(e => $"{e.Kind} {e.Path}").Order().ToList());
    }

    [TestCase("""{ "name": "abc" /* a comment */ }""", new string[0])]
    [TestCase("""{ "name": "abcd", }""", new[] { "StringTooLong #/name" })]
    public async Task Validate_DocumentParsedWithCommentsOrTrailingCommas_LeftToTheWalkWhichGivesItsErrors(string json, string[] expected)
    {
        var schema = await JsonSchema.FromJsonAsync("""
            { "type": "object", "additionalProperties": false, "required": ["name"], "properties": { "name": { "type": "string", "maxLength": 3 } } }
            """);
        var (certain, errors) = FastCheckThenValidate(schema, json,
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });

        Assert.That(certain, Is.False);
        Assert.That(errors, Is.EqualTo(expected));
    }

    [TestCase("""{ "name": "abc" }""", true)]
    [TestCase("""{ "name": "abc", "child": null }""", false)]
    [TestCase("""{ "name": "abc", "child": { "name": "a", "child": { "name": "" } } }""", true)]
    [TestCase("""{ "name": "abc", "child": { "name": "a", "child": { } } }""", false)]
    [TestCase("""{ "name": "abc", "child": { "name": "a", "extra": [1, 2] } }""", false)]
    [TestCase("""{ "name": "abcd" }""", false)]
    [TestCase("""{ "name": 1 }""", false)]
    [TestCase("""[]""", false)]
    public async Task IsCertainlyValid_SchemaThatRefersToItself_AnswersAtEveryLevel(string json, bool expected)
    {
        var schema = await JsonSchema.FromJsonAsync("""
            { "type": "object", "additionalProperties": false, "required": ["name"],
              "properties": { "name": { "type": "string", "maxLength": 3 }, "child": { "$ref": "#" } } }
            """);
        var compiled = CompiledSchema.Compile(schema, ItalianFormats.CreateValidatorSettings());
        using var document = JsonDocument.Parse(json);

        var certain = compiled.IsCertainlyValid(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(document.RootElement));

        Assert.That(certain, Is.EqualTo(expected));
        Assert.That(compiled.Walk(document.RootElement), expected ? Is.Empty : Is.Not.Empty);
    }

    // Numbers as the walk reads them: as decimal (a fraction through double), as double beyond decimal's range.
    [TestCase("5", true)]
    [TestCase("10", true)]
    [TestCase("10.0", true)]
    [TestCase("10.0000000000000001", true)] // 10 as a double, then as a decimal: the walk's reading
    [TestCase("10.001", false)]
    [TestCase("-1", false)]
    [TestCase("2.5", true)]
    [TestCase("2.25", false)] // not a multiple of 0.5
    [TestCase("1e1", true)]
    [TestCase("1e30", false)]
    public async Task IsCertainlyValid_NumberWithRange_AgreesWithTheWalk(string number, bool expected)
    {
        var schema = await JsonSchema.FromJsonAsync("""
            { "type": "object", "properties": { "n": { "type": "number", "minimum": 0, "maximum": 10, "multipleOf": 0.5 } } }
            """);
        var compiled = CompiledSchema.Compile(schema, ItalianFormats.CreateValidatorSettings());
        using var document = JsonDocument.Parse($$"""{ "n": {{number}} }""");

        var certain = compiled.IsCertainlyValid(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(document.RootElement));

        Assert.That(certain, Is.EqualTo(expected));
        Assert.That(compiled.Walk(document.RootElement), expected ? Is.Empty : Is.Not.Empty);
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

    /// <summary>
    /// Every example of every form version, as merged for each municipality, and (Milano's merge) the mutations of
    /// every valid example; whether the document is a valid example as written.
    /// </summary>
    private static async Task<List<(string Label, JsonSchema Schema, CompiledSchema Compiled, string Text, bool ValidExample)>> DocumentsAsync()
    {
        var (catalog, _, validator) = await FormTestContext.GetAsync();
        var settings = ItalianFormats.CreateValidatorSettings(code => catalog.Municipalities.Find(code) is not null);
        var documents = new List<(string, JsonSchema, CompiledSchema, string, bool)>();
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
                    var label = $"{form} {version.Version} {municipality}";
                    var texts = valid.Select(f => (File.ReadAllText(f), true))
                        .Concat(invalid.Select(f => (File.ReadAllText(f), false)))
                        .Concat(municipality != "015146" ? [] : valid.SelectMany(f => Mutations(JsonNode.Parse(File.ReadAllText(f))!)).Select(t => (t, false)));
                    documents.AddRange(texts.Select(t => (label, merged.Schema, compiled, t.Item1, t.Item2)));
                }
            }
        }

        return documents;
    }

    /// <summary>Whether a member name is written with an escape, or twice in one object: the shapes the fast check leaves to the walk.</summary>
    private static bool HasEscapedOrRepeatedName(string text)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text));
        var names = new Stack<HashSet<string>>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    names.Push([]);
                    break;
                case JsonTokenType.EndObject:
                    names.Pop();
                    break;
                case JsonTokenType.PropertyName when reader.ValueIsEscaped || !names.Peek().Add(reader.GetString()!):
                    return true;
            }
        }

        return false;
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
