using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace StrategicCities.Core.Forms.Validation;

/// <summary>
/// A schema's <c>pattern</c> as JSON Schema reads it, an ECMA-262 regular expression (Ajv and the widget compile it
/// with the <c>u</c> flag), rewritten as a .NET <see cref="Regex"/> that answers the same. .NET's own reading differs
/// where it matters for forms: <c>$</c> also matches before a final <c>\n</c> (<c>^\d+$</c> takes <c>"123\n"</c>),
/// <c>\d</c> and <c>\w</c> take non-ASCII digits and letters, <c>\s</c> has another list of spaces, <c>.</c> takes
/// <c>\r</c>, and a negated class or <c>.</c> takes half a surrogate pair where ECMA takes the whole code point.
/// </summary>
/// <remarks>
/// <c>RegexOptions.ECMAScript</c> fixes only the classes, not <c>$</c>, and has no notion of code points, so the
/// pattern is rewritten instead. The rewrite covers the syntax form schemas need (literals, escapes, classes,
/// groups, alternation, quantifiers, lookahead, anchors); anything else (backreferences, lookbehind, named groups,
/// word boundaries, <c>\p{…}</c>, astral characters in classes) is refused with <see cref="NotSupportedException"/>
/// when the schema is prepared, never read with .NET's meaning.
/// </remarks>
internal static class EcmaPattern
{
    // ECMA-262 WhiteSpace and LineTerminator: what \s takes.
    private const string Space = @"\t\n\v\f\r\u0020\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

    // One code point outside the BMP (a surrogate pair) or a lone surrogate, never half a pair: what a negated class,
    // \D, \W, \S or '.' takes besides its BMP characters. The pair comes first, so a repetition cannot split it.
    private const string NotBmp =
        @"[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]";

    /// <summary>A .NET regex that matches exactly what <paramref name="pattern"/> matches in ECMAScript with the <c>u</c> flag.</summary>
    /// <exception cref="NotSupportedException">The pattern uses syntax outside the subset rewritten.</exception>
    public static Regex ToRegex(string pattern) =>
        new(Translate(pattern), RegexOptions.Compiled | RegexOptions.CultureInvariant);

    /// <summary>The .NET source of <see cref="ToRegex"/>.</summary>
    /// <exception cref="NotSupportedException">The pattern uses syntax outside the subset rewritten.</exception>
    public static string Translate(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var output = new StringBuilder(pattern.Length * 2);
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            switch (c)
            {
                case '\\':
                    output.Append(Escape(pattern, ref i));
                    break;
                case '[':
                    output.Append(Class(pattern, ref i));
                    break;
                case '.':
                    output.Append(NotIn(@"\n\r\u2028\u2029"));
                    i++;
                    break;
                case '$':
                    // ECMA's $ without the m flag is the end of the input only.
                    output.Append(@"\z");
                    i++;
                    break;
                case '(':
                    output.Append(Group(pattern, ref i));
                    break;
                case '{':
                    output.Append(Quantifier(pattern, ref i));
                    break;
                case '^' or ')' or '|' or '*' or '+' or '?':
                    output.Append(c);
                    i++;
                    break;
                case ']' or '}':
                    throw Refuse(pattern, $"a lone '{c}' (a syntax error with the u flag)");
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < pattern.Length && char.IsLowSurrogate(pattern[i + 1]))
                    {
                        // One code point: grouped, so that a quantifier after it repeats the pair.
                        output.Append("(?:").Append(Code(c)).Append(Code(pattern[i + 1])).Append(')');
                        i += 2;
                    }
                    else
                    {
                        output.Append(Code(c));
                        i++;
                    }

                    break;
            }
        }

        return output.ToString();
    }

    private static string Escape(string pattern, ref int i)
    {
        if (i + 1 >= pattern.Length)
        {
            throw Refuse(pattern, "a '\\' at the end");
        }

        var e = pattern[i + 1];
        i += 2;
        switch (e)
        {
            case 'd':
                return "[0-9]";
            case 'D':
                return NotIn("0-9");
            case 'w':
                return "[A-Za-z0-9_]";
            case 'W':
                return NotIn("A-Za-z0-9_");
            case 's':
                return $"[{Space}]";
            case 'S':
                return NotIn(Space);
            case 't' or 'n' or 'v' or 'f' or 'r':
                return "\\" + e;
            case 'u' or 'x':
                return Code(HexEscape(pattern, ref i, e));
            default:
                if (IsSyntaxCharacter(e) || e == '/')
                {
                    return Code(e);
                }

                throw Refuse(pattern, $"the escape \\{e}");
        }
    }

    /// <summary>A class, <paramref name="i"/> on its '['. Negated, it also takes a whole astral code point, as with the u flag.</summary>
    private static string Class(string pattern, ref int i)
    {
        var start = i;
        i++;
        var negated = i < pattern.Length && pattern[i] == '^';
        if (negated)
        {
            i++;
        }

        var members = new StringBuilder();
        while (i < pattern.Length && pattern[i] != ']')
        {
            var (first, set) = ClassAtom(pattern, ref i);
            if (set is not null)
            {
                if (i + 1 < pattern.Length && pattern[i] == '-' && pattern[i + 1] != ']')
                {
                    throw Refuse(pattern, "a range from or to a class escape");
                }

                members.Append(set);
                continue;
            }

            if (i + 1 < pattern.Length && pattern[i] == '-' && pattern[i + 1] != ']')
            {
                i++;
                var (last, lastSet) = ClassAtom(pattern, ref i);
                if (lastSet is not null || last < first)
                {
                    throw Refuse(pattern, "a range that is not between two characters in order");
                }

                members.Append(Code(first)).Append('-').Append(Code(last));
            }
            else
            {
                members.Append(Code(first));
            }
        }

        if (i >= pattern.Length)
        {
            throw Refuse(pattern, "a class without its ']'");
        }

        i++;
        if (members.Length == 0)
        {
            // [] takes nothing and [^] everything in ECMAScript; .NET reads both otherwise.
            throw Refuse(pattern, $"the empty class {pattern[start..i]}");
        }

        return negated ? NotIn(members.ToString()) : $"[{members}]";
    }

    /// <summary>One code point not among <paramref name="members"/> (BMP characters, as a class body).</summary>
    private static string NotIn(string members) => $@"(?:{NotBmp}|[^{members}\ud800-\udfff])";

    /// <summary>One member of a class: a character, or (set) a class escape's members.</summary>
    private static (char Char, string? Set) ClassAtom(string pattern, ref int i)
    {
        var c = pattern[i];
        if (char.IsSurrogate(c))
        {
            throw Refuse(pattern, "an astral character in a class");
        }

        if (c != '\\')
        {
            i++;
            return (c, null);
        }

        if (i + 1 >= pattern.Length)
        {
            throw Refuse(pattern, "a '\\' at the end");
        }

        var e = pattern[i + 1];
        i += 2;
        return e switch
        {
            'd' => ('\0', "0-9"),
            'w' => ('\0', "A-Za-z0-9_"),
            's' => ('\0', Space),
            't' => ('\t', null),
            'n' => ('\n', null),
            'v' => ('\v', null),
            'f' => ('\f', null),
            'r' => ('\r', null),
            'b' => ('\b', null),
            'u' or 'x' => (HexEscape(pattern, ref i, e), null),
            _ when IsSyntaxCharacter(e) || e is '/' or '-' => (e, null),
            _ => throw Refuse(pattern, $"the escape \\{e} in a class"),
        };
    }

    private static string Group(string pattern, ref int i)
    {
        i++;
        if (i < pattern.Length && pattern[i] == '?')
        {
            var kind = i + 1 < pattern.Length ? pattern[i + 1] : '\0';
            if (kind is ':' or '=' or '!')
            {
                i += 2;
                return "(?" + kind;
            }

            throw Refuse(pattern, "a group other than (…), (?:…), (?=…) and (?!…)");
        }

        return "(";
    }

    /// <summary>A counted quantifier, <paramref name="i"/> on its '{': with the u flag a '{' is never a literal.</summary>
    private static string Quantifier(string pattern, ref int i)
    {
        var end = pattern.IndexOf('}', i);
        var body = end < 0 ? null : pattern[(i + 1)..end];
        var parts = body?.Split(',');
        if (parts is null || parts.Length > 2 || parts[0].Length == 0 || !parts.All(p => p.All(char.IsAsciiDigit)))
        {
            throw Refuse(pattern, "a '{' that is not a quantifier {n}, {n,} or {n,m}");
        }

        if (parts.Length == 2 && parts[1].Length > 0
            && int.Parse(parts[1], CultureInfo.InvariantCulture) < int.Parse(parts[0], CultureInfo.InvariantCulture))
        {
            throw Refuse(pattern, "a quantifier {n,m} with m < n");
        }

        i = end + 1;
        return "{" + body + "}";
    }

    private static char HexEscape(string pattern, ref int i, char kind)
    {
        var digits = kind == 'u' ? 4 : 2;
        if (i + digits > pattern.Length
            || !int.TryParse(pattern.AsSpan(i, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
            || char.IsSurrogate((char)code))
        {
            throw Refuse(pattern, $"a \\{kind} escape other than {(kind == 'u' ? "\\uXXXX outside the surrogates" : "\\xXX")}");
        }

        i += digits;
        return (char)code;
    }

    private static bool IsSyntaxCharacter(char c) => c is '^' or '$' or '\\' or '.' or '*' or '+' or '?' or '(' or ')' or '[' or ']' or '{' or '}' or '|';

    // Every character written as an escape: no character then means anything else to .NET, in a class or out.
    private static string Code(char c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture);

    private static NotSupportedException Refuse(string pattern, string what) =>
        new($"The pattern '{pattern}' uses {what}: outside the ECMA-262 syntax form schemas may use (EcmaPattern).");
}
