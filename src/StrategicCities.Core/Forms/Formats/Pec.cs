using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Forms.Formats;

/// <summary>
/// A PEC (posta elettronica certificata) address, checked as an ordinary e-mail address:
/// <c>local@domain.tld</c>, e.g. <c>protocollo@postacert.comune.milano.it</c>.
/// </summary>
/// <remarks>
/// <para>A PEC address looks exactly like any other e-mail address: whether a mailbox is certified is
/// known only to the INI-PEC / IPA registries and the certified providers, not from its spelling (many
/// PEC domains are not <c>pec.*</c> or <c>legalmail.*</c>). This check therefore proves only that the
/// address is syntactically plausible; it does not and cannot prove it is a PEC.</para>
/// <para>Accepted syntax, a simple subset of RFC 5322 / RFC 5321: at most 254 characters; no white
/// space; exactly one <c>@</c>; a local part of 1–64 characters from the RFC 5322 dot-atom set
/// (letters, digits and <c>!#$%&amp;'*+/=?^_`{|}~-</c>, dots only between other characters); a domain of
/// at least two labels of 1–63 letters, digits and hyphens (no hyphen at either end), the last being a
/// top-level domain of at least 2 letters. Quoted local parts, comments, IP-address literals and
/// internationalized (non-ASCII) addresses are rejected. Case is not significant and is accepted.</para>
/// </remarks>
public static class Pec
{
    /// <summary>The longest address accepted (RFC 5321 path limit minus the angle brackets).</summary>
    public const int MaxLength = 254;

    private const string LocalSpecials = "!#$%&'*+/=?^_`{|}~-";

    /// <summary>True when <paramref name="value"/> is a syntactically valid e-mail address.</summary>
    public static bool IsValid(string? value) => Check(value).IsValid;

    /// <summary>Checks <paramref name="value"/> and tells which part of the address is wrong.</summary>
    public static FormatCheck Check(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return FormatCheck.Invalid(FormatReasons.Empty, new LocalizedText(
                "L'indirizzo PEC è vuoto.",
                "The PEC address is empty."));
        }

        if (value.Length > MaxLength)
        {
            return FormatCheck.Invalid(FormatReasons.Length, new LocalizedText(
                $"L'indirizzo PEC può avere al massimo {MaxLength} caratteri.",
                $"The PEC address may have at most {MaxLength} characters."));
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at < 0 || at != value.LastIndexOf('@') || value.Any(c => char.IsWhiteSpace(c) || !char.IsAscii(c) || char.IsControl(c)))
        {
            return FormatCheck.Invalid(FormatReasons.Syntax, new LocalizedText(
                "L'indirizzo PEC deve avere la forma nome@dominio.it, con una sola @ e senza spazi.",
                "The PEC address must have the form name@domain.it, with a single @ and no spaces."));
        }

        if (!IsLocalPart(value.AsSpan(0, at)))
        {
            return FormatCheck.Invalid(FormatReasons.LocalPart, new LocalizedText(
                "La parte prima della @ dell'indirizzo PEC non è valida.",
                "The part before the @ of the PEC address is not valid."));
        }

        if (!IsDomain(value.AsSpan(at + 1)))
        {
            return FormatCheck.Invalid(FormatReasons.Domain, new LocalizedText(
                "Il dominio dopo la @ dell'indirizzo PEC non è valido (es. pec.comune.milano.it).",
                "The domain after the @ of the PEC address is not valid (e.g. pec.comune.milano.it)."));
        }

        return FormatCheck.Valid;
    }

    private static bool IsLocalPart(ReadOnlySpan<char> local)
    {
        if (local.Length is < 1 or > 64 || local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in local)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '.' && !LocalSpecials.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDomain(ReadOnlySpan<char> domain)
    {
        var labels = 0;
        var lastLabel = ReadOnlySpan<char>.Empty;
        foreach (var range in domain.Split('.'))
        {
            var label = domain[range];
            if (label.Length is < 1 or > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return false;
                }
            }

            labels++;
            lastLabel = label;
        }

        if (labels < 2 || lastLabel.Length < 2)
        {
            return false;
        }

        foreach (var c in lastLabel)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}
