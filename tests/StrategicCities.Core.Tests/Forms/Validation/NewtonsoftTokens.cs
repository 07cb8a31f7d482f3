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
internal static class NewtonsoftTokens
{
    public static JToken From(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JObject();
                foreach (var property in element.EnumerateObject())
                {
                    obj[property.Name] = From(property.Value);
                }

                return obj;

            case JsonValueKind.Array:
                var array = new JArray();
                foreach (var item in element.EnumerateArray())
                {
                    array.Add(From(item));
                }

                return array;

            case JsonValueKind.String:
                return new JValue(element.GetString());

            case JsonValueKind.Number:
                return Number(element);

            case JsonValueKind.True:
                return new JValue(true);

            case JsonValueKind.False:
                return new JValue(false);

            default:
                return JValue.CreateNull();
        }
    }

    private static JValue Number(JsonElement element)
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

        return new JValue(double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture));
    }
}
