using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using NJsonSchema.Validation.FormatValidators;

namespace StrategicCities.Core.Forms.Validation;

internal sealed partial class CompiledSchema
{
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
            // Items past maxItems are not checked (NJsonSchema checks them all): a hostile array costs a count, not
            // an item check and an error per item. FormValidator reports such an array with its length and gives the
            // rules the form cut to maxItems (ArrayLimits).
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

        var length = CodePoints(chars);
        if (length < schema.MinLength)
        {
            errors.Add(Error(ValidationErrorKind.StringTooShort, propertyName, path, node));
        }

        if (length > schema.MaxLength)
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

    /// <summary>
    /// Whether a value is an integer as JSON Schema (draft-06 on) reads it: a number without a fractional part,
    /// however written (<c>1</c>, <c>1.0</c>, <c>1e0</c>). NJsonSchema takes only numbers written without fraction
    /// or exponent; Ajv and the widget take the number's value, and so does this.
    /// </summary>
    private static bool IsInteger(JsonElement element) =>
        element.ValueKind == JsonValueKind.Number
        && (element.TryGetInt64(out _) || IsIntegral(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element)));

    /// <summary>
    /// Whether a JSON number's text has no fractional part: written without fraction or exponent, or a finite value
    /// that is whole as a double (the value Ajv and the widget compare, JavaScript numbers being doubles).
    /// </summary>
    private static bool IsIntegral(ReadOnlySpan<byte> utf8) =>
        utf8.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0
        || (double.TryParse(utf8, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && Math.Floor(value) == value);

    /// <summary>
    /// A string's length as JSON Schema counts it (maxLength, minLength): code points, a surrogate pair being one
    /// character, as Ajv and the widget count; .NET's length counts UTF-16 units.
    /// </summary>
    private static int CodePoints(ReadOnlySpan<char> chars)
    {
        var first = chars.IndexOfAnyInRange('\ud800', '\udfff');
        if (first < 0)
        {
            return chars.Length;
        }

        var length = first;
        for (var i = first; i < chars.Length; i++, length++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
        }

        return length;
    }

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
        _ => TokenText(element),
    };

    /// <summary>
    /// The <c>ToString()</c> of the Newtonsoft token NJsonSchema would hold for a number, object or array, read from
    /// the value's text as NJsonSchema reads a document (dates left as strings). Only a value of the wrong kind for
    /// an enum of strings gets here.
    /// </summary>
    private static string TokenText(JsonElement element)
    {
        using var reader = new JsonTextReader(new StringReader(element.GetRawText())) { DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader).ToString();
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
