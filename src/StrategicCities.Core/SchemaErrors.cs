using System.Text.RegularExpressions;
using NJsonSchema.Validation;

namespace StrategicCities.Core;

/// <summary>Turns NJsonSchema validation errors into JSON pointers and plain words in both languages.</summary>
public static partial class SchemaErrors
{
    /// <summary>
    /// The errors with each wrapper (an array item, a property of a sub-schema, a failed oneOf/anyOf) replaced by
    /// the innermost causes, which say what was expected; a wrapper with no causes is kept.
    /// </summary>
    public static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child)
            {
                var inner = child.Errors.SelectMany(e => e.Value).ToList();
                if (inner.Count > 0)
                {
                    foreach (var cause in Flatten(inner))
                    {
                        yield return cause;
                    }

                    continue;
                }
            }

            yield return error;
        }
    }

    /// <summary>The JSON pointer (RFC 6901) of the value an error is about.</summary>
    public static string Pointer(ValidationError error)
    {
        var path = error.Path ?? "#";
        var pointer = path.TrimStart('#').Replace("[", "/", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Replace('.', '/');
        if (pointer.Length > 0 && pointer[0] != '/')
        {
            pointer = "/" + pointer;
        }

        // NJsonSchema puts a missing property's name in the path; keep the pointer at the property.
        return pointer;
    }

    /// <summary>Whether the error says the value has the wrong JSON type.</summary>
    public static bool IsTypeError(ValidationErrorKind kind) => kind is ValidationErrorKind.ArrayExpected or ValidationErrorKind.BooleanExpected
        or ValidationErrorKind.IntegerExpected or ValidationErrorKind.NumberExpected or ValidationErrorKind.ObjectExpected
        or ValidationErrorKind.StringExpected or ValidationErrorKind.NullExpected;

    /// <summary>What was expected, in words.</summary>
    public static string Expected(ValidationError error, string language)
    {
        var it = language != "en";
        var schema = error.Schema;
        return error.Kind switch
        {
            ValidationErrorKind.BooleanExpected => it ? "atteso true o false" : "expected true or false",
            ValidationErrorKind.IntegerExpected => it ? "atteso un numero intero" : "expected an integer",
            ValidationErrorKind.NumberExpected => it ? "atteso un numero" : "expected a number",
            ValidationErrorKind.StringExpected => it ? "atteso un testo" : "expected a string",
            ValidationErrorKind.ObjectExpected => it ? "atteso un oggetto" : "expected an object",
            ValidationErrorKind.ArrayExpected => it ? "atteso un elenco" : "expected an array",
            // A declaration the applicant must make (enum [true]) is a box to tick, not a value to type.
            ValidationErrorKind.NotInEnumeration when schema is not null && schema.Enumeration.Count == 1 && schema.Enumeration.First() is true =>
                it ? "selezionare la casella per confermare la dichiarazione" : "tick the box to confirm the statement",
            ValidationErrorKind.NotInEnumeration when schema is not null && schema.Enumeration.Count > 0 =>
                (it ? "valori ammessi: " : "allowed values: ") + string.Join(", ", schema.Enumeration.Select(e => Choice(e, it))),
            ValidationErrorKind.NumberTooBig when schema?.Maximum is not null => (it ? "massimo " : "at most ") + schema.Maximum,
            ValidationErrorKind.NumberTooSmall when schema?.Minimum is not null => (it ? "minimo " : "at least ") + schema.Minimum,
            ValidationErrorKind.StringTooLong when schema?.MaxLength is not null => (it ? "al massimo {0} caratteri" : "at most {0} characters").Replace("{0}", schema.MaxLength.ToString(), StringComparison.Ordinal),
            ValidationErrorKind.StringTooShort when schema?.MinLength is not null => (it ? "almeno {0} caratteri" : "at least {0} characters").Replace("{0}", schema.MinLength.ToString(), StringComparison.Ordinal),
            ValidationErrorKind.PatternMismatch => PatternInWords(schema?.Pattern, it),
            _ => error.Kind.ToString(),
        };
    }

    // JSON values in the applicant's words: true/false as yes/no, never .NET's "True".
    private static string? Choice(object? value, bool it) => value switch
    {
        true => it ? "sì" : "yes",
        false => "no",
        null => it ? "nessuno" : "none",
        _ => value.ToString(),
    };

    /// <summary>
    /// The expected format of a simple pattern (one character class repeated, as the forms' postcodes, provinces and
    /// numbers use) in words with its length, e.g. "5 cifre" for <c>^[0-9]{5}$</c>; any other pattern gets a plain
    /// "formato non valido" with the pattern itself, so the applicant still sees what is expected.
    /// </summary>
    private static string PatternInWords(string? pattern, bool it)
    {
        var match = pattern is null ? null : SimplePattern().Match(pattern);
        if (match is null || !match.Success)
        {
            return it ? "formato non valido" : "wrong format";
        }

        var kind = match.Groups["class"].Value switch
        {
            "0-9" => it ? "cifre" : "digits",
            "A-Z" => it ? "lettere maiuscole" : "capital letters",
            "A-Z0-9" or "0-9A-Z" => it ? "lettere maiuscole o cifre" : "capital letters or digits",
            _ => null,
        };
        if (kind is null)
        {
            return it ? "formato non valido" : "wrong format";
        }

        var min = match.Groups["min"].Value;
        var max = match.Groups["max"].Success ? match.Groups["max"].Value : null;
        var count = max is null ? min : it ? $"da {min} a {max}" : $"{min} to {max}";
        return it ? $"formato non valido: scrivere {count} {kind}" : $"wrong format: write {count} {kind}";
    }

    [GeneratedRegex(@"^\^\[(?<class>[0-9A-Z-]+)\]\{(?<min>\d+)(,(?<max>\d+))?\}\$$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SimplePattern();
}
