using System.Globalization;
using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Forms.Formats;

/// <summary>
/// The ISTAT code of a municipality: exactly 6 digits, the code of its province (3) followed by a
/// sequence number within the province (3), e.g. <c>015146</c> (Milano, province 015),
/// <c>058091</c> (Roma), <c>063049</c> (Napoli), <c>001272</c> (Torino, province 001).
/// </summary>
/// <remarks>
/// <para>The first digits are a province code, not a region code: region codes (01–20) are a separate
/// two-digit code that does not appear in the municipality code (Torino, region 01, is <c>001272</c>).
/// Province codes run from 001 (Torino) upwards in the 1xx range; codes from 200 are those of the
/// metropolitan cities (<c>215</c> Città metropolitana di Milano), whose municipalities keep the historical
/// province code (<c>015</c>), so they never start a municipality code.</para>
/// <para>The check here is syntactic: 6 ASCII digits, a province part 001–199 and a sequence part other
/// than 000. The upper bound leaves room for new provinces (Sardinia's 2025 reform takes effect in ISTAT
/// codes from 2026) without hard-coding today's list. Whether the municipality
/// exists (and existed on the legal date) is the registry's business: pass its lookup as
/// <c>exists</c> to <see cref="Check(string?, Func{string, bool}?)"/> or to
/// <see cref="ItalianFormats.CreateValidatorSettings(Func{string, bool}?)"/>.</para>
/// </remarks>
public static class IstatComune
{
    /// <summary>True when <paramref name="value"/> is a syntactically valid ISTAT municipality code.</summary>
    public static bool IsValid(string? value) => Check(value).IsValid;

    /// <summary>
    /// True when <paramref name="value"/> is syntactically valid and, if <paramref name="exists"/> is
    /// given, the registry knows it.
    /// </summary>
    public static bool IsValid(string? value, Func<string, bool>? exists) => Check(value, exists).IsValid;

    /// <summary>Checks the syntax of <paramref name="value"/> and tells why it is invalid.</summary>
    public static FormatCheck Check(string? value) => Check(value, exists: null);

    /// <summary>
    /// Checks the syntax of <paramref name="value"/> and then, if <paramref name="exists"/> is given,
    /// asks it whether the municipality exists (reason <see cref="FormatReasons.Unknown"/> if not).
    /// </summary>
    public static FormatCheck Check(string? value, Func<string, bool>? exists)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return FormatCheck.Invalid(FormatReasons.Empty, new LocalizedText(
                "Il codice ISTAT del comune è vuoto.",
                "The ISTAT municipality code is empty."));
        }

        if (value.Length != 6)
        {
            return FormatCheck.Invalid(FormatReasons.Length, new LocalizedText(
                $"Il codice ISTAT del comune deve avere 6 cifre (con gli zeri iniziali, es. 015146), non {value.Length}.",
                $"The ISTAT municipality code must have 6 digits (with leading zeros, e.g. 015146), not {value.Length}."));
        }

        if (!value.All(char.IsAsciiDigit))
        {
            return FormatCheck.Invalid(FormatReasons.Characters, new LocalizedText(
                "Il codice ISTAT del comune può contenere solo cifre.",
                "The ISTAT municipality code may contain digits only."));
        }

        var province = int.Parse(value.AsSpan(0, 3), CultureInfo.InvariantCulture);
        if (province is < 1 or > 199)
        {
            return FormatCheck.Invalid(FormatReasons.Province, new LocalizedText(
                $"Il codice provincia {value[..3]} (prime tre cifre) non è valido per un comune: va da 001 a 199.",
                $"The province code {value[..3]} (first three digits) is not valid for a municipality: it runs from 001 to 199."));
        }

        if (value.EndsWith("000", StringComparison.Ordinal))
        {
            return FormatCheck.Invalid(FormatReasons.Sequence, new LocalizedText(
                "Il numero del comune nella provincia (ultime tre cifre) non può essere 000.",
                "The number of the municipality within the province (last three digits) cannot be 000."));
        }

        if (exists is not null && !exists(value))
        {
            return FormatCheck.Invalid(FormatReasons.Unknown, new LocalizedText(
                $"Il comune con codice ISTAT {value} non risulta nell'elenco dei comuni.",
                $"No municipality with ISTAT code {value} is in the register."));
        }

        return FormatCheck.Valid;
    }
}
