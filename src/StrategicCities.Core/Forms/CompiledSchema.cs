using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using NJsonSchema.Validation.FormatValidators;

namespace StrategicCities.Core.Forms;

/// <summary>
/// A form schema prepared once for validating many forms. NJsonSchema reads, resolves ($ref, merged municipal
/// fields) and models the schema, and its model fixes what each keyword means; this walks a System.Text.Json
/// document along that model and returns the errors <see cref="JsonSchemaValidator"/> returns for the same
/// document (same kind, path, property and schema node, flattened as <c>FormValidator</c> reads them), without
/// its per-call costs. One difference, on purpose: the items of an array past its <c>maxItems</c> are not checked
/// (<c>FormValidator</c> cuts such arrays and checks the cut form).
/// </summary>
/// <remarks>
/// Why not call <see cref="JsonSchemaValidator"/>: it takes Newtonsoft tokens (the form copied once more) and
/// rebuilds its view of every schema node on every call — key sets, property lists, paths, enum values written
/// out for each comparison — about 70 µs and 160 KB for a 3 KB SCIA, two thirds of a whole validation and most
/// of the garbage of the validate endpoint (FormValidationStagesBenchmark). Prepared once, the walk of that form
/// takes about 8 µs and 1 KB (the strings the format validators need, and the errors).
/// <para>
/// Most forms are valid, and for them the walk's details are wasted: its cost was mostly reaching values through
/// <see cref="JsonElement"/> (kind lookups, raw-byte slicing, a pooled array per object for the members' values).
/// So <see cref="Validate(JsonElement)"/> first runs <see cref="IsCertainlyValid"/>: one forward <see cref="Utf8JsonReader"/>
/// pass over the document's bytes that checks the same keywords with the same semantics and only answers yes or
/// "ask the walk". It is sound (yes only when the walk finds nothing; CompiledSchemaTests checks it on every
/// example and mutation) and leaves rare shapes to the walk rather than modelling them: escaped or repeated member
/// names, integers beyond 64 bits with a range, enums of numbers. A form with an error pays both (the check
/// stops at the first one); the walk alone writes the errors, so what they say did not change. Measured on the
/// benchmark's SCIA (FormValidationStagesBenchmark): 6.1 µs and 840 B against the walk's 7.5 µs and 1,168 B. Less
/// than hoped: a bare reader pass over those 3 KB already takes 2.8 µs (the parse did the same scan once), and the
/// format validators, patterns and enums cost the same either way.
/// </para>
/// <c>CompiledSchemaTests</c> checks, on every example of every form and
/// thousands of mutations of them, that both give the same errors. Only the keywords form schemas may use
/// (<see cref="SchemaKeywords.Allowed"/>) are modelled: a schema node using anything else NJsonSchema would
/// enforce (anyOf, allOf, oneOf, not, several types, patternProperties, tuples, uniqueItems, an
/// additionalProperties schema, min/maxProperties) is refused when prepared, never silently skipped.
/// </remarks>
internal sealed class CompiledSchema
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
        // Strict JSON, as FormValidator parses it: allowing comments puts the reader on a slower path (a sixth of
        // this check's time). A document parsed with comments or trailing commas makes the reader throw, and the
        // walk decides.
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

    // The order of the checks is NJsonSchema's: type (array, string, number, integer, boolean, null, object), enum, properties.
    private static void Validate(JsonElement element, JsonValueKind kind, Node node, string? propertyName, Path path, List<ValidationError> errors)
    {
        var type = node.Type;
        if (!(kind == JsonValueKind.Null && node.Nullable))
        {
            ValidateArray(element, kind, node, propertyName, path, errors);
            ValidateString(element, kind, node, propertyName, path, errors);
            ValidateNumber(element, kind, node, propertyName, path, errors);
            if (type.HasFlag(JsonObjectType.Integer) && !IsInteger(element))
            {
                errors.Add(Error(ValidationErrorKind.IntegerExpected, propertyName, path, node));
            }

            if (type.HasFlag(JsonObjectType.Boolean) && kind is not (JsonValueKind.True or JsonValueKind.False))
            {
                errors.Add(Error(ValidationErrorKind.BooleanExpected, propertyName, path, node));
            }

            if (type.HasFlag(JsonObjectType.Null) && kind != JsonValueKind.Null)
            {
                errors.Add(Error(ValidationErrorKind.NullExpected, propertyName, path, node));
            }

            if (type.HasFlag(JsonObjectType.Object) && kind != JsonValueKind.Object)
            {
                errors.Add(Error(ValidationErrorKind.ObjectExpected, propertyName, path, node));
            }
        }

        if (node.Enum is { } allowed && !(node.Nullable && kind == JsonValueKind.Null) && !InEnum(element, allowed))
        {
            errors.Add(Error(ValidationErrorKind.NotInEnumeration, propertyName, path, node));
        }

        ValidateProperties(element, kind == JsonValueKind.Object, node, path, errors);
    }

    private static void ValidateArray(JsonElement element, JsonValueKind actual, Node node, string? propertyName, Path path, List<ValidationError> errors)
    {
        if (!Is(actual, JsonValueKind.Array, JsonObjectType.Array, ValidationErrorKind.ArrayExpected, propertyName, path, node, errors))
        {
            return;
        }

        var count = element.GetArrayLength();
        if (node.Schema.MinItems > 0 && count < node.Schema.MinItems)
        {
            errors.Add(Error(ValidationErrorKind.TooFewItems, propertyName, path, node));
        }

        if (node.Schema.MaxItems > 0 && count > node.Schema.MaxItems)
        {
            errors.Add(Error(ValidationErrorKind.TooManyItems, propertyName, path, node));
        }

        if (node.Item is { } item)
        {
            // Items past maxItems are not checked (NJsonSchema checks them all): FormValidator cuts such an array
            // (ArrayLimits) and checks the form again, so a hostile 100,000-item array costs a count, not 100,000
            // item checks and as many errors.
            var limit = node.Schema.MaxItems > 0 ? node.Schema.MaxItems : int.MaxValue;
            var index = 0;
            foreach (var value in element.EnumerateArray())
            {
                if (index == limit)
                {
                    break;
                }

                path.Push(null, index++);
                Validate(value, value.ValueKind, item, null, path, errors);
                path.Pop();
            }
        }
    }

    private static void ValidateString(JsonElement element, JsonValueKind actual, Node node, string? propertyName, Path path, List<ValidationError> errors)
    {
        if (!Is(actual, JsonValueKind.String, JsonObjectType.String, ValidationErrorKind.StringExpected, propertyName, path, node, errors))
        {
            return;
        }

        var schema = node.Schema;
        if (node.Pattern is null && schema.MinLength is null && schema.MaxLength is null && node.Formats is null)
        {
            return;
        }

        // Most values are short ASCII without escapes: then the raw bytes are the characters, and the length and
        // pattern checks read them from the stack; only a format (validators take strings) needs the string.
        Span<char> buffer = stackalloc char[256];
        var chars = PlainAscii(element, buffer);
        string? text = null;
        if (chars.IsEmpty && element.GetString() is { } decoded)
        {
            text = decoded;
            chars = decoded.AsSpan();
        }

        if (node.Pattern is { } pattern && !pattern.IsMatch(chars))
        {
            errors.Add(Error(ValidationErrorKind.PatternMismatch, propertyName, path, node));
        }

        if (chars.Length < schema.MinLength)
        {
            errors.Add(Error(ValidationErrorKind.StringTooShort, propertyName, path, node));
        }

        if (chars.Length > schema.MaxLength)
        {
            errors.Add(Error(ValidationErrorKind.StringTooLong, propertyName, path, node));
        }

        if (node.Formats is { } formats && !AnyAccepts(formats, text ?? chars.ToString()))
        {
            foreach (var errorKind in formats.Select(f => f.ValidationErrorKind).Distinct())
            {
                errors.Add(Error(errorKind, propertyName, path, node));
            }
        }
    }

    private static bool AnyAccepts(IFormatValidator[] formats, string value)
    {
        foreach (var format in formats)
        {
            if (format.IsValid(value, JTokenType.String))
            {
                return true;
            }
        }

        return false;
    }

    private static void ValidateNumber(JsonElement element, JsonValueKind actual, Node node, string? propertyName, Path path, List<ValidationError> errors)
    {
        if (!Is(actual, JsonValueKind.Number, JsonObjectType.Number, ValidationErrorKind.NumberExpected, propertyName, path, node, errors))
        {
            return;
        }

        var s = node.Schema;
        if (s.Minimum is null && s.Maximum is null && s.ExclusiveMinimum is null && s.ExclusiveMaximum is null && s.MultipleOf is null)
        {
            return;
        }

        // NJsonSchema compares as decimal, and as double when the value does not fit a decimal.
        if (AsDecimal(element) is { } value)
        {
            Range(value, s.Minimum, s.Maximum, s.IsExclusiveMinimum, s.IsExclusiveMaximum, s.ExclusiveMinimum, s.ExclusiveMaximum, propertyName, path, node, errors);
            if (s.MultipleOf is { } multipleOf && value % multipleOf != 0)
            {
                errors.Add(Error(ValidationErrorKind.NumberNotMultipleOf, propertyName, path, node));
            }

            return;
        }

        var real = AsDouble(element);
        Range(real, (double?)s.Minimum, (double?)s.Maximum, s.IsExclusiveMinimum, s.IsExclusiveMaximum, (double?)s.ExclusiveMinimum, (double?)s.ExclusiveMaximum, propertyName, path, node, errors);
        if (s.MultipleOf is { } multiple && real % (double)multiple != 0)
        {
            errors.Add(Error(ValidationErrorKind.NumberNotMultipleOf, propertyName, path, node));
        }
    }

    private static void Range<T>(
        T value, T? minimum, T? maximum, bool exclusiveMinimumFlag, bool exclusiveMaximumFlag, T? exclusiveMinimum, T? exclusiveMaximum,
        string? propertyName, Path path, Node node, List<ValidationError> errors)
        where T : struct, IComparisonOperators<T, T, bool>
    {
        if (minimum is { } min && (exclusiveMinimumFlag ? value <= min : value < min))
        {
            errors.Add(Error(ValidationErrorKind.NumberTooSmall, propertyName, path, node));
        }

        if (maximum is { } max && (exclusiveMaximumFlag ? value >= max : value > max))
        {
            errors.Add(Error(ValidationErrorKind.NumberTooBig, propertyName, path, node));
        }

        if (exclusiveMinimum is { } xmin && value <= xmin)
        {
            errors.Add(Error(ValidationErrorKind.NumberTooSmall, propertyName, path, node));
        }

        if (exclusiveMaximum is { } xmax && value >= xmax)
        {
            errors.Add(Error(ValidationErrorKind.NumberTooBig, propertyName, path, node));
        }
    }

    private static void ValidateProperties(JsonElement element, bool isObject, Node node, Path path, List<ValidationError> errors)
    {
        if (!isObject && node.Type.HasFlag(JsonObjectType.Null))
        {
            return;
        }

        var properties = node.Properties;
        var unknown = false;
        if (properties.Length > 0)
        {
            // One pass over the form's members; a repeated name keeps its last value, as a Newtonsoft object does.
            var values = ArrayPool<JsonElement>.Shared.Rent(properties.Length);
            Array.Clear(values, 0, properties.Length);
            try
            {
                if (isObject)
                {
                    var next = 0;
                    foreach (var member in element.EnumerateObject())
                    {
                        if (IndexOf(node, member, ref next) is var i and >= 0)
                        {
                            values[i] = member.Value;
                        }
                        else
                        {
                            unknown = true;
                        }
                    }
                }

                for (var i = 0; i < properties.Length; i++)
                {
                    var property = properties[i];
                    var value = values[i];
                    var kind = value.ValueKind;
                    if (kind != JsonValueKind.Undefined)
                    {
                        if (kind == JsonValueKind.Null && property.Nullable)
                        {
                            continue;
                        }

                        path.Push(property.Name, 0);
                        Validate(value, kind, property.Node, property.Name, path, errors);
                        path.Pop();
                    }
                    else if (property.Required)
                    {
                        errors.Add(new ValidationError(ValidationErrorKind.PropertyRequired, property.Name, path.With(property.Name), null, node.Schema));
                    }
                }
            }
            finally
            {
                ArrayPool<JsonElement>.Shared.Return(values);
            }
        }

        foreach (var required in node.OtherRequired)
        {
            if (!isObject || !element.TryGetProperty(required, out _))
            {
                errors.Add(new ValidationError(ValidationErrorKind.PropertyRequired, required, path.With(required), null, node.Schema));
            }
        }

        // Unknown members are looked for again only when the pass above met one (or had nothing to look up).
        if (isObject && !node.AllowAdditional && (unknown || properties.Length == 0))
        {
            var next = 0;
            foreach (var member in element.EnumerateObject())
            {
                if (IndexOf(node, member, ref next) < 0)
                {
                    errors.Add(new ValidationError(ValidationErrorKind.NoAdditionalPropertiesAllowed, member.Name, path.With(member.Name), null, node.Schema));
                }
            }
        }
    }

    /// <summary>
    /// The position of a member in the node's properties, or -1. The name is read from the document's bytes when it
    /// has no escapes (all the forms' names): a name string per member was most of a valid form's garbage.
    /// </summary>
    /// <remarks>
    /// A form usually lists its members in the schema's order, so the property after the last one found
    /// (<paramref name="next"/>) is compared first, byte for byte: most members cost one comparison, no lookup.
    /// </remarks>
    private static int IndexOf(Node node, JsonProperty member, ref int next)
    {
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(member);
        var plain = !raw.Contains((byte)'\\');
        int found;
        if (plain && (uint)next < (uint)node.Properties.Length && raw.SequenceEqual(node.Properties[next].Utf8Name))
        {
            found = next;
        }
        else if (plain && raw.Length <= 128)
        {
            Span<char> buffer = stackalloc char[128];
            var length = Encoding.UTF8.GetChars(raw, buffer);
            found = node.Lookup.TryGetValue(buffer[..length], out var index) ? index : -1;
        }
        else
        {
            // Escaped or very long: the name as a string.
            found = node.Index.TryGetValue(member.Name, out var index) ? index : -1;
        }

        if (found >= 0)
        {
            next = found + 1;
        }

        return found;
    }

    /// <summary>Whether the value is of <paramref name="kind"/>; if not, and the schema's type is that one, the type error.</summary>
    private static bool Is(
        JsonValueKind actual, JsonValueKind kind, JsonObjectType type, ValidationErrorKind expected, string? propertyName, Path path, Node node, List<ValidationError> errors)
    {
        if (actual == kind)
        {
            return true;
        }

        if (node.Type.HasFlag(type))
        {
            errors.Add(Error(expected, propertyName, path, node));
        }

        return false;
    }

    private static ValidationError Error(ValidationErrorKind kind, string? propertyName, Path path, Node node) =>
        new(kind, propertyName, path.ToString(), null, node.Schema);

    /// <summary>
    /// The characters of a string value when its raw JSON is plain ASCII without escapes and fits
    /// <paramref name="buffer"/>; empty otherwise (and for the empty string), when the caller decodes it.
    /// </summary>
    private static ReadOnlySpan<char> PlainAscii(JsonElement element, Span<char> buffer)
    {
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element);
        if (raw.Length < 3 || raw.Length - 2 > buffer.Length)
        {
            return [];
        }

        var content = raw[1..^1];
        if (content.Contains((byte)'\\') || System.Text.Ascii.ToUtf16(content, buffer, out var written) != System.Buffers.OperationStatus.Done)
        {
            return [];
        }

        return buffer[..written];
    }

    /// <summary>Whether NJsonSchema's token would be an integer: a number written without fraction or exponent.</summary>
    private static bool IsInteger(JsonElement element) =>
        element.ValueKind == JsonValueKind.Number && (element.TryGetInt64(out _) || element.GetRawText().AsSpan().IndexOfAny('.', 'e', 'E') < 0);

    private static decimal? AsDecimal(JsonElement element)
    {
        if (element.TryGetInt64(out var whole))
        {
            return whole;
        }

        var raw = element.GetRawText();
        try
        {
            return raw.AsSpan().IndexOfAny('.', 'e', 'E') < 0
                ? (decimal)BigInteger.Parse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)
                : Convert.ToDecimal(double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static double AsDouble(JsonElement element)
    {
        var raw = element.GetRawText();
        return raw.AsSpan().IndexOfAny('.', 'e', 'E') < 0
            ? (double)BigInteger.Parse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)
            : double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static bool InEnum(JsonElement element, FrozenSet<string> allowed)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            Span<char> buffer = stackalloc char[256];
            var chars = PlainAscii(element, buffer);
            if (!chars.IsEmpty)
            {
                return allowed.GetAlternateLookup<ReadOnlySpan<char>>().Contains(chars);
            }
        }

        return allowed.Contains(EnumText(element));
    }

    /// <summary>The text NJsonSchema compares with the enum values: the token's <c>ToString()</c>.</summary>
    private static string EnumText(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.True => bool.TrueString,
        JsonValueKind.False => bool.FalseString,
        JsonValueKind.Null => "",
        _ => NewtonsoftTokens.From(element).ToString(),
    };

    // The fast check. Each method takes the reader on the first token of a value and, when it answers true, leaves
    // it on the value's last token; false ends the check (the walk then decides), wherever the reader is.
    // Each mirrors the walk's method of the same keyword: any error of the walk is a false here.
    private const int FastMaxDepth = 256;

    private static bool Check(ref Utf8JsonReader reader, Node node)
    {
        var token = reader.TokenType;
        var type = node.Type;
        var nullAllowed = token == JsonTokenType.Null && node.Nullable;
        if (!nullAllowed)
        {
            if (type != JsonObjectType.None && !HasType(ref reader, token, type))
            {
                return false;
            }

            if (token == JsonTokenType.Number && node.ChecksNumbers && !CheckNumber(ref reader, node))
            {
                return false;
            }
        }

        if (token == JsonTokenType.String)
        {
            if ((node.ChecksStrings || node.Enum is not null) && !CheckString(ref reader, node))
            {
                return false;
            }
        }
        else if (node.Enum is { } allowed && !nullAllowed)
        {
            // NJsonSchema compares the token's text (EnumText). A number's is Newtonsoft's writing of it, left to the walk.
            var text = token switch
            {
                JsonTokenType.True => bool.TrueString,
                JsonTokenType.False => bool.FalseString,
                JsonTokenType.Null => "",
                _ => null,
            };
            if (text is null || !allowed.Contains(text))
            {
                return false;
            }
        }

        return token switch
        {
            JsonTokenType.StartObject => CheckObject(ref reader, node),
            // ValidateProperties on a value that is not an object: each required property is missing.
            JsonTokenType.StartArray => (!node.AnyRequired || type.HasFlag(JsonObjectType.Null)) && CheckArray(ref reader, node),
            _ => !node.AnyRequired || type.HasFlag(JsonObjectType.Null),
        };
    }

    /// <summary>The walk's type checks (the one flag a form schema node may have): whether none would fail.</summary>
    private static bool HasType(ref Utf8JsonReader reader, JsonTokenType token, JsonObjectType type) =>
        (!type.HasFlag(JsonObjectType.Array) || token == JsonTokenType.StartArray)
        && (!type.HasFlag(JsonObjectType.String) || token == JsonTokenType.String)
        && (!type.HasFlag(JsonObjectType.Number) || token == JsonTokenType.Number)
        // IsInteger: a number written without fraction or exponent.
        && (!type.HasFlag(JsonObjectType.Integer) || (token == JsonTokenType.Number && reader.ValueSpan.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0))
        && (!type.HasFlag(JsonObjectType.Boolean) || token is JsonTokenType.True or JsonTokenType.False)
        && (!type.HasFlag(JsonObjectType.Null) || token == JsonTokenType.Null)
        && (!type.HasFlag(JsonObjectType.Object) || token == JsonTokenType.StartObject);

    /// <summary>ValidateString and the enum of a string: the characters decoded on the stack unless very long.</summary>
    private static bool CheckString(ref Utf8JsonReader reader, Node node)
    {
        Span<char> buffer = stackalloc char[256];
        scoped ReadOnlySpan<char> chars;
        string? text = null;
        // A string decodes to at most as many UTF-16 characters as its raw bytes (escapes and UTF-8 only shrink).
        if (reader.ValueSpan.Length <= buffer.Length && !reader.ValueIsEscaped)
        {
            // Unescaped: the bytes are the string's UTF-8.
            chars = buffer[..Encoding.UTF8.GetChars(reader.ValueSpan, buffer)];
        }
        else if (reader.ValueSpan.Length <= buffer.Length)
        {
            chars = buffer[..reader.CopyString(buffer)];
        }
        else
        {
            text = reader.GetString()!;
            chars = text;
        }

        var schema = node.Schema;
        return (node.Pattern is not { } pattern || pattern.IsMatch(chars))
            && !(chars.Length < schema.MinLength)
            && !(chars.Length > schema.MaxLength)
            && (node.Formats is not { } formats || AnyAccepts(formats, text ?? chars.ToString()))
            && (node.EnumLookup is not { } allowed || allowed.Contains(chars));
    }

    /// <summary>
    /// ValidateNumber: as decimal (AsDecimal: a 64-bit integer, or a fraction read as double then converted), as
    /// double beyond decimal's range. Integers beyond 64 bits (BigInteger in the walk) are left to the walk.
    /// </summary>
    private static bool CheckNumber(ref Utf8JsonReader reader, Node node)
    {
        var s = node.Schema;
        if (reader.TryGetInt64(out var whole))
        {
            return InRangeDecimal(whole, s);
        }

        if (reader.ValueSpan.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0 || !reader.TryGetDouble(out var real) || !double.IsFinite(real))
        {
            return false;
        }

        // Convert.ToDecimal(double) throws past decimal.MaxValue (7.92e28), where the walk compares as double;
        // the few values near the limit are left to the walk rather than guessing the exact edge.
        var magnitude = Math.Abs(real);
        if (magnitude < 7.9e28)
        {
            return InRangeDecimal((decimal)real, s);
        }

        if (magnitude <= 8e28)
        {
            return false;
        }

        return InRange(real, (double?)s.Minimum, (double?)s.Maximum, s.IsExclusiveMinimum, s.IsExclusiveMaximum, (double?)s.ExclusiveMinimum, (double?)s.ExclusiveMaximum)
            && !(s.MultipleOf is { } multiple && real % (double)multiple != 0);
    }

    private static bool InRangeDecimal(decimal value, JsonSchema s) =>
        InRange(value, s.Minimum, s.Maximum, s.IsExclusiveMinimum, s.IsExclusiveMaximum, s.ExclusiveMinimum, s.ExclusiveMaximum)
        && !(s.MultipleOf is { } multipleOf && value % multipleOf != 0);

    /// <summary>Whether <see cref="Range{T}"/> would report nothing.</summary>
    private static bool InRange<T>(
        T value, T? minimum, T? maximum, bool exclusiveMinimumFlag, bool exclusiveMaximumFlag, T? exclusiveMinimum, T? exclusiveMaximum)
        where T : struct, IComparisonOperators<T, T, bool> =>
        !(minimum is { } min && (exclusiveMinimumFlag ? value <= min : value < min))
        && !(maximum is { } max && (exclusiveMaximumFlag ? value >= max : value > max))
        && !(exclusiveMinimum is { } xmin && value <= xmin)
        && !(exclusiveMaximum is { } xmax && value >= xmax);

    /// <summary>ValidateArray: an array over maxItems is an error (TooManyItems), so every item counted is checked.</summary>
    private static bool CheckArray(ref Utf8JsonReader reader, Node node)
    {
        var schema = node.Schema;
        var item = node.Item;
        if (item is null && schema.MinItems <= 0 && schema.MaxItems <= 0)
        {
            reader.Skip();
            return true;
        }

        var limit = schema.MaxItems > 0 ? schema.MaxItems : int.MaxValue;
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (++count > limit)
            {
                return false;
            }

            if (item is null)
            {
                reader.Skip();
            }
            else if (!Check(ref reader, item))
            {
                return false;
            }
        }

        return !(schema.MinItems > 0 && count < schema.MinItems);
    }

    /// <summary>
    /// ValidateProperties on an object, in one pass over its members: which properties were seen is kept on the
    /// stack. A member named twice (the walk keeps its last value) or an escaped name is left to the walk.
    /// </summary>
    private static bool CheckObject(ref Utf8JsonReader reader, Node node)
    {
        var properties = node.Properties;
        var other = node.OtherRequiredUtf8;
        if (properties.Length == 0 && other.Length == 0 && node.AllowAdditional)
        {
            reader.Skip();
            return true;
        }

        // Which properties (then the other required names) were seen: bits of a word for up to 64 of them (every
        // form's objects), an array beyond; either way no buffer to clear per object.
        var known = properties.Length + other.Length;
        var seenBits = 0UL;
        var seenMany = known > 64 ? new bool[known] : null;
        var next = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
            {
                return false;
            }

            var name = reader.ValueSpan;
            var i = Find(node, name, ref next);
            reader.Read();
            if (i >= 0)
            {
                if (!See(ref seenBits, seenMany, i))
                {
                    return false;
                }

                var property = properties[i];
                if (!(reader.TokenType == JsonTokenType.Null && property.Nullable) && !Check(ref reader, property.Node))
                {
                    return false;
                }

                continue;
            }

            if (!node.AllowAdditional)
            {
                return false;
            }

            for (var j = 0; j < other.Length; j++)
            {
                if (name.SequenceEqual(other[j]))
                {
                    See(ref seenBits, seenMany, properties.Length + j);
                }
            }

            reader.Skip();
        }

        if (seenMany is null)
        {
            return (seenBits & node.RequiredBits) == node.RequiredBits;
        }

        for (var i = 0; i < properties.Length; i++)
        {
            if (properties[i].Required && !seenMany[i])
            {
                return false;
            }
        }

        return !seenMany.AsSpan(properties.Length).Contains(false);
    }

    /// <summary>Marks property <paramref name="index"/> seen; false if it was already (a member named twice).</summary>
    private static bool See(ref ulong bits, bool[]? many, int index)
    {
        if (many is not null)
        {
            var first = !many[index];
            many[index] = true;
            return first;
        }

        var bit = 1UL << index;
        var fresh = (bits & bit) == 0;
        bits |= bit;
        return fresh;
    }

    /// <summary>
    /// IndexOf for a name without escapes, from its raw bytes: the next expected property first, then the others.
    /// Unescaped, equal bytes are equal names, so comparing bytes finds what the walk's lookup finds.
    /// </summary>
    private static int Find(Node node, ReadOnlySpan<byte> name, ref int next)
    {
        var properties = node.Properties;
        int found;
        if ((uint)next < (uint)properties.Length && name.SequenceEqual(properties[next].Utf8Name))
        {
            found = next;
        }
        else if (properties.Length <= 32)
        {
            // A few properties: comparing bytes (mostly lengths) is cheaper than decoding the name for a lookup.
            found = -1;
            for (var i = 0; i < properties.Length; i++)
            {
                if (name.SequenceEqual(properties[i].Utf8Name))
                {
                    found = i;
                    break;
                }
            }
        }
        else if (name.Length <= 128)
        {
            Span<char> buffer = stackalloc char[128];
            var length = Encoding.UTF8.GetChars(name, buffer);
            found = node.Lookup.TryGetValue(buffer[..length], out var index) ? index : -1;
        }
        else
        {
            found = node.Index.TryGetValue(Encoding.UTF8.GetString(name), out var index) ? index : -1;
        }

        if (found >= 0)
        {
            next = found + 1;
        }

        return found;
    }

    // A schema's pattern: most are a few character classes with counts, which SimplePattern matches in one pass
    // without Regex's per-call setup (about a microsecond a form under load); the rest stay with Regex.
    private sealed class PatternMatcher(SimplePattern? simple, Regex? regex)
    {
        // Compiled: the same matching, several times faster; a schema has a few dozen patterns, prepared once.
        public static PatternMatcher Create(string pattern) => SimplePattern.TryParse(pattern) is { } parsed
            ? new PatternMatcher(parsed, null)
            : new PatternMatcher(null, new Regex(pattern, RegexOptions.Compiled));

        public bool IsMatch(ReadOnlySpan<char> chars) => simple?.IsMatch(chars) ?? regex!.IsMatch(chars);
    }

    private sealed class Node(JsonSchema schema)
    {
        public JsonSchema Schema { get; } = schema;

        public JsonObjectType Type => Schema.Type;

        public bool Nullable { get; init; }

        public PatternMatcher? Pattern { get; init; }

        public IFormatValidator[]? Formats { get; init; }

        public FrozenSet<string>? Enum
        {
            get;
            init
            {
                field = value;
                EnumLookup = value?.GetAlternateLookup<ReadOnlySpan<char>>();
            }
        }

        public bool AllowAdditional => Schema.AllowAdditionalProperties;

        public Node? Item { get; set; }

        public Property[] Properties { get; set; } = [];

        public FrozenDictionary<string, int> Index
        {
            get;
            set
            {
                field = value;
                Lookup = value.GetAlternateLookup<ReadOnlySpan<char>>();
            }
        } = FrozenDictionary<string, int>.Empty;

        /// <summary><see cref="Index"/> by characters, for names read without making a string.</summary>
        public FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; private set; } =
            FrozenDictionary<string, int>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();

        public string[] OtherRequired { get; set; } = [];

        /// <summary><see cref="OtherRequired"/> as a document's raw bytes spell them, for the fast check.</summary>
        public byte[][] OtherRequiredUtf8 { get; set; } = [];

        /// <summary>
        /// The properties required, as bits by position, then the other required names after them; used by the fast
        /// check when there are 64 or fewer of both.
        /// </summary>
        public ulong RequiredBits { get; set; }

        /// <summary>Whether a property is required: then a value that is not an object is an error unless the type is null.</summary>
        public bool AnyRequired { get; set; }

        /// <summary>Whether a string value has anything to check besides its type (the enum aside).</summary>
        public bool ChecksStrings { get; set; }

        /// <summary>Whether a number has a range or multipleOf to check.</summary>
        public bool ChecksNumbers { get; set; }

        /// <summary><see cref="Enum"/> by characters, for strings read without making one.</summary>
        public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>>? EnumLookup { get; private init; }
    }

    private sealed record Property(string Name, Node Node, bool Required, bool Nullable)
    {
        /// <summary>The name as a document's raw bytes spell it when it has no escapes.</summary>
        public byte[] Utf8Name { get; } = Encoding.UTF8.GetBytes(Name);
    }

    /// <summary>
    /// Where the walk is, as segments; written out (NJsonSchema's notation: <c>a.b[0].c</c>) only for an error,
    /// so a valid form costs no path strings.
    /// </summary>
    private sealed class Path
    {
        private readonly List<(string? Name, int Index)> _segments = [];

        public void Push(string? name, int index) => _segments.Add((name, index));

        public void Pop() => _segments.RemoveAt(_segments.Count - 1);

        public string With(string name) => _segments.Count == 0 ? name : ToString() + "." + name;

        public override string ToString()
        {
            var text = new StringBuilder();
            foreach (var (name, index) in _segments)
            {
                if (name is null)
                {
                    text.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
                }
                else
                {
                    if (text.Length > 0)
                    {
                        text.Append('.');
                    }

                    text.Append(name);
                }
            }

            return text.ToString();
        }
    }
}
