using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Forms.Formats;

/// <summary>
/// The Italian tax code (codice fiscale): 16 characters for natural persons (D.M. 23 dicembre 1976),
/// or the 11-digit numeric code of legal persons, which follows the rules of <see cref="PartitaIva"/>.
/// </summary>
/// <remarks>
/// <para>Which kinds a field accepts is the form's decision, not this class's: an applicant who is a
/// person uses <see cref="IsValidPerson"/>, an applicant that may be a company or a public body uses
/// <see cref="IsValid"/> (either kind). The JSON Schema format <c>codice-fiscale</c> accepts either;
/// a schema that wants persons only adds <c>"pattern": "^[A-Z0-9]{16}$"</c> next to it.</para>
/// <para>Person codes have the shape <c>AAAAAA00A00A000A</c>: surname (3 letters), name (3 letters),
/// year (2 digits), month letter (<c>ABCDEHLMPRST</c> for January–December), day (01–31 for men, 41–71
/// for women, day + 40), municipality or country of birth (a letter and 3 digits, the Belfiore code),
/// and a check letter computed with the odd/even position tables of the decree. Omocodia: the Agenzia
/// delle Entrate resolves clashes by replacing digits in positions 7, 8, 10, 11, 13, 14 and 15 with
/// <c>LMNPQRSTUV</c> (0–9); any of those positions may carry a letter and the check letter is computed
/// over the letters. The day must exist in the month; 29 February only in a year whose two digits are
/// divisible by 4 (the century is unknown, and 00 stands for 2000 as well as 1900).</para>
/// <para>Input is strict: upper case only, no spaces. Lower-case input is rejected with the reason
/// <see cref="FormatReasons.Lowercase"/> so a portal can ask the applicant to fix it, rather than
/// silently storing a value that differs from the one on the tessera sanitaria.</para>
/// <para>Examples: <c>RSSMRA85T10A562S</c> (person), <c>RSSMRA85T10A56NH</c> (the same with omocodia),
/// <c>80014890638</c> (Comune di Napoli, legal person).</para>
/// </remarks>
public static class CodiceFiscale
{
    private const string MonthLetters = "ABCDEHLMPRST";
    private const string OmocodiaLetters = "LMNPQRSTUV";

    // Values of 0–9 and A–Z in odd positions (1st, 3rd, …), from the decree's table.
    private static readonly int[] OddDigitValues = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21];
    private static readonly int[] OddLetterValues =
        [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

    // Zero-based indexes of the characters that are digits, or omocodia letters.
    private static readonly int[] DigitPositions = [6, 7, 9, 10, 12, 13, 14];

    private static readonly int[] DaysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

    /// <summary>True when <paramref name="value"/> is a valid codice fiscale of either kind (person or legal person).</summary>
    public static bool IsValid(string? value) => Check(value).IsValid;

    /// <summary>True when <paramref name="value"/> is a valid 16-character codice fiscale of a natural person.</summary>
    public static bool IsValidPerson(string? value) => CheckPerson(value).IsValid;

    /// <summary>True when <paramref name="value"/> is a valid 11-digit codice fiscale of a legal person.</summary>
    public static bool IsValidLegalPerson(string? value) => PartitaIva.Check(value).IsValid;

    /// <summary>
    /// Checks <paramref name="value"/> as either kind: 11 characters of which all are digits are checked as
    /// a legal person's code, anything else as a person's code.
    /// </summary>
    public static FormatCheck Check(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Empty();
        }

        if (value.Length == 11 && value.All(char.IsAsciiDigit))
        {
            return PartitaIva.Check(value);
        }

        if (value.Length != 16)
        {
            return FormatCheck.Invalid(FormatReasons.Length, new LocalizedText(
                $"Il codice fiscale deve avere 16 caratteri (persona fisica) o 11 cifre (persona giuridica), non {value.Length}.",
                $"The codice fiscale must have 16 characters (natural person) or 11 digits (legal person), not {value.Length}."));
        }

        return CheckPerson(value);
    }

    /// <summary>Checks <paramref name="value"/> as the 16-character codice fiscale of a natural person.</summary>
    public static FormatCheck CheckPerson(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Empty();
        }

        if (value.Length != 16)
        {
            return FormatCheck.Invalid(FormatReasons.Length, new LocalizedText(
                $"Il codice fiscale di una persona fisica deve avere 16 caratteri, non {value.Length}.",
                $"The codice fiscale of a natural person must have 16 characters, not {value.Length}."));
        }

        if (value.Any(char.IsAsciiLetterLower))
        {
            return FormatCheck.Invalid(FormatReasons.Lowercase, new LocalizedText(
                "Il codice fiscale va scritto in lettere maiuscole, come sulla tessera sanitaria.",
                "The codice fiscale must be written in capital letters, as on the health insurance card."));
        }

        for (var i = 0; i < 16; i++)
        {
            var c = value[i];
            var allowed = Array.IndexOf(DigitPositions, i) >= 0
                ? char.IsAsciiDigit(c) || OmocodiaLetters.Contains(c, StringComparison.Ordinal)
                : char.IsAsciiLetterUpper(c);
            if (!allowed)
            {
                return FormatCheck.Invalid(FormatReasons.Characters, new LocalizedText(
                    $"Carattere non ammesso in posizione {i + 1} del codice fiscale: lo schema è AAAAAA00A00A000A.",
                    $"Character not allowed at position {i + 1} of the codice fiscale: the shape is AAAAAA00A00A000A."));
            }
        }

        var month = MonthLetters.IndexOf(value[8], StringComparison.Ordinal);
        if (month < 0)
        {
            return FormatCheck.Invalid(FormatReasons.Month, new LocalizedText(
                $"La lettera del mese '{value[8]}' (posizione 9) non è valida: sono ammesse A B C D E H L M P R S T.",
                $"The month letter '{value[8]}' (position 9) is not valid: allowed are A B C D E H L M P R S T."));
        }

        var day = (DigitValue(value[9]) * 10) + DigitValue(value[10]);
        var dayOfMonth = day > 40 ? day - 40 : day;
        var year = (DigitValue(value[6]) * 10) + DigitValue(value[7]);
        if (day is < 1 or (> 31 and < 41) or > 71 || dayOfMonth > DaysInMonth[month] || (month == 1 && dayOfMonth == 29 && year % 4 != 0))
        {
            return FormatCheck.Invalid(FormatReasons.Day, new LocalizedText(
                $"Il giorno di nascita {day:00} (posizioni 10–11) non è valido per il mese: 1–31 per gli uomini, 41–71 per le donne.",
                $"The day of birth {day:00} (positions 10–11) is not valid for the month: 1–31 for men, 41–71 for women."));
        }

        if (ComputeCheckCharacter(value.AsSpan(0, 15)) != value[15])
        {
            return FormatCheck.Invalid(FormatReasons.CheckCharacter, new LocalizedText(
                "Il carattere di controllo (ultima lettera) del codice fiscale non è corretto: verificare di averlo trascritto bene.",
                "The check character (last letter) of the codice fiscale is wrong: please check it was copied correctly."));
        }

        return FormatCheck.Valid;
    }

    /// <summary>
    /// The check letter for the first 15 characters (upper-case letters and digits, omocodia letters
    /// included): odd positions through the decree's odd table, even positions A/0 = 0 … Z = 25, sum mod 26.
    /// </summary>
    internal static char ComputeCheckCharacter(ReadOnlySpan<char> firstFifteen)
    {
        var sum = 0;
        for (var i = 0; i < 15; i++)
        {
            var c = firstFifteen[i];
            var isOddPosition = i % 2 == 0; // positions are 1-based in the decree
            if (char.IsAsciiDigit(c))
            {
                sum += isOddPosition ? OddDigitValues[c - '0'] : c - '0';
            }
            else
            {
                sum += isOddPosition ? OddLetterValues[c - 'A'] : c - 'A';
            }
        }

        return (char)('A' + (sum % 26));
    }

    // A digit, or its omocodia letter (L = 0 … V = 9).
    private static int DigitValue(char c) =>
        char.IsAsciiDigit(c) ? c - '0' : OmocodiaLetters.IndexOf(c, StringComparison.Ordinal);

    private static FormatCheck Empty() => FormatCheck.Invalid(FormatReasons.Empty, new LocalizedText(
        "Il codice fiscale è vuoto.",
        "The codice fiscale is empty."));
}
