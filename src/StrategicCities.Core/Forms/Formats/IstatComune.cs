using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Forms.Formats;

/// <summary>
/// The ISTAT code of a municipality: exactly 6 digits, region (2) + province (1) + sequence (3),
/// e.g. <c>015146</c> (Milano), <c>058091</c> (Roma), <c>063049</c> (Napoli), <c>001272</c> (Torino).
/// </summary>
/// <remarks>
/// The check here is syntactic: 6 ASCII digits with a region prefix 01–20. Whether the municipality
/// exists (and existed on the legal date) is the registry's business: pass its lookup as
/// <c>exists</c> to <see cref="Check(string?, Func{string, bool}?)"/> or to
/// <see cref="ItalianFormats.CreateValidatorSettings(Func{string, bool}?)"/>.
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

        var region = ((value[0] - '0') * 10) + (value[1] - '0');
        if (region is < 1 or > 20)
        {
            return FormatCheck.Invalid(FormatReasons.Region, new LocalizedText(
                $"Il codice regione {value[..2]} (prime due cifre) non esiste: le regioni vanno da 01 a 20.",
                $"The region code {value[..2]} (first two digits) does not exist: regions are 01 to 20."));
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
