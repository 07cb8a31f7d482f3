using System.Text.Json;
using NJsonSchema;
using NJsonSchema.Validation;
using NJsonSchema.Validation.FormatValidators;
using StrategicCities.Core.Forms.Formats;

namespace StrategicCities.Core.Forms.Validation;

/// <summary>
/// A form schema prepared once for validating many forms. NJsonSchema reads, resolves ($ref, merged municipal
/// fields) and models the schema, and its model fixes what each keyword means; this walks a System.Text.Json
/// document along that model and returns the errors <see cref="JsonSchemaValidator"/> returns for the same
/// document (same kind, path, property and schema node, flattened as <c>FormValidator</c> reads them), without
/// its per-call costs. Differences, on purpose: the items of an array past its <c>maxItems</c> are not checked,
/// so a hostile array costs a count, not an item check and an error per item; and where NJsonSchema departs from
/// JSON Schema (draft-07) and from Ajv and the widget, this follows JSON Schema: a number whose value is whole is an
/// integer however written (<c>1.0</c>, <c>1e0</c>), a string's length counts code points, not UTF-16 units, and a
/// pattern has its ECMA-262 meaning (<see cref="EcmaPattern"/>: <c>^\d+$</c> refuses <c>"123\n"</c>).
/// </summary>
/// <remarks>
/// The facets, one file each: <c>.Prepare</c> turns NJsonSchema's model into <see cref="Node"/>s once
/// (<c>.Nodes</c>), refusing keywords outside the form-schema subset; <c>.Walk</c> checks a parsed document and
/// writes the errors; <c>.FastCheck</c> answers only "certainly valid" or "ask the walk".
/// <para>
/// Why not call <see cref="JsonSchemaValidator"/>: it takes Newtonsoft tokens (the form copied once more) and
/// rebuilds its view of every schema node on every call (key sets, property lists, paths, enum values written
/// out for each comparison), which made it most of the time and garbage of a whole validation. Prepared once,
/// the walk allocates only the strings the format validators need, and the errors.
/// </para>
/// <para>
/// Most forms are valid, and for them the walk's details are wasted: its cost is mostly reaching values through
/// <see cref="JsonElement"/> (kind lookups, raw-byte slicing, a pooled array per object for the members' values).
/// So <see cref="Validate(JsonElement)"/> first runs <see cref="IsCertainlyValid"/>: one forward <see cref="Utf8JsonReader"/>
/// pass over the document's bytes that checks the same keywords with the same semantics and only answers yes or
/// "ask the walk". It is sound (yes only when the walk finds nothing) and leaves rare shapes to the walk rather than
/// modelling them: escaped or repeated member names, integers beyond 64 bits with a range, enums of numbers. A form
/// with an error pays both (the check stops at the first one); the walk alone writes the errors. Its floor is a bare
/// reader pass over the bytes; format validators, patterns and enums cost the same either way.
/// (tests/StrategicCities.Benchmarks/README.md has the figures of each stage.)
/// </para>
/// <c>CompiledSchemaTests</c> checks, on every example of every form and thousands of mutations of them, that the
/// walk gives NJsonSchema's errors on the document as JSON Schema reads it, and that the fast check is sound; tests/ajv
/// checks the verdicts against Ajv's. Only the keywords form schemas may use
/// (<see cref="SchemaKeywords.Allowed"/>) are modelled: a schema node using anything else NJsonSchema would
/// enforce (anyOf, allOf, oneOf, not, several types, patternProperties, tuples, uniqueItems, an
/// additionalProperties schema, min/maxProperties) is refused when prepared, never silently skipped.
/// </remarks>
internal sealed partial class CompiledSchema
{
    private readonly Node _root;

    private CompiledSchema(Node root) => _root = root;

    /// <summary>Prepares <paramref name="schema"/> with the format validators of <paramref name="settings"/>.</summary>
    /// <exception cref="NotSupportedException">A node uses a keyword outside the form-schema subset.</exception>
    public static CompiledSchema Compile(JsonSchema schema, JsonSchemaValidatorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(settings);
        var formats = settings.FormatValidators.GroupBy(f => f.Format, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

        // NJsonSchema's e-mail expression ends in "$", which in .NET also matches before a final line feed: the
        // service's own check (the widget's expression, anchored with \z) replaces it so all validators agree.
        if (formats.ContainsKey(EmailAddress.Format))
        {
            formats[EmailAddress.Format] =
                [new DelegateFormatValidator(EmailAddress.Format, EmailAddress.IsValid, ValidationErrorKind.EmailExpected)];
        }
        var nodes = new Dictionary<JsonSchema, Node>(ReferenceEqualityComparer.Instance);
        return new CompiledSchema(Prepare(schema.ActualSchema, formats, nodes));
    }

    /// <summary>The schema errors of a document, as NJsonSchema reports them.</summary>
    public List<ValidationError> Validate(JsonElement root) =>
        root.ValueKind != JsonValueKind.Undefined && IsCertainlyValid(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(root))
            ? []
            : Walk(root);

    /// <summary>The errors as the walk over the parsed document finds them, without the fast check first.</summary>
    internal List<ValidationError> Walk(JsonElement root)
    {
        var errors = new List<ValidationError>();
        Validate(root, root.ValueKind, _root, null, new Path(), errors);
        return errors;
    }

    /// <summary>
    /// True only when <see cref="Walk"/> would find no error in the JSON value <paramref name="utf8"/>; false when
    /// it would find one, or for the rare shapes this check leaves to the walk: an escaped member name, a member
    /// named twice, an integer beyond 64 bits with a range to check, a non-string value of an enum.
    /// </summary>
    internal bool IsCertainlyValid(ReadOnlySpan<byte> utf8)
    {
        // Strict JSON, as FormValidator parses it: allowing comments puts the reader on a slower path. A document
        // parsed with comments or trailing commas makes the reader throw, and the walk decides.
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = FastMaxDepth });
        try
        {
            return reader.Read() && Check(ref reader, _root);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
