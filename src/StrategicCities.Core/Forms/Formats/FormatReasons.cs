namespace StrategicCities.Core.Forms.Formats;

/// <summary>
/// Stable reason codes carried by <see cref="FormatCheck.Reason"/>. They are part of the API:
/// portals and rule files may key on them, so existing values never change meaning.
/// </summary>
public static class FormatReasons
{
    /// <summary>The value is null, empty or only white space.</summary>
    public const string Empty = "empty";

    /// <summary>The value has the wrong number of characters.</summary>
    public const string Length = "length";

    /// <summary>The value contains lower-case letters where upper case is required.</summary>
    public const string Lowercase = "lowercase";

    /// <summary>A character is not allowed at its position.</summary>
    public const string Characters = "characters";

    /// <summary>The check character or check digit does not match the rest of the value.</summary>
    public const string CheckCharacter = "check-character";

    /// <summary>The month letter of a codice fiscale is not one of ABCDEHLMPRST.</summary>
    public const string Month = "month";

    /// <summary>The day of birth of a codice fiscale is not 1–31 (men) or 41–71 (women), or does not exist in that month.</summary>
    public const string Day = "day";

    /// <summary>The first seven digits (matricola) of a partita IVA are all zero.</summary>
    public const string Matricola = "matricola";

    /// <summary>The office code (digits 8–10) of a partita IVA is not one the Agenzia delle Entrate assigns.</summary>
    public const string OfficeCode = "office-code";

    /// <summary>The province part (digits 1–3) of an ISTAT municipality code is not 001–199.</summary>
    public const string Province = "province";

    /// <summary>The sequence part (digits 4–6) of an ISTAT municipality code is 000.</summary>
    public const string Sequence = "sequence";

    /// <summary>The value is well formed but the registry does not know it.</summary>
    public const string Unknown = "unknown";

    /// <summary>The value does not follow the documented syntax.</summary>
    public const string Syntax = "syntax";

    /// <summary>The Belfiore (cadastral municipality) code of a cadastral reference is malformed.</summary>
    public const string Belfiore = "belfiore";

    /// <summary>The foglio (sheet) of a cadastral reference is malformed.</summary>
    public const string Foglio = "foglio";

    /// <summary>The particella (parcel) of a cadastral reference is malformed.</summary>
    public const string Particella = "particella";

    /// <summary>The subalterno (unit) of a cadastral reference is malformed.</summary>
    public const string Subalterno = "subalterno";

    /// <summary>The local part (before the @) of an e-mail address is malformed.</summary>
    public const string LocalPart = "local-part";

    /// <summary>The domain (after the @) of an e-mail address is malformed.</summary>
    public const string Domain = "domain";
}
