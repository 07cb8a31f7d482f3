using System.Collections.Frozen;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;
using NJsonSchema;
using NJsonSchema.Validation.FormatValidators;

namespace StrategicCities.Core.Forms.Validation;

internal sealed partial class CompiledSchema
{
    private static Node Prepare(JsonSchema schema, Dictionary<string, IFormatValidator[]> formats, Dictionary<JsonSchema, Node> nodes)
    {
        if (nodes.TryGetValue(schema, out var known))
        {
            return known;
        }

        Refuse(schema);
        var node = new Node(schema)
        {
            Nullable = schema.IsNullable(SchemaType.JsonSchema),
            Pattern = string.IsNullOrEmpty(schema.Pattern) ? null : PatternMatcher.Create(schema.Pattern),
            Formats = !string.IsNullOrEmpty(schema.Format) && formats.TryGetValue(schema.Format, out var validators) ? validators : null,
            Enum = schema.Enumeration.Count == 0 ? null
                : schema.Enumeration.Where(v => v is not null).Select(v => v!.ToString()!).ToFrozenSet(StringComparer.Ordinal),
        };

        // Registered before the children are prepared: a schema that refers to itself prepares once.
        nodes[schema] = node;
        node.Item = schema.Item is null ? null : Prepare(schema.Item.ActualSchema, formats, nodes);
        node.Properties = [.. schema.Properties.Select(p => new Property(
            p.Key, Prepare(p.Value.ActualSchema, formats, nodes), p.Value.IsRequired, p.Value.IsNullable(SchemaType.JsonSchema)))];
        node.Index = node.Properties.Select((p, i) => KeyValuePair.Create(p.Name, i)).ToFrozenDictionary(StringComparer.Ordinal);
        node.OtherRequired = [.. schema.RequiredProperties.Where(r => !schema.Properties.ContainsKey(r))];
        node.OtherRequiredUtf8 = [.. node.OtherRequired.Select(Encoding.UTF8.GetBytes)];
        node.AnyRequired = node.OtherRequired.Length > 0 || node.Properties.Any(p => p.Required);
        node.RequiredBits = node.Properties.Length + node.OtherRequired.Length > 64 ? 0
            : node.Properties.Select((p, i) => p.Required ? 1UL << i : 0).Concat(node.OtherRequired.Select((_, j) => 1UL << (node.Properties.Length + j)))
                .Aggregate(0UL, (all, bit) => all | bit);
        node.ChecksStrings = node.Pattern is not null || schema.MinLength is not null || schema.MaxLength is not null || node.Formats is not null;
        node.ChecksNumbers = schema.Minimum is not null || schema.Maximum is not null
            || schema.ExclusiveMinimum is not null || schema.ExclusiveMaximum is not null || schema.MultipleOf is not null;
        return node;
    }

    private static void Refuse(JsonSchema schema)
    {
        (bool Uses, string Keyword)[] keywords =
        [
            (schema.AnyOf.Count > 0, "anyOf"), (schema.AllOf.Count > 0, "allOf"), (schema.OneOf.Count > 0, "oneOf"),
            (schema.Not is not null, "not"), (BitOperations.PopCount((uint)schema.Type) > 1, "several types"),
            (schema.PatternProperties.Count > 0, "patternProperties"), (schema.Items.Count > 0, "items as a tuple"),
            (schema.UniqueItems, "uniqueItems"), (schema.AdditionalPropertiesSchema is not null, "additionalProperties as a schema"),
            (schema.MinProperties > 0 || schema.MaxProperties > 0, "minProperties/maxProperties"),
        ];
        var unsupported = keywords.Where(k => k.Uses).Select(k => k.Keyword).ToList();
        if (unsupported.Count > 0)
        {
            throw new NotSupportedException(
                $"The form schema node '{schema.Title ?? schema.Id ?? "(untitled)"}' uses {string.Join(", ", unsupported)}: "
                + "outside the keywords form schemas may use (SchemaKeywords.Allowed); state the condition as a form rule.");
        }
    }

    // A schema's pattern, with its ECMA-262 meaning (EcmaPattern): most are a few character classes with counts,
    // which SimplePattern matches in one pass without Regex's per-call setup; the rest use the rewritten Regex.
    private sealed class PatternMatcher(SimplePattern? simple, Regex? regex)
    {
        // Rewritten first in every case: a pattern outside the supported syntax is refused even when simple.
        public static PatternMatcher Create(string pattern)
        {
            var rewritten = EcmaPattern.ToRegex(pattern);
            return SimplePattern.TryParse(pattern) is { } parsed ? new PatternMatcher(parsed, null) : new PatternMatcher(null, rewritten);
        }

        public bool IsMatch(ReadOnlySpan<char> chars) => simple?.IsMatch(chars) ?? regex!.IsMatch(chars);
    }
}
