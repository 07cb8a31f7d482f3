using System.Text;
using System.Text.Json;
using NJsonSchema;

namespace StrategicCities.Core.Forms.Validation;

/// <summary>
/// Finds the arrays of a form that hold more items than their schema's <c>maxItems</c>, and writes the form
/// again without the excess. The schema check already stops at <c>maxItems</c>; this adds what it does not give:
/// the length the form sent (the report says how many items came and that the first <c>maxItems</c> were
/// checked, as <c>schema.max-items</c> at the array) and the form cut to its limits, which is what the rules read,
/// so no rule iterates over a hostile array either.
/// </summary>
internal static class ArrayLimits
{
    /// <summary>An array over its limit: where, how many items, and the array's schema.</summary>
    internal sealed record Overlong(string Pointer, int Count, JsonSchema Schema);

    /// <summary>The arrays over their <c>maxItems</c>, walking the form along its schema (containers only).</summary>
    public static List<Overlong>? Find(JsonElement root, JsonSchema schema)
    {
        List<Overlong>? found = null;
        Walk(root, schema.ActualSchema, [], ref found);
        return found;
    }

    /// <summary>The form as JSON text, with each overlong array cut to its first <c>maxItems</c> items.</summary>
    public static string Truncate(JsonElement root, IReadOnlyList<Overlong> overlong)
    {
        var limits = overlong.ToDictionary(o => o.Pointer, o => o.Schema.MaxItems, StringComparer.Ordinal);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true, MaxDepth = FormValidator.MaxDepth + 1 }))
        {
            Write(writer, root, "", limits);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    // The path is kept as segments (a name, or an index when the name is null) and turned into a pointer only
    // for an array over its limit: the walk of a normal form allocates nothing per container.
    private static void Walk(JsonElement element, JsonSchema schema, List<(string? Name, int Index)> path, ref List<Overlong>? found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (schema.Properties.Count == 0)
                {
                    return;
                }

                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array
                        && schema.Properties.TryGetValue(property.Name, out var child))
                    {
                        path.Add((property.Name, 0));
                        Walk(property.Value, child.ActualSchema, path, ref found);
                        path.RemoveAt(path.Count - 1);
                    }
                }

                return;

            case JsonValueKind.Array:
                var count = element.GetArrayLength();
                var keep = count;
                if (schema.MaxItems > 0 && count > schema.MaxItems)
                {
                    (found ??= []).Add(new Overlong(Pointer(path), count, schema));
                    keep = schema.MaxItems;
                }

                if (schema.Item?.ActualSchema is not { } item)
                {
                    return;
                }

                var index = 0;
                foreach (var value in element.EnumerateArray())
                {
                    if (index >= keep)
                    {
                        break;
                    }

                    if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    {
                        path.Add((null, index));
                        Walk(value, item, path, ref found);
                        path.RemoveAt(path.Count - 1);
                    }

                    index++;
                }

                return;

            default:
                return;
        }
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element, string pointer, Dictionary<string, int> limits)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value, pointer + "/" + Escape(property.Name), limits);
                }

                writer.WriteEndObject();
                return;

            case JsonValueKind.Array:
                var keep = limits.TryGetValue(pointer, out var limit) ? limit : int.MaxValue;
                writer.WriteStartArray();
                var index = 0;
                foreach (var value in element.EnumerateArray())
                {
                    if (index >= keep)
                    {
                        break;
                    }

                    Write(writer, value, pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture), limits);
                    index++;
                }

                writer.WriteEndArray();
                return;

            default:
                element.WriteTo(writer);
                return;
        }
    }

    private static string Pointer(List<(string? Name, int Index)> path)
    {
        var pointer = new StringBuilder();
        foreach (var (name, index) in path)
        {
            pointer.Append('/').Append(name is null ? index.ToString(System.Globalization.CultureInfo.InvariantCulture) : Escape(name));
        }

        return pointer.ToString();
    }

    private static string Escape(string name) =>
        name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
