using Newtonsoft.Json.Linq;
using NJsonSchema.Validation;
using NJsonSchema.Validation.FormatValidators;

namespace StrategicCities.Core.Forms.Formats;

/// <summary>Adapts one of the pure validators of this folder to NJsonSchema's <see cref="IFormatValidator"/>.</summary>
internal sealed class DelegateFormatValidator : IFormatValidator
{
    private readonly Func<string, bool> _isValid;

    public DelegateFormatValidator(string format, Func<string, bool> isValid, ValidationErrorKind kind = ValidationErrorKind.PatternMismatch)
    {
        Format = format;
        _isValid = isValid;
        ValidationErrorKind = kind;
    }

    public string Format { get; }

    // NJsonSchema has no kind for custom formats. PatternMismatch is the closest ("the string does not
    // have the required shape"); consumers tell the format apart through ValidationError.Schema.Format.
    public ValidationErrorKind ValidationErrorKind { get; }

    // Only JSON strings carry these identifiers (a number such as 01199250158 would have lost its leading
    // zero). NJsonSchema 11.6.2 only calls format validators for strings anyway, so schemas must also
    // declare "type": "string" or a number slips through unchecked; the guard is a second line of defence.
    public bool IsValid(string value, JTokenType tokenType) =>
        tokenType == JTokenType.String && _isValid(value);
}
