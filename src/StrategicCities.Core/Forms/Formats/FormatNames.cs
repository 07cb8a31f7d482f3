namespace StrategicCities.Core.Forms.Formats;

/// <summary>The names of the custom JSON Schema <c>format</c> values registered by <see cref="ItalianFormats"/>.</summary>
public static class FormatNames
{
    /// <summary><c>codice-fiscale</c>: a person's or a legal person's codice fiscale, see <see cref="Formats.CodiceFiscale"/>.</summary>
    public const string CodiceFiscale = "codice-fiscale";

    /// <summary><c>partita-iva</c>: see <see cref="Formats.PartitaIva"/>.</summary>
    public const string PartitaIva = "partita-iva";

    /// <summary><c>istat-comune</c>: see <see cref="Formats.IstatComune"/>.</summary>
    public const string IstatComune = "istat-comune";

    /// <summary><c>cadastral-ref</c>: see <see cref="CadastralReference"/>.</summary>
    public const string CadastralRef = "cadastral-ref";

    /// <summary><c>pec</c>: see <see cref="Formats.Pec"/>.</summary>
    public const string Pec = "pec";
}
