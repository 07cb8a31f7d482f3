using System.Text.RegularExpressions;

namespace StrategicCities.Core.Forms.Formats;

/// <summary>
/// The JSON Schema <c>email</c> format as this service takes it: NJsonSchema's dot-atom expression, letters in either
/// case, anchored at the very end of the text. The widget (<c>validation.mjs</c>, <c>isEmail</c>) applies the same
/// expression, so both give one verdict.
/// </summary>
/// <remarks>
/// NJsonSchema ends its expression with <c>$</c>, which in .NET also matches before a final line feed, so
/// <c>"mario@x.it\n"</c> passed on the server while Ajv and the widget refused it. <c>\z</c> closes that gap; this
/// validator replaces the built-in one in the service's compiled schemas (<c>CompiledSchema.Compile</c>).
/// </remarks>
public static partial class EmailAddress
{
    /// <summary>The format name (<c>email</c>, draft-07).</summary>
    public const string Format = "email";

    /// <summary>True when <paramref name="value"/> is an e-mail address in the accepted dot-atom syntax.</summary>
    public static bool IsValid(string? value) => value is not null && Expression().IsMatch(value);

    [GeneratedRegex(@"^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\z",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Expression();
}
