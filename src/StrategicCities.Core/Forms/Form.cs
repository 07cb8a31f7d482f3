using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace StrategicCities.Core.Forms;

/// <summary>
/// Pure helpers the form rule expressions call, addressing fields by JSON pointer so expressions read
/// like the form (<c>Form.IsTrue(form, "/vincoli/paesaggistico")</c>). Every helper is total: a missing
/// field or a value of the wrong type gives the neutral answer (false, "", 0), never an exception, so
/// rules can run even on a form the schema refused.
/// </summary>
public static class Form
{
    /// <summary>True when the field exists and is not null, not an empty string and not an empty array.</summary>
    public static bool Has(FormDocument form, string pointer)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!form.TryResolve(pointer, out var value))
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => false,
            JsonValueKind.String => HasText(value),
            JsonValueKind.Array => value.GetArrayLength() > 0,
            _ => true,
        };
    }

    /// <summary>True when the field is the JSON value <c>true</c>.</summary>
    public static bool IsTrue(FormDocument form, string pointer)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form.TryResolve(pointer, out var value) && value.ValueKind == JsonValueKind.True;
    }

    /// <summary>The field's text, or "" when it is missing or not a string.</summary>
    public static string Text(FormDocument form, string pointer)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form.TryResolve(pointer, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
    }

    /// <summary>The field as a whole number, or 0 when it is missing or not an integer.</summary>
    public static int Integer(FormDocument form, string pointer)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form.TryResolve(pointer, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number : 0;
    }

    /// <summary>The number of items of an array field, 0 when it is missing or not an array.</summary>
    public static int Count(FormDocument form, string pointer)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form.TryResolve(pointer, out var value) && value.ValueKind == JsonValueKind.Array ? value.GetArrayLength() : 0;
    }

    /// <summary>True when <c>/allegati</c> lists a document whose <c>tipo</c> is <paramref name="type"/>.</summary>
    public static bool HasAttachment(FormDocument form, string type)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!form.TryResolve("/allegati", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("tipo"u8, out var tipo)
                && tipo.ValueKind == JsonValueKind.String && IsText(tipo, type))
            {
                return true;
            }
        }

        return false;
    }

    // Whether a string value is more than white space, as GetString().Trim().Length > 0 says, without making the
    // string: Has runs on most forms' text fields. A value with escapes is still read as a string (the escapes could
    // hide white space, or be a lone surrogate that GetString refuses).
    private static bool HasText(JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        if (raw.Contains((byte)'\\'))
        {
            return value.GetString()!.Trim().Length > 0;
        }

        // The raw value is quoted, well-formed UTF-8 (the parser checked it).
        var text = raw[1..^1];
        while (!text.IsEmpty)
        {
            Rune.DecodeFromUtf8(text, out var rune, out var consumed);
            if (!Rune.IsWhiteSpace(rune))
            {
                return true;
            }

            text = text[consumed..];
        }

        return false;
    }

    // Whether a string value is exactly the text, as GetString() == text says, without making the string. As in
    // HasText, a value with escapes (or a text that is not valid UTF-16) is compared as a string.
    private static bool IsText(JsonElement value, string? text)
    {
        if (text is null)
        {
            return false;
        }

        var raw = JsonMarshal.GetRawUtf8Value(value);
        Span<byte> utf8 = stackalloc byte[128];
        if (raw.Contains((byte)'\\') || text.Length > utf8.Length / 3
            || Utf8.FromUtf16(text, utf8, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            return value.GetString() == text;
        }

        return raw[1..^1].SequenceEqual(utf8[..written]);
    }

    /// <summary>True when the field holds a calendar date (yyyy-MM-dd).</summary>
    public static bool HasDate(FormDocument form, string pointer) => TryDate(form, pointer, out _);

    /// <summary>
    /// Days from the legal date to the date in the field (negative when the field's date comes first),
    /// 0 when the field holds no date: combine with <see cref="HasDate"/> where absence matters.
    /// </summary>
    public static int DaysFromLegalDate(FormDocument form, string pointer)
    {
        ArgumentNullException.ThrowIfNull(form);
        return TryDate(form, pointer, out var date) ? date.DayNumber - form.LegalDate.DayNumber : 0;
    }

    /// <summary>Days from the date in <paramref name="fromPointer"/> to the one in <paramref name="toPointer"/>; 0 when either is missing.</summary>
    public static int DaysBetween(FormDocument form, string fromPointer, string toPointer) =>
        TryDate(form, fromPointer, out var from) && TryDate(form, toPointer, out var to) ? to.DayNumber - from.DayNumber : 0;

    private static bool TryDate(FormDocument form, string pointer, out DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(form);
        date = default;
        return form.TryResolve(pointer, out var value) && value.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
