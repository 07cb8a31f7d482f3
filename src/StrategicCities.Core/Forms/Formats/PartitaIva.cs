using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Forms.Formats;

/// <summary>
/// The Italian VAT number (partita IVA), also the numeric codice fiscale of legal persons:
/// 11 digits, a 7-digit matricola, a 3-digit office code and a check digit.
/// </summary>
/// <remarks>
/// <para>Checks, in this order: 11 characters; digits only; matricola (digits 1–7) not all zero;
/// office code (digits 8–10) in 001–100, 120, 121, 888 or 999; check digit.</para>
/// <para>The office codes are those that Sogei's reference program for the Agenzia delle Entrate
/// (<c>UCheckNum</c>, "Programma correttezza formale CF") accepts for a partita IVA or the codice
/// fiscale of a legal person; the other ranges it knows (000, 151–245, 301–766, 900–950) are provisional
/// codes for natural persons and are rejected here.</para>
/// <para>The check digit is the Luhn digit over digits 1–10: digits in odd positions are added,
/// digits in even positions are doubled (minus 9 when the double exceeds 9) and added; the check
/// digit is <c>(10 - sum mod 10) mod 10</c>. Example: <c>01199250158</c> (Comune di Milano).</para>
/// <para>Input must be exactly the 11 digits: no <c>IT</c> prefix, no spaces.</para>
/// </remarks>
public static class PartitaIva
{
    /// <summary>True when <paramref name="value"/> is a well-formed partita IVA with a correct check digit.</summary>
    public static bool IsValid(string? value) => Check(value).IsValid;

    /// <summary>Checks <paramref name="value"/> and tells why it is not a valid partita IVA.</summary>
    public static FormatCheck Check(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return FormatCheck.Invalid(FormatReasons.Empty, new LocalizedText(
                "La partita IVA è vuota.",
                "The partita IVA is empty."));
        }

        if (value.Length != 11)
        {
            return FormatCheck.Invalid(FormatReasons.Length, new LocalizedText(
                $"La partita IVA deve avere 11 cifre, non {value.Length} caratteri (senza prefisso IT né spazi).",
                $"The partita IVA must have 11 digits, not {value.Length} characters (no IT prefix, no spaces)."));
        }

        if (!value.All(char.IsAsciiDigit))
        {
            return FormatCheck.Invalid(FormatReasons.Characters, new LocalizedText(
                "La partita IVA può contenere solo cifre.",
                "The partita IVA may contain digits only."));
        }

        if (value.StartsWith("0000000", StringComparison.Ordinal))
        {
            return FormatCheck.Invalid(FormatReasons.Matricola, new LocalizedText(
                "Le prime 7 cifre (matricola) della partita IVA non possono essere tutte zero.",
                "The first 7 digits (matricola) of the partita IVA cannot all be zero."));
        }

        var office = ((value[7] - '0') * 100) + ((value[8] - '0') * 10) + (value[9] - '0');
        if (!IsKnownOfficeCode(office))
        {
            return FormatCheck.Invalid(FormatReasons.OfficeCode, new LocalizedText(
                $"Il codice ufficio {value[7..10]} (cifre 8–10) non è valido per una partita IVA.",
                $"The office code {value[7..10]} (digits 8–10) is not valid for a partita IVA."));
        }

        if (ComputeCheckDigit(value.AsSpan(0, 10)) != value[10])
        {
            return FormatCheck.Invalid(FormatReasons.CheckCharacter, new LocalizedText(
                "La cifra di controllo della partita IVA non è corretta: verificare di averla trascritta bene.",
                "The check digit of the partita IVA is wrong: please check it was copied correctly."));
        }

        return FormatCheck.Valid;
    }

    /// <summary>The check digit for the first 10 digits; the caller guarantees they are ASCII digits.</summary>
    internal static char ComputeCheckDigit(ReadOnlySpan<char> firstTen)
    {
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var digit = firstTen[i] - '0';
            if (i % 2 == 1)
            {
                // Even position (1-based): doubled, and the two digits of the double added.
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    private static bool IsKnownOfficeCode(int office) =>
        office is (>= 1 and <= 100) or 120 or 121 or 888 or 999;
}
