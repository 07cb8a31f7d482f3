using System.Globalization;
using System.Text.Json;

namespace StrategicCities.Core.Forms;

/// <summary>
/// A submitted form as the rule expressions see it: the parsed JSON plus the legal date and municipality
/// it is judged for. Immutable; expressions read it only through the pure helpers of <see cref="Form"/>.
/// </summary>
public sealed class FormDocument
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    /// <summary>Wraps an already parsed form.</summary>
    public FormDocument(JsonElement root, DateOnly legalDate, string municipality)
    {
        Root = root;
        LegalDate = legalDate;
        Municipality = municipality;
    }

    /// <summary>An empty form (used to compile and warm up the expressions).</summary>
    public static FormDocument Empty { get; } = new(EmptyObject, new DateOnly(2025, 1, 1), "015146");

    /// <summary>The form's JSON.</summary>
    public JsonElement Root { get; }

    /// <summary>The legal reference date (the filing date).</summary>
    public DateOnly LegalDate { get; }

    /// <summary>ISTAT code of the municipality the form is filed with.</summary>
    public string Municipality { get; }

    /// <summary>Resolves an RFC 6901 JSON pointer ("" or "/" is the whole form); false when nothing is there.</summary>
    public bool TryResolve(string pointer, out JsonElement value)
    {
        value = Root;
        if (string.IsNullOrEmpty(pointer) || pointer == "/")
        {
            return true;
        }

        if (pointer[0] != '/')
        {
            return false;
        }

        // Segment by segment over the pointer itself: rule expressions resolve pointers many times per form, so
        // this allocates only for the rare segment with an escape (~0, ~1).
        var rest = pointer.AsSpan(1);
        while (true)
        {
            var end = rest.IndexOf('/');
            var raw = end < 0 ? rest : rest[..end];
            var segment = raw.Contains('~') ? raw.ToString().Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal).AsSpan() : raw;
            if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty(segment, out var next))
            {
                value = next;
            }
            else if (value.ValueKind == JsonValueKind.Array
                && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < value.GetArrayLength())
            {
                value = value[index];
            }
            else
            {
                value = default;
                return false;
            }

            if (end < 0)
            {
                break;
            }

            rest = rest[(end + 1)..];
        }

        return true;
    }
}
