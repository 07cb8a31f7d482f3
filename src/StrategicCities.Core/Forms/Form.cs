using System.Globalization;
using System.Text.Json;

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
            JsonValueKind.String => value.GetString()!.Trim().Length > 0,
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
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("tipo", out var tipo)
                && tipo.ValueKind == JsonValueKind.String && tipo.GetString() == type)
            {
                return true;
            }
        }

        return false;
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
