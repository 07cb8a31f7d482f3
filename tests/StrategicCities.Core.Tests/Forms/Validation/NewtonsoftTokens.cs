using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Newtonsoft.Json.Linq;

namespace StrategicCities.Core.Tests.Forms.Validation;

/// <summary>
/// The reference's input for <see cref="CompiledSchemaTests"/>: NJsonSchema's tokens (Newtonsoft <see cref="JToken"/>s)
/// built from the very document the walk reads, as NJsonSchema's own reader makes them (<c>DateParseHandling.None</c>,
/// <c>FloatParseHandling.Double</c>): strings stay strings, whole numbers are integers (<see cref="long"/>, else
/// <see cref="BigInteger"/>), anything with a fraction or exponent is a float, and a repeated property name keeps the
/// last value.
/// </summary>
/// <remarks>
/// <see cref="AsJsonSchemaReadsIt"/> gives the tokens on which NJsonSchema's .NET readings coincide with JSON Schema's
/// (what the walk implements, and Ajv): a float whose value is whole becomes an integer (draft-06 on: <c>1.0</c> is an
/// integer), an astral code point becomes one BMP character (a length counts code points), a final <c>\n</c> becomes
/// <c>\r</c> and a non-ASCII digit a private-use character (ECMA-262's <c>$</c> does not match before a final newline,
/// its <c>\d</c> is ASCII). Exact for schemas whose patterns are ASCII and mention neither <c>\r</c>, <c>\s</c>,
/// negated classes nor private-use characters, which <c>CompiledSchemaTests</c> asserts of the repository's schemas.
/// </remarks>
internal static class NewtonsoftTokens
{
    private const char Stand = '\ue000';

    public static JToken From(JsonElement element) => From(element, jsonSchema: false);

    public static JToken AsJsonSchemaReadsIt(JsonElement element) => From(element, jsonSchema: true);

    private static JToken From(JsonElement element, bool jsonSchema)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JObject();
                foreach (var property in element.EnumerateObject())
                {
                    obj[property.Name] = From(property.Value, jsonSchema);
                }

                return obj;

            case JsonValueKind.Array:
                var array = new JArray();
                foreach (var item in element.EnumerateArray())
                {
                    array.Add(From(item, jsonSchema));
                }

                return array;

            case JsonValueKind.String:
                return new JValue(jsonSchema ? Characters(element.GetString()!) : element.GetString());

            case JsonValueKind.Number:
                return Number(element, jsonSchema);

            case JsonValueKind.True:
                return new JValue(true);

            case JsonValueKind.False:
                return new JValue(false);

            default:
                return JValue.CreateNull();
        }
    }

    private static string Characters(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(Stand);
                i++;
            }
            else if (c == '\n' && i == text.Length - 1)
            {
                builder.Append('\r');
            }
            else
            {
                builder.Append(char.IsDigit(c) && !char.IsAsciiDigit(c) ? Stand : c);
            }
        }

        return builder.ToString();
    }

    private static JValue Number(JsonElement element, bool jsonSchema)
    {
        if (element.TryGetInt64(out var whole))
        {
            return new JValue(whole);
        }

        var raw = element.GetRawText();
        if (raw.AsSpan().IndexOfAny('.', 'e', 'E') < 0)
        {
            return new JValue(BigInteger.Parse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        }

        var real = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
        // Beyond 64 bits, the nearest long: it compares with every bound of a form schema as the value does
        // (a BigInteger would make NJsonSchema throw on a range).
        return jsonSchema && double.IsFinite(real) && Math.Floor(real) == real
            ? new JValue(Math.Abs(real) < 9e18 ? (long)real : real > 0 ? long.MaxValue : long.MinValue)
            : new JValue(real);
    }
}
