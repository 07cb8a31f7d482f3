using System.Numerics;
using System.Text;
using System.Text.Json;
using NJsonSchema;

namespace StrategicCities.Core.Forms.Validation;

internal sealed partial class CompiledSchema
{
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
        && (!type.HasFlag(JsonObjectType.Integer) || (token == JsonTokenType.Number && IsIntegral(reader.ValueSpan)))
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
        var length = CodePoints(chars);
        return (node.Pattern is not { } pattern || pattern.IsMatch(chars))
            && !(length < schema.MinLength)
            && !(length > schema.MaxLength)
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
}
