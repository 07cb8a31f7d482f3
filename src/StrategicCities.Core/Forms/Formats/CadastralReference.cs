using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Forms.Formats;

/// <summary>
/// A reference to a parcel or unit in the Italian land registry (catasto) written as one compact string:
/// <c>BELFIORE:FOGLIO/PARTICELLA[/SUBALTERNO]</c>.
/// </summary>
/// <remarks>
/// <para>Parts, all upper case, no spaces:</para>
/// <list type="bullet">
/// <item><description><c>BELFIORE</c>: the cadastral code of the municipality, a letter and 3 digits (<c>F205</c> Milano, <c>H501</c> Roma).</description></item>
/// <item><description><c>FOGLIO</c>: the sheet, 1–4 digits without leading zeros, optionally followed by one letter for an
/// allegato (<c>12</c>, <c>12A</c>).</description></item>
/// <item><description><c>PARTICELLA</c>: the parcel (mappale), 1–5 digits without leading zeros, or 1–5 letters and digits
/// starting with a letter for the parcels some registries number alphabetically (<c>345</c>, <c>A</c>, <c>B12</c>).</description></item>
/// <item><description><c>SUBALTERNO</c>: optional, the unit within a building in the catasto fabbricati, 1–4 digits without
/// leading zeros.</description></item>
/// </list>
/// <para>Examples: <c>F205:12/345</c>, <c>F205:12/345/7</c>, <c>H501:1234A/12345/1234</c>, <c>A562:3/B12</c>.</para>
/// <para>Leading zeros are rejected so that one parcel has one spelling and references compare as strings.
/// Not modelled: the sezione censuaria/urbana used by a few municipalities, and whether the reference is
/// to the catasto terreni or fabbricati (forms carry that in a separate field).</para>
/// </remarks>
public static class CadastralReference
{
    /// <summary>True when <paramref name="value"/> follows the documented syntax.</summary>
    public static bool IsValid(string? value) => Check(value).IsValid;

    /// <summary>Checks <paramref name="value"/> against the documented syntax and tells which part is wrong.</summary>
    public static FormatCheck Check(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return FormatCheck.Invalid(FormatReasons.Empty, new LocalizedText(
                "Il riferimento catastale è vuoto.",
                "The cadastral reference is empty."));
        }

        if (value.Any(char.IsAsciiLetterLower))
        {
            return FormatCheck.Invalid(FormatReasons.Lowercase, new LocalizedText(
                "Il riferimento catastale va scritto in lettere maiuscole, es. F205:12A/345/7.",
                "The cadastral reference must be written in capital letters, e.g. F205:12A/345/7."));
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var parts = colon < 0 ? [] : value[(colon + 1)..].Split('/');
        if (colon < 0 || parts.Length is < 2 or > 3)
        {
            return FormatCheck.Invalid(FormatReasons.Syntax, new LocalizedText(
                "Il riferimento catastale deve avere la forma COMUNE:FOGLIO/PARTICELLA[/SUBALTERNO], es. F205:12/345/7.",
                "The cadastral reference must have the form MUNICIPALITY:SHEET/PARCEL[/UNIT], e.g. F205:12/345/7."));
        }

        var belfiore = value.AsSpan(0, colon);
        if (belfiore.Length != 4 || !char.IsAsciiLetterUpper(belfiore[0]) || !IsDigits(belfiore[1..]))
        {
            return FormatCheck.Invalid(FormatReasons.Belfiore, new LocalizedText(
                "Il codice catastale del comune deve essere una lettera seguita da 3 cifre, es. F205.",
                "The cadastral code of the municipality must be a letter followed by 3 digits, e.g. F205."));
        }

        var foglio = parts[0].AsSpan();
        if (foglio.Length > 0 && char.IsAsciiLetterUpper(foglio[^1]))
        {
            foglio = foglio[..^1]; // the allegato letter
        }

        if (!IsNumber(foglio, maxDigits: 4))
        {
            return FormatCheck.Invalid(FormatReasons.Foglio, new LocalizedText(
                "Il foglio deve essere un numero da 1 a 4 cifre senza zeri iniziali, eventualmente seguito dalla lettera dell'allegato (es. 12 o 12A).",
                "The sheet (foglio) must be a number of 1 to 4 digits without leading zeros, optionally followed by an allegato letter (e.g. 12 or 12A)."));
        }

        var particella = parts[1].AsSpan();
        var alphanumeric = particella.Length is >= 1 and <= 5
            && char.IsAsciiLetterUpper(particella[0])
            && IsUpperAlphanumeric(particella);
        if (!alphanumeric && !IsNumber(particella, maxDigits: 5))
        {
            return FormatCheck.Invalid(FormatReasons.Particella, new LocalizedText(
                "La particella deve essere un numero da 1 a 5 cifre senza zeri iniziali, oppure un codice di al massimo 5 caratteri che inizia con una lettera.",
                "The parcel (particella) must be a number of 1 to 5 digits without leading zeros, or a code of at most 5 characters starting with a letter."));
        }

        if (parts.Length == 3 && !IsNumber(parts[2], maxDigits: 4))
        {
            return FormatCheck.Invalid(FormatReasons.Subalterno, new LocalizedText(
                "Il subalterno deve essere un numero da 1 a 4 cifre senza zeri iniziali.",
                "The unit (subalterno) must be a number of 1 to 4 digits without leading zeros."));
        }

        return FormatCheck.Valid;
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    // 1..maxDigits ASCII digits, no leading zero (so never 0).
    private static bool IsNumber(ReadOnlySpan<char> text, int maxDigits) =>
        text.Length >= 1 && text.Length <= maxDigits && text[0] != '0' && IsDigits(text);

    private static bool IsUpperAlphanumeric(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
