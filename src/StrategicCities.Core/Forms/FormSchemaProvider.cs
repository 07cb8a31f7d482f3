using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Forms;

/// <summary>
/// The form schemas: every version of every national form (<c>schemas/forms</c>), bundled with the shared
/// parts (<c>schemas/common</c>), and the municipal extensions (<c>schemas/municipalities</c>). Selects the
/// version in force on a legal date, merges the municipality's extension and returns the one schema a portal
/// renders and the service validates with. Immutable after load; merged schemas are cached.
/// </summary>
public sealed class FormSchemaProvider
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<FormSchemaVersion>> _forms;
    private readonly IReadOnlyList<FormSchemaExtension> _extensions;
    private readonly IReadOnlyDictionary<string, LocalizedText> _choices;
    private readonly Law.LawCache<MergedFormSchema> _merged = new();

    private FormSchemaProvider(
        IReadOnlyDictionary<string, IReadOnlyList<FormSchemaVersion>> forms, IReadOnlyList<FormSchemaExtension> extensions,
        IReadOnlyDictionary<string, LocalizedText> choices, string schemasDirectory)
    {
        _forms = forms;
        Forms = [.. forms.Keys.Order(StringComparer.Ordinal)];
        _extensions = extensions;
        _choices = choices;
        SchemasDirectory = schemasDirectory;
    }

    /// <summary>File of the labels of coded choices, relative to the schemas folder.</summary>
    public const string ChoicesFile = "choices.json";

    /// <summary>The schemas folder loaded from.</summary>
    public string SchemasDirectory { get; }

    /// <summary>Form codes (<c>scia</c>, <c>cila</c>, …), sorted.</summary>
    public IReadOnlyList<string> Forms { get; }

    /// <summary>Whether a form has that code (exactly).</summary>
    public bool IsForm(string form) => _forms.ContainsKey(form);

    /// <summary>Versions of a form, oldest first (empty when unknown).</summary>
    public IReadOnlyList<FormSchemaVersion> Versions(string form) => _forms.GetValueOrDefault(form) ?? [];

    /// <summary>Every municipal extension.</summary>
    public IReadOnlyList<FormSchemaExtension> Extensions => _extensions;

    /// <summary>Loads and checks every schema file; any problem refuses the whole set (as the rule catalog does).</summary>
    public static async Task<(FormSchemaProvider? Provider, IReadOnlyList<CatalogProblem> Problems)> LoadAsync(
        string schemasDirectory, CancellationToken cancellationToken = default)
    {
        var problems = new List<CatalogProblem>();
        var bundler = new SchemaBundler(schemasDirectory, problems);
        var forms = new Dictionary<string, IReadOnlyList<FormSchemaVersion>>(StringComparer.Ordinal);
        var formsDirectory = Path.Combine(schemasDirectory, "forms");
        foreach (var file in SchemaFiles(schemasDirectory, "common"))
        {
            var (node, _) = await ReadAsync(schemasDirectory, file, problems, cancellationToken);
            SchemaKeywords.Check(node, Relative(schemasDirectory, file), problems);
        }

        if (Directory.Exists(formsDirectory))
        {
            foreach (var formDirectory in Directory.EnumerateDirectories(formsDirectory).Order(StringComparer.Ordinal))
            {
                var form = Path.GetFileName(formDirectory);
                var versions = new List<FormSchemaVersion>();
                foreach (var file in Directory.EnumerateFiles(formDirectory, "*.schema.json").Order(StringComparer.Ordinal))
                {
                    var version = await ReadFormAsync(schemasDirectory, form, file, bundler, problems, cancellationToken);
                    if (version is not null)
                    {
                        versions.Add(version);
                    }
                }

                versions.Sort((a, b) => a.Validity.From.CompareTo(b.Validity.From));
                CheckSeries(versions.Select(v => (v.File, v.Validity)).ToList(), contiguous: true, problems);
                forms[form] = versions;
            }
        }

        var extensions = new List<FormSchemaExtension>();
        foreach (var file in SchemaFiles(schemasDirectory, "municipalities"))
        {
            var extension = await ReadExtensionAsync(schemasDirectory, file, forms, bundler, problems, cancellationToken);
            if (extension is not null)
            {
                extensions.Add(extension);
            }
        }

        foreach (var series in extensions.GroupBy(e => (e.Form, e.Municipality)))
        {
            CheckSeries([.. series.OrderBy(e => e.Validity.From).Select(e => (e.File, e.Validity))], contiguous: false, problems);
        }

        var choices = await ReadChoicesAsync(schemasDirectory, problems, cancellationToken);
        foreach (var version in forms.Values.SelectMany(v => v))
        {
            CheckChoices(version.Bundled, version.File, "", choices, problems);
        }

        foreach (var extension in extensions)
        {
            foreach (var (point, additions) in extension.Additions)
            {
                CheckChoices(additions, extension.File, "/" + point, choices, problems);
            }

            foreach (var (name, definition) in extension.Definitions)
            {
                CheckChoices(definition, extension.File, "/definitions/" + name, choices, problems);
            }
        }

        return problems.Count > 0
            ? (null, [.. problems.Distinct()])
            : (new FormSchemaProvider(forms, extensions, choices, schemasDirectory), []);
    }

    /// <summary>The version of a form in force on a date, or the error to show (<c>form.unknown</c>, <c>legal-date.no-version</c>).</summary>
    public (FormSchemaVersion? Version, InputError? Error) Select(string form, DateOnly legalDate)
    {
        if (!_forms.TryGetValue(form, out var versions) || versions.Count == 0)
        {
            return (null, UnknownForm(form));
        }

        var version = versions.FirstOrDefault(v => v.Validity.Contains(legalDate));
        if (version is null)
        {
            var first = versions[0].Validity.From;
            return (null, new InputError(InputError.Codes.NoVersion, "/legalDate", new LocalizedText(
                $"Nessuna versione del modulo '{form}' è in vigore alla data {legalDate:dd/MM/yyyy}. La prima versione è in vigore dal {first:dd/MM/yyyy}.",
                $"No version of form '{form}' is in force on {legalDate:yyyy-MM-dd}. The first version takes effect on {first:yyyy-MM-dd}.")));
        }

        return (version, null);
    }

    /// <summary>The municipal extension of a form in force on a date, if any.</summary>
    public FormSchemaExtension? ExtensionAt(string form, string municipality, DateOnly legalDate) =>
        _extensions.FirstOrDefault(e => e.Form == form && e.Municipality == municipality && e.Validity.Contains(legalDate));

    /// <summary>
    /// The schema a portal receives for a form, municipality (ISTAT code, already checked) and legal date: the
    /// national version in force, bundled, with the municipality's optional fields merged into its extension points.
    /// </summary>
    public async Task<(MergedFormSchema? Schema, InputError? Error)> GetAsync(
        string form, string municipality, DateOnly legalDate, CancellationToken cancellationToken = default)
    {
        var (version, error) = Select(form, legalDate);
        if (version is null)
        {
            return (null, error);
        }

        return (await GetAsync(version, ExtensionAt(form, municipality, legalDate), cancellationToken), null);
    }

    /// <summary>A national version with an extension (or none) merged, cached.</summary>
    public Task<MergedFormSchema> GetAsync(FormSchemaVersion version, FormSchemaExtension? extension, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        var key = $"{version.File}|{extension?.File}";
        return _merged.GetOrAddAsync(key, () => MergeAsync(version, extension)).WaitAsync(cancellationToken);
    }

    /// <summary>The error for a form code the service does not know.</summary>
    public InputError UnknownForm(string form) => new(FormValidator.Codes.UnknownForm, "/form", new LocalizedText(
        $"Il modulo '{form}' non esiste. Moduli disponibili: {string.Join(", ", Forms)}.",
        $"There is no form '{form}'. Available forms: {string.Join(", ", Forms)}."));

    internal JsonObject Merge(FormSchemaVersion version, FormSchemaExtension? extension)
    {
        var merged = (JsonObject)version.Bundled.DeepClone();
        if (extension is not null)
        {
            MergeExtension(merged, version, extension);
        }

        LabelChoices(merged, _choices);
        return merged;
    }

    private static void MergeExtension(JsonObject merged, FormSchemaVersion version, FormSchemaExtension extension)
    {
        var properties = (JsonObject)merged["properties"]!;
        foreach (var (point, additions) in extension.Additions)
        {
            var pointProperties = (JsonObject)properties[point]!["properties"]!;
            foreach (var (name, schema) in additions)
            {
                pointProperties[name] = schema!.DeepClone();
            }
        }

        var definitions = (JsonObject)merged["definitions"]!;
        foreach (var (name, schema) in extension.Definitions)
        {
            definitions[name] ??= schema!.DeepClone();
        }

        merged["$id"] = $"https://strategiccities.example/schemas/municipalities/{extension.Municipality}/{extension.Form}/{extension.Version}/merged-{version.Version}.schema.json";
        merged["x-municipal-extension"] = new JsonObject
        {
            ["municipality"] = extension.Municipality,
            ["version"] = extension.Version,
            ["file"] = extension.File,
            ["hash"] = extension.ContentHash,
        };
    }

    /// <summary>
    /// Adds <c>x-enum-titles</c> and <c>x-enum-titles-en</c> (arrays parallel to <c>enum</c>) to every coded choice
    /// of a served schema, from <see cref="ChoicesFile"/>: annotations only, validation is unchanged.
    /// </summary>
    private static void LabelChoices(JsonNode merged, IReadOnlyDictionary<string, LocalizedText> choices)
    {
        foreach (var (_, schema, values) in ChoiceNodes(merged, "").ToList())
        {
            if (values.All(v => v is JsonValue s && s.TryGetValue<string>(out var code) && choices.ContainsKey(code)))
            {
                var labels = values.Select(v => choices[v!.GetValue<string>()]).ToList();
                schema["x-enum-titles"] = new JsonArray([.. labels.Select(l => (JsonNode?)JsonValue.Create(l.It))]);
                schema["x-enum-titles-en"] = new JsonArray([.. labels.Select(l => (JsonNode?)JsonValue.Create(l.En))]);
            }
        }
    }

    private static async Task<IReadOnlyDictionary<string, LocalizedText>> ReadChoicesAsync(
        string schemasDirectory, List<CatalogProblem> problems, CancellationToken cancellationToken)
    {
        var path = Path.Combine(schemasDirectory, ChoicesFile);
        var choices = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return choices;
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(await File.ReadAllTextAsync(path, cancellationToken));
        }
        catch (JsonException ex)
        {
            problems.Add(new(ChoicesFile, null, "schema.choices-not-json", ex.Message));
            return choices;
        }

        if (root?["choices"] is not JsonObject entries)
        {
            problems.Add(new(ChoicesFile, null, "schema.choices-shape", "needs an object \"choices\": { \"<code>\": { \"it\": …, \"en\": … } }"));
            return choices;
        }

        foreach (var (code, entry) in entries)
        {
            if (entry?["it"] is JsonValue it && it.TryGetValue<string>(out var italian) && italian.Length > 0
                && entry["en"] is JsonValue en && en.TryGetValue<string>(out var english) && english.Length > 0)
            {
                choices[code] = new LocalizedText(italian, english);
            }
            else
            {
                problems.Add(new(ChoicesFile, null, "schema.choice-label", $"choice '{code}' needs non-empty \"it\" and \"en\" labels"));
            }
        }

        return choices;
    }

    /// <summary>Every string choice of a schema has labels in <see cref="ChoicesFile"/>.</summary>
    private static void CheckChoices(JsonNode? node, string file, string at, IReadOnlyDictionary<string, LocalizedText> choices, List<CatalogProblem> problems)
    {
        foreach (var (where, _, values) in ChoiceNodes(node, at))
        {
            foreach (var code in values.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>())
            {
                if (!choices.ContainsKey(code))
                {
                    problems.Add(new(file, null, "schema.choice-unlabelled",
                        $"{(where.Length == 0 ? "the root" : where)}: choice '{code}' has no labels in schemas/{ChoicesFile} (add \"it\" and \"en\")"));
                }
            }
        }
    }

    /// <summary>
    /// The schema nodes with an <c>enum</c>, and where they are. Form schemas nest schemas only in objects
    /// (properties, definitions, items: SchemaKeywords), so the walk needs no arrays.
    /// </summary>
    private static IEnumerable<(string At, JsonObject Schema, JsonArray Enum)> ChoiceNodes(JsonNode? node, string at)
    {
        if (node is not JsonObject schema)
        {
            yield break;
        }

        if (schema["enum"] is JsonArray values)
        {
            yield return (at, schema, values);
        }

        foreach (var (key, child) in schema)
        {
            if (key is not ("enum" or "default") && !SchemaKeywords.IsAnnotation(key))
            {
                foreach (var inner in ChoiceNodes(child, at + "/" + key))
                {
                    yield return inner;
                }
            }
        }
    }

    private async Task<MergedFormSchema> MergeAsync(FormSchemaVersion version, FormSchemaExtension? extension)
    {
        var merged = Merge(version, extension);
        var text = merged.ToJsonString(JsonDefaults.Indented);
        var schema = await JsonSchema.FromJsonAsync(text);
        return new MergedFormSchema(version, extension, text, schema);
    }

    private static async Task<FormSchemaVersion?> ReadFormAsync(
        string schemasDirectory, string form, string file, SchemaBundler bundler, List<CatalogProblem> problems, CancellationToken cancellationToken)
    {
        var relative = Relative(schemasDirectory, file);
        var (node, hash) = await ReadAsync(schemasDirectory, file, problems, cancellationToken);
        if (node is not JsonObject root)
        {
            return null;
        }

        SchemaKeywords.Check(root, relative, problems);
        var version = Path.GetFileName(file)[..^".schema.json".Length];
        var validity = ReadValidity(root, relative, problems, version, out var declaredForm);
        if (declaredForm != form)
        {
            problems.Add(new(relative, null, "file.misplaced", $"the schema declares \"x-form\": \"{declaredForm}\" but lies in the folder of '{form}'"));
        }

        foreach (var section in new[] { "type", "additionalProperties" })
        {
            if (root[section] is null)
            {
                problems.Add(new(relative, null, "schema.root", $"a form schema's root must declare \"{section}\" (object, additionalProperties false)"));
            }
        }

        var points = root["properties"] is JsonObject props
            ? props.Where(p => p.Value is JsonObject o && o["x-extension-point"] is JsonValue v && v.TryGetValue<bool>(out var b) && b).Select(p => p.Key).ToList()
            : [];
        if (validity is null)
        {
            return null;
        }

        var definitions = root["definitions"] as JsonObject ?? [];
        root.Remove("definitions");
        bundler.Bundle(root, Path.GetDirectoryName(file)!, relative, definitions);
        root["definitions"] = definitions;
        return new FormSchemaVersion(form, version, validity.Value, relative, hash) { Bundled = root, ExtensionPoints = points, Title = TitleOf(root) };
    }

    private static async Task<FormSchemaExtension?> ReadExtensionAsync(
        string schemasDirectory, string file, Dictionary<string, IReadOnlyList<FormSchemaVersion>> forms, SchemaBundler bundler,
        List<CatalogProblem> problems, CancellationToken cancellationToken)
    {
        var relative = Relative(schemasDirectory, file);
        var parts = relative.Split('/');
        if (parts.Length != 4 || parts[1].Length != 6 || !parts[1].All(char.IsAsciiDigit) || !parts[3].EndsWith(".schema.json", StringComparison.Ordinal))
        {
            problems.Add(new(relative, null, "file.misplaced", "a municipal extension must be municipalities/<istat>/<form>/<version>.schema.json"));
            return null;
        }

        var (node, hash) = await ReadAsync(schemasDirectory, file, problems, cancellationToken);
        if (node is not JsonObject root)
        {
            return null;
        }

        SchemaKeywords.Check(root, relative, problems);
        var (municipality, form, version) = (parts[1], parts[2], parts[3][..^".schema.json".Length]);
        var validity = ReadValidity(root, relative, problems, version, out var declaredForm);
        if (declaredForm != form || root["x-municipality"]?.GetValue<string>() != municipality)
        {
            problems.Add(new(relative, null, "file.misplaced", $"the extension must declare \"x-form\": \"{form}\" and \"x-municipality\": \"{municipality}\" as its folders say"));
        }

        if (!forms.TryGetValue(form, out var nationals))
        {
            problems.Add(new(relative, null, "extension.unknown-form", $"extends form '{form}', which has no national schema"));
            return null;
        }

        if (validity is null)
        {
            return null;
        }

        var refused = false;
        void Refuse(string code, string message)
        {
            problems.Add(new(relative, null, code, message));
            refused = true;
        }

        // D.Lgs. 126/2016 art. 2 c.5: a municipality may not ask for data beyond the national form, so an
        // extension only adds OPTIONAL fields inside the extension points the national form declares.
        foreach (var (keyword, _) in root)
        {
            if (keyword is not ("$schema" or "$id" or "title" or "description" or "type" or "properties") && !SchemaKeywords.IsAnnotation(keyword))
            {
                Refuse(keyword == "required" ? "extension.required-national" : "extension.root-keyword",
                    keyword == "required"
                        ? "an extension may not make national data required (D.Lgs. 126/2016 art. 2 c.5): remove the root \"required\""
                        : $"an extension's root may only hold \"properties\" of extension points, not '{keyword}'");
            }
        }

        var overlapping = nationals.Where(n => n.Validity.Overlaps(validity.Value)).ToList();
        if (overlapping.Count == 0)
        {
            Refuse("extension.no-national-version", $"no version of form '{form}' is in force during {validity}");
        }

        var additions = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var definitions = new JsonObject();
        foreach (var (point, pointNode) in root["properties"] as JsonObject ?? [])
        {
            foreach (var national in overlapping.Where(n => !n.ExtensionPoints.Contains(point)))
            {
                Refuse("extension.not-extension-point",
                    $"'{point}' is not an extension point of {national.File}: an extension may not add or change national fields");
            }

            if (pointNode is not JsonObject pointSchema)
            {
                continue;
            }

            foreach (var (keyword, _) in pointSchema)
            {
                if (keyword is not ("type" or "properties" or "title" or "description") && !SchemaKeywords.IsAnnotation(keyword))
                {
                    Refuse(keyword == "required" ? "extension.required-national" : "extension.point-keyword",
                        keyword == "required"
                            ? $"'{point}': local fields stay optional; \"required\" is allowed only inside a local object of the extension's own"
                            : $"'{point}': an extension may only add \"properties\" to an extension point, not change '{keyword}'");
                }
            }

            var local = pointSchema["properties"] as JsonObject ?? [];
            foreach (var national in overlapping)
            {
                var existing = national.Bundled["properties"]?[point]?["properties"] as JsonObject;
                foreach (var (name, _) in local.Where(l => existing?.ContainsKey(l.Key) == true))
                {
                    Refuse("extension.changes-national", $"'{point}/{name}' is already defined by {national.File}");
                }
            }

            var copy = (JsonObject)local.DeepClone();
            bundler.Bundle(copy, Path.GetDirectoryName(file)!, relative, definitions);
            additions[point] = copy;
        }

        return refused ? null : new FormSchemaExtension(form, municipality, version, validity.Value, relative, hash)
        {
            Additions = additions,
            Definitions = definitions,
            Title = TitleOf(root),
        };
    }

    private static LocalizedText TitleOf(JsonObject root)
    {
        var it = root["title"] is JsonValue t && t.TryGetValue<string>(out var ti) ? ti : "";
        var en = root["x-title-en"] is JsonValue e && e.TryGetValue<string>(out var te) ? te : it;
        return new LocalizedText(it, en);
    }

    private static Validity? ReadValidity(JsonObject root, string file, List<CatalogProblem> problems, string version, out string? form)
    {
        form = root["x-form"] is JsonValue f && f.TryGetValue<string>(out var fv) ? fv : null;
        var fromText = root["x-valid-from"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        var toNode = root["x-valid-to"];
        var from = fromText is null ? null : RuleFileReader.ParseDate(fromText);
        DateOnly? to = toNode is JsonValue tv && tv.TryGetValue<string>(out var ts) ? RuleFileReader.ParseDate(ts) : null;
        if (from is null || !root.ContainsKey("x-valid-to") || (toNode is not null && to is null))
        {
            problems.Add(new(file, null, "validity.invalid", "declare \"x-valid-from\" (yyyy-MM-dd) and \"x-valid-to\" (yyyy-MM-dd or null)"));
            return null;
        }

        if (fromText != version || (root["x-version"] is JsonValue xv && xv.GetValue<string>() != version))
        {
            problems.Add(new(file, null, "validity.invalid", $"the file name ({version}) must equal x-version and x-valid-from ({fromText})"));
        }

        if (to is not null && to <= from)
        {
            problems.Add(new(file, null, "validity.invalid", "x-valid-to must come after x-valid-from (validity is half-open)"));
            return null;
        }

        return new Validity(from.Value, to);
    }

    private static void CheckSeries(List<(string File, Validity Validity)> series, bool contiguous, List<CatalogProblem> problems)
    {
        for (var i = 1; i < series.Count; i++)
        {
            var (previousFile, previous) = series[i - 1];
            var (file, current) = series[i];
            if (previous.Overlaps(current))
            {
                problems.Add(new(file, null, "validity.overlap", $"validity {current} overlaps {previousFile} {previous}: one date must select one version"));
            }
            else if (contiguous && previous.To != current.From)
            {
                problems.Add(new(file, null, "validity.gap", $"gap between {previousFile} and this version: dates in between would have no form"));
            }
        }
    }

    private static IEnumerable<string> SchemaFiles(string schemasDirectory, string folder)
    {
        var directory = Path.Combine(schemasDirectory, folder);
        return Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.schema.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : [];
    }

    private static async Task<(JsonNode? Node, string Hash)> ReadAsync(string schemasDirectory, string file, List<CatalogProblem> problems, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
        var hash = ContentHash.Of(bytes);
        try
        {
            return (JsonNode.Parse(bytes), hash);
        }
        catch (JsonException ex)
        {
            problems.Add(new(Relative(schemasDirectory, file), null, "json.invalid", $"not valid JSON at line {ex.LineNumber + 1}: {ex.Message}"));
            return (null, hash);
        }
    }

    internal static string Relative(string schemasDirectory, string file) =>
        Path.GetRelativePath(schemasDirectory, file).Replace('\\', '/');
}

/// <summary>The schema of one form for one municipality and date, as served to portals and used to validate.</summary>
public sealed class MergedFormSchema
{
    internal MergedFormSchema(FormSchemaVersion version, FormSchemaExtension? extension, string json, JsonSchema schema)
    {
        Version = version;
        Extension = extension;
        Json = json;
        Utf8 = System.Text.Encoding.UTF8.GetBytes(json);
        ContentHash = Catalog.ContentHash.Of(Utf8.Span);
        Schema = schema;
    }

    /// <summary>The national version.</summary>
    public FormSchemaVersion Version { get; }

    /// <summary>The municipal extension merged in, if any.</summary>
    public FormSchemaExtension? Extension { get; }

    /// <summary>The merged schema as JSON text (what <c>GET /forms/{form}/schema</c> returns).</summary>
    public string Json { get; }

    /// <summary><see cref="Json"/> in UTF-8, encoded once (what a host writes to the wire).</summary>
    public ReadOnlyMemory<byte> Utf8 { get; }

    /// <summary><c>sha256:</c> + hex of <see cref="Utf8"/>: changes whenever the served schema does (an HTTP ETag).</summary>
    public string ContentHash { get; }

    /// <summary>The parsed schema NJsonSchema validates with.</summary>
    internal JsonSchema Schema { get; }
}
