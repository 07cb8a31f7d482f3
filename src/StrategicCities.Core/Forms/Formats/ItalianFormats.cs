using NJsonSchema.Validation;

namespace StrategicCities.Core.Forms.Formats;

/// <summary>
/// Plugs the Italian identifier formats into NJsonSchema validation as the custom formats
/// <c>codice-fiscale</c>, <c>partita-iva</c>, <c>istat-comune</c>, <c>cadastral-ref</c> and <c>pec</c>
/// (names in <see cref="FormatNames"/>).
/// </summary>
/// <remarks>
/// NJsonSchema ignores a <c>format</c> it has no validator for, so a schema using these formats must be
/// validated with settings from <see cref="CreateValidatorSettings"/> (or passed through
/// <see cref="Register"/>): <c>schema.Validate(json, ItalianFormats.CreateValidatorSettings())</c>.
/// A failing value yields a <see cref="ValidationError"/> of kind
/// <see cref="ValidationErrorKind.PatternMismatch"/> whose <c>Schema.Format</c> names the format; call the
/// matching <c>Check</c> method (for example <see cref="CodiceFiscale.Check"/>) on the value to get the
/// reason code and a message for the applicant.
/// </remarks>
public static class ItalianFormats
{
    /// <summary>
    /// New validator settings with NJsonSchema's built-in formats plus the five Italian formats.
    /// </summary>
    /// <param name="istatComuneExists">
    /// Optional registry lookup: when given, <c>istat-comune</c> also requires it to return true for the code.
    /// </param>
    public static JsonSchemaValidatorSettings CreateValidatorSettings(Func<string, bool>? istatComuneExists = null)
    {
        var settings = new JsonSchemaValidatorSettings();
        Register(settings, istatComuneExists);
        return settings;
    }

    /// <summary>Adds the five Italian formats to existing <paramref name="settings"/>.</summary>
    /// <param name="settings">The settings to extend.</param>
    /// <param name="istatComuneExists">
    /// Optional registry lookup: when given, <c>istat-comune</c> also requires it to return true for the code.
    /// </param>
    public static void Register(JsonSchemaValidatorSettings settings, Func<string, bool>? istatComuneExists = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.AddCustomFormatValidator(new DelegateFormatValidator(FormatNames.CodiceFiscale, CodiceFiscale.IsValid));
        settings.AddCustomFormatValidator(new DelegateFormatValidator(FormatNames.PartitaIva, PartitaIva.IsValid));
        settings.AddCustomFormatValidator(new DelegateFormatValidator(
            FormatNames.IstatComune, value => IstatComune.IsValid(value, istatComuneExists)));
        settings.AddCustomFormatValidator(new DelegateFormatValidator(FormatNames.CadastralRef, CadastralReference.IsValid));
        settings.AddCustomFormatValidator(new DelegateFormatValidator(FormatNames.Pec, Pec.IsValid));
    }
}
