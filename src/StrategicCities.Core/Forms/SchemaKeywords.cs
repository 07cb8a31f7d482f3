using System.Text.Json.Nodes;
using StrategicCities.Core.Catalog;

namespace StrategicCities.Core.Forms;

/// <summary>
/// The JSON Schema keywords form schemas may use: those NJsonSchema enforces (it silently ignores the rest,
/// NJsonSchema#1240), plus annotations. Anything else is refused by lint, so a constraint never looks
/// enforced while it is not. Conditional requirements belong in the form rule sets.
/// </summary>
public static class SchemaKeywords
{
    /// <summary>Keywords a form, common or municipal schema may use.</summary>
    public static readonly IReadOnlySet<string> Allowed = new HashSet<string>(StringComparer.Ordinal)
    {
        "$schema", "$id", "$ref", "title", "description", "type", "properties", "required", "additionalProperties",
        "enum", "pattern", "format", "minLength", "maxLength", "minimum", "maximum", "items", "minItems", "maxItems",
        "definitions", "default",
    };

    /// <summary>
    /// Keywords of newer drafts that NJsonSchema silently ignores (NJsonSchema#1240): named in the lint message so an
    /// author learns to state the condition as a rule. Any other keyword outside <see cref="Allowed"/> is refused too.
    /// </summary>
    public static readonly IReadOnlySet<string> Forbidden = new HashSet<string>(StringComparer.Ordinal)
    {
        "if", "then", "else", "const", "$defs", "dependentRequired", "dependentSchemas", "unevaluatedProperties",
        "unevaluatedItems", "prefixItems", "$anchor", "$dynamicRef", "$dynamicAnchor",
    };

    /// <summary>Formats the service and the portal widget both implement.</summary>
    public static readonly IReadOnlySet<string> Formats = new HashSet<string>(StringComparer.Ordinal)
    {
        "codice-fiscale", "partita-iva", "istat-comune", "cadastral-ref", "pec", "date", "email",
    };

    /// <summary>Annotation keywords (see schemas/README text in the report): <c>x-title-en</c>, <c>x-description-en</c>, …</summary>
    public static bool IsAnnotation(string keyword) => keyword.StartsWith("x-", StringComparison.Ordinal);

    /// <summary>Checks one schema document, adding a problem per keyword out of bounds.</summary>
    public static void Check(JsonNode? schema, string file, ICollection<CatalogProblem> problems) =>
        Walk(schema, file, "", problems);

    private static void Walk(JsonNode? node, string file, string at, ICollection<CatalogProblem> problems)
    {
        if (node is not JsonObject schema)
        {
            if (node is not JsonValue value || !value.TryGetValue<bool>(out _))
            {
                problems.Add(new(file, null, "schema.not-a-schema", $"{Where(at)} is not a schema object"));
            }

            return;
        }

        foreach (var (keyword, value) in schema)
        {
            var here = at + "/" + keyword;
            if (IsAnnotation(keyword))
            {
                continue;
            }

            if (Forbidden.Contains(keyword))
            {
                problems.Add(new(file, null, "schema.keyword-forbidden",
                    $"{Where(here)}: '{keyword}' is not enforced by NJsonSchema; state conditional requirements as rules in rules/national/forms"));
                continue;
            }

            if (!Allowed.Contains(keyword))
            {
                problems.Add(new(file, null, "schema.keyword-unknown",
                    $"{Where(here)}: '{keyword}' is outside the keywords form schemas use ({string.Join(", ", Allowed)}) and is not an x- annotation"));
                continue;
            }

            switch (keyword)
            {
                case "properties" or "definitions" when value is JsonObject children:
                    foreach (var (name, child) in children)
                    {
                        Walk(child, file, here + "/" + name, problems);
                    }

                    break;
                case "items" or "additionalProperties" when value is JsonObject:
                    Walk(value, file, here, problems);
                    break;
                case "format" when value is JsonValue f && f.TryGetValue<string>(out var format):
                    if (!Formats.Contains(format))
                    {
                        problems.Add(new(file, null, "schema.format-unknown", $"{Where(here)}: format '{format}' is not implemented by the service and the widget"));
                    }

                    if (schema["type"] is not JsonValue type || type.GetValue<string>() != "string")
                    {
                        problems.Add(new(file, null, "schema.format-without-type",
                            $"{Where(here)}: a format needs \"type\": \"string\" (NJsonSchema checks formats on strings only)"));
                    }

                    break;
            }
        }

        if (schema["type"] is JsonValue t && t.TryGetValue<string>(out var kind))
        {
            if (kind == "string" && !schema.ContainsKey("maxLength") && !schema.ContainsKey("enum"))
            {
                problems.Add(new(file, null, "schema.unbounded-string", $"{Where(at)}: a string needs maxLength (or enum)"));
            }

            if (kind == "array" && !schema.ContainsKey("maxItems"))
            {
                problems.Add(new(file, null, "schema.unbounded-array", $"{Where(at)}: an array needs maxItems"));
            }
        }
    }

    private static string Where(string at) => at.Length == 0 ? "the root" : at;
}
