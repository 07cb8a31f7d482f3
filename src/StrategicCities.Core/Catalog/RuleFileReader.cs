using System.Globalization;
using System.Text.Json;
using NJsonSchema;
using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Catalog;

/// <summary>
/// Reads one rule file: JSON syntax, the meta-schema (schemas/meta), then the model. Every problem
/// names the file and, where it can, the rule.
/// </summary>
internal sealed class RuleFileReader(JsonSchema rulesetSchema, JsonSchema overlaySchema)
{
    public static async Task<RuleFileReader> CreateAsync(string schemasDirectory, CancellationToken cancellationToken)
    {
        var meta = Path.Combine(schemasDirectory, "meta");
        var ruleset = await JsonSchema.FromFileAsync(Path.Combine(meta, "ruleset.schema.json"), cancellationToken);
        var overlay = await JsonSchema.FromFileAsync(Path.Combine(meta, "overlay.schema.json"), cancellationToken);
        return new RuleFileReader(ruleset, overlay);
    }

    /// <summary>Reads a file found at <paramref name="relativePath"/> (forward slashes, under rules/).</summary>
    public (RuleSetVersion? National, OverlayVersion? Overlay) Read(
        string relativePath, byte[] bytes, ICollection<CatalogProblem> problems)
    {
        var location = RuleFileLocation.Parse(relativePath);
        if (location is null)
        {
            problems.Add(new(relativePath, null, "file.misplaced",
                "a rule file must be national/<rule-set>/<version>.json, regions/<rr>/<rule-set>/<version>.json or municipalities/<istat>/<rule-set>/<version>.json"));
            return (null, null);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException ex)
        {
            problems.Add(new(relativePath, null, "json.invalid",
                $"not valid JSON at line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}: {FirstSentence(ex.Message)}"));
            return (null, null);
        }

        using (document)
        {
            var schema = location.Layer == Layer.National ? rulesetSchema : overlaySchema;
            var errors = schema.Validate(System.Text.Encoding.UTF8.GetString(bytes));
            if (errors.Count > 0)
            {
                foreach (var error in SchemaErrors.Flatten(errors))
                {
                    problems.Add(new(relativePath, RuleNameAt(document.RootElement, error.Path), "meta-schema",
                        $"{ToPointer(error.Path)}: {Describe(error)}"));
                }

                return (null, null);
            }

            var root = document.RootElement;
            var header = ReadHeader(root, location, relativePath, bytes, problems);
            if (header is null)
            {
                return (null, null);
            }

            if (location.Layer == Layer.National)
            {
                return (ReadNational(root, header, problems), null);
            }

            return (null, ReadOverlay(root, header, problems));
        }
    }

    private static RuleFileHeader? ReadHeader(
        JsonElement root, RuleFileLocation location, string file, byte[] bytes, ICollection<CatalogProblem> problems)
    {
        var id = root.GetProperty("id").GetString()!;
        var version = root.GetProperty("version").GetString()!;
        var jurisdiction = root.GetProperty("jurisdiction").GetString()!;
        var ok = true;
        void Refuse(string code, string message)
        {
            problems.Add(new(file, null, code, message));
            ok = false;
        }

        var ruleSetOfPath = location.Layer == Layer.National ? id : root.GetProperty("overlays").GetString()!;
        if (location.RuleSet != ruleSetOfPath && location.RuleSet != id)
        {
            Refuse("file.misplaced", $"the file declares rule set '{ruleSetOfPath}' but lies in the folder of '{location.RuleSet}'");
        }

        if (location.Version != version)
        {
            Refuse("file.misplaced", $"the file declares version {version} but is named {RuleFileLocation.FileName(location.Version, location.Revision)}");
        }

        if (location.Jurisdiction != jurisdiction)
        {
            Refuse("file.misplaced", $"the file declares jurisdiction '{jurisdiction}' but lies under '{location.Jurisdiction}'");
        }

        if (location.Layer != Layer.National && Layers.Parse(root.GetProperty("layer").GetString()) != location.Layer)
        {
            Refuse("file.misplaced", $"the file declares layer '{root.GetProperty("layer").GetString()}' but lies under the {location.Layer.Name()} folder");
        }

        var from = ParseDate(root.GetProperty("validFrom").GetString()!);
        var toElement = root.GetProperty("validTo");
        DateOnly? to = toElement.ValueKind == JsonValueKind.Null ? null : ParseDate(toElement.GetString()!);
        if (from is null || (toElement.ValueKind != JsonValueKind.Null && to is null))
        {
            Refuse("validity.invalid", "validFrom/validTo is not a real calendar date");
            return null;
        }

        if (to is not null && to.Value <= from.Value)
        {
            Refuse("validity.invalid", $"validTo {to:yyyy-MM-dd} must come after validFrom {from:yyyy-MM-dd} (validity is half-open)");
        }

        if (version != root.GetProperty("validFrom").GetString())
        {
            Refuse("validity.invalid", $"version {version} must equal validFrom {root.GetProperty("validFrom").GetString()}");
        }

        var instruments = root.GetProperty("instruments").EnumerateArray()
            .Select(i => new Instrument(i.GetProperty("id").GetString()!, i.GetProperty("title").GetString()!,
                i.TryGetProperty("href", out var href) ? href.GetString() : null))
            .ToList();
        foreach (var duplicate in instruments.GroupBy(i => i.Id).Where(g => g.Count() > 1))
        {
            Refuse("instrument.duplicate", $"instrument '{duplicate.Key}' is declared twice");
        }

        if (!ok)
        {
            return null;
        }

        return new RuleFileHeader
        {
            Id = id,
            Layer = location.Layer,
            Jurisdiction = jurisdiction,
            Version = version,
            Revision = location.Revision,
            Validity = new Validity(from.Value, to),
            Title = root.TryGetProperty("title", out var title) ? ReadText(title) : null,
            Instruments = instruments,
            File = file,
            ContentHash = ContentHash.Of(bytes),
        };
    }

    private static RuleSetVersion ReadNational(JsonElement root, RuleFileHeader header, ICollection<CatalogProblem> problems)
    {
        var points = new List<ExtensionPoint>();
        if (root.TryGetProperty("extensionPoints", out var pointsElement))
        {
            foreach (var p in pointsElement.EnumerateArray())
            {
                points.Add(new ExtensionPoint(
                    p.GetProperty("id").GetString()!,
                    p.GetProperty("workflow").GetString()!,
                    [.. p.GetProperty("allowedFor").EnumerateArray().Select(a => Layers.Parse(a.GetString())!.Value)],
                    p.TryGetProperty("description", out var d) ? ReadText(d) : null,
                    ReadLegalBasis(p.GetProperty("legalBasis"))));
            }
        }

        var workflows = new List<WorkflowDefinition>();
        foreach (var w in root.GetProperty("workflows").EnumerateArray())
        {
            var name = w.GetProperty("WorkflowName").GetString()!;
            if (workflows.Any(x => x.Name == name))
            {
                problems.Add(new(header.File, null, "workflow.duplicate", $"workflow '{name}' is declared twice"));
            }

            workflows.Add(new WorkflowDefinition(name, [.. w.GetProperty("Rules").EnumerateArray().Select(r => ReadRule(r, name, header))]));
        }

        foreach (var point in points)
        {
            if (workflows.All(w => w.Name != point.Workflow))
            {
                problems.Add(new(header.File, null, "extension-point.invalid",
                    $"extension point '{point.Id}' names workflow '{point.Workflow}', which the file does not declare"));
            }
        }

        foreach (var duplicate in points.GroupBy(p => p.Id).Where(g => g.Count() > 1))
        {
            problems.Add(new(header.File, null, "extension-point.duplicate", $"extension point '{duplicate.Key}' is declared twice"));
        }

        return new RuleSetVersion(header, points, workflows);
    }

    private static OverlayVersion ReadOverlay(JsonElement root, RuleFileHeader header, ICollection<CatalogProblem> problems)
    {
        List<RuleDefinition> Rules(string property) => root.TryGetProperty(property, out var array)
            ? [.. array.EnumerateArray().Select(r => ReadRule(r, workflow: "", header))]
            : [];

        var disable = root.TryGetProperty("disable", out var d)
            ? d.EnumerateArray().Select(x => new DisabledRule(x.GetProperty("rule").GetString()!, ReadText(x.GetProperty("reason")),
                ReadLegalBasis(x.GetProperty("legalBasis")))).ToList()
            : [];
        var add = Rules("add");
        foreach (var rule in add.Where(r => r.Extends is null))
        {
            problems.Add(new(header.File, rule.Name, "overlay.add-without-extension-point",
                "an added rule must name the extension point it plugs into in Properties.extends"));
        }

        return new OverlayVersion(header, root.GetProperty("overlays").GetString()!, add, Rules("override"), disable);
    }

    private static RuleDefinition ReadRule(JsonElement rule, string workflow, RuleFileHeader header)
    {
        var properties = rule.GetProperty("Properties");
        RuleEffect? effect = null;
        if (properties.TryGetProperty("effect", out var e))
        {
            foreach (var p in e.EnumerateObject())
            {
                effect = new RuleEffect(p.Name, p.Value.GetString()!);
            }
        }

        string? Optional(string name) => properties.TryGetProperty(name, out var v) ? v.GetString() : null;
        return new RuleDefinition
        {
            Name = rule.GetProperty("RuleName").GetString()!,
            Expression = rule.GetProperty("Expression").GetString()!,
            Workflow = workflow,
            LegalBasis = ReadLegalBasis(properties.GetProperty("legalBasis")),
            Messages = ReadText(properties.GetProperty("messages")),
            Severity = Optional("severity") ?? "info",
            LocalVariationAllowed = Optional("localVariation") == "allowed",
            Extends = Optional("extends"),
            Effect = effect,
            Code = Optional("code"),
            Pointer = Optional("pointer"),
            Origin = header.Origin,
            Instruments = header.Instruments,
            Json = rule.GetRawText(),
        };
    }

    internal static LocalizedText ReadText(JsonElement element) =>
        new(element.GetProperty("it").GetString()!, element.GetProperty("en").GetString()!);

    internal static IReadOnlyList<LegalBasis> ReadLegalBasis(JsonElement element) =>
    [
        .. element.EnumerateArray().Select(b => new LegalBasis(
            b.GetProperty("instrument").GetString()!,
            b.GetProperty("article").GetString()!,
            b.TryGetProperty("paragraph", out var p) ? p.GetString() : null,
            b.TryGetProperty("letter", out var l) ? l.GetString() : null,
            b.TryGetProperty("note", out var n) ? n.GetString() : null)),
    ];

    internal static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    internal static string Describe(NJsonSchema.Validation.ValidationError error) => error.Kind switch
    {
        NJsonSchema.Validation.ValidationErrorKind.PropertyRequired => $"required property '{error.Property}' is missing",
        NJsonSchema.Validation.ValidationErrorKind.NoAdditionalPropertiesAllowed => $"property '{error.Property}' is not allowed here",
        NJsonSchema.Validation.ValidationErrorKind.NotInEnumeration => "value is not one of the allowed values",
        NJsonSchema.Validation.ValidationErrorKind.PatternMismatch => "value does not have the expected form",
        NJsonSchema.Validation.ValidationErrorKind.TooFewItems => "array has too few items",
        NJsonSchema.Validation.ValidationErrorKind.StringTooShort => "text is empty or too short",
        _ => $"{SplitWords(error.Kind.ToString())}",
    };

    private static string SplitWords(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>Turns NJsonSchema's <c>#/a[0].b</c> path into a JSON pointer <c>/a/0/b</c>.</summary>
    internal static string ToPointer(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "#")
        {
            return "/";
        }

        var text = path.TrimStart('#');
        text = text.Replace("[", "/", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Replace('.', '/');
        return text.StartsWith('/') ? text : "/" + text;
    }

    private static string? RuleNameAt(JsonElement root, string? path)
    {
        // Best effort: name the rule the error sits in, so "file:rule: message" points the author to it.
        var pointer = ToPointer(path).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var current = root;
        string? ruleName = null;
        foreach (var segment in pointer)
        {
            if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, CultureInfo.InvariantCulture, out var index) && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var next))
            {
                current = next;
            }
            else
            {
                break;
            }

            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty("RuleName", out var name) && name.ValueKind == JsonValueKind.String)
            {
                ruleName = name.GetString();
            }
        }

        return ruleName;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
