namespace StrategicCities.Core.Forms.Validation;

/// <summary>
/// A matcher for the one shape of regular expression the form schemas use: <c>^</c>, a run of ASCII atoms (a
/// character class of ranges and single characters, <c>\d</c>, or a literal character), each with an optional greedy
/// quantifier, then <c>$</c>. Such a pattern matches in one forward pass with no backtracking, where <see
/// cref="System.Text.RegularExpressions.Regex"/> pays a per-call setup on every value, which shows under load.
/// <see cref="TryParse"/> accepts only patterns whose ECMA-262 meaning (JSON Schema's, see <see cref="EcmaPattern"/>)
/// it reproduces exactly: <c>$</c> is the end of the input, <c>\d</c> the ASCII digits. Anything else is refused and
/// stays with the rewritten Regex.
/// </summary>
internal sealed class SimplePattern
{
    // Beyond this a count is refused rather than risk overflow; no form pattern comes near it.
    private const int MaxCount = 100_000;

    private readonly Atom[] _atoms;

    private SimplePattern(Atom[] atoms) => _atoms = atoms;

    /// <summary>Recognises a simple pattern; <see langword="null"/> when it is anything else.</summary>
    public static SimplePattern? TryParse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.Length < 2 || pattern[0] != '^' || pattern[^1] != '$')
        {
            return null;
        }

        var atoms = new List<Atom>();
        var i = 1;
        var end = pattern.Length - 1;
        while (i < end)
        {
            ulong low, high;
            if (pattern[i] == '\\' && i + 1 < end && pattern[i + 1] == 'd')
            {
                (low, high) = (Digits, 0);
                i += 2;
            }
            else if (pattern[i] == '[')
            {
                if (!TryParseClass(pattern, ref i, end, out low, out high))
                {
                    return null;
                }
            }
            else if (TryParseChar(pattern, ref i, end, inClass: false, out var c))
            {
                (low, high) = Bit(c);
            }
            else
            {
                return null;
            }

            if (!TryParseQuantifier(pattern, ref i, end, out var min, out var max))
            {
                return null;
            }

            atoms.Add(new Atom(low, high, min, max));
        }

        // Greedy without backtracking is what a backtracking engine finds only if a run of variable length can never
        // give back a character that a later atom would take: its class must share nothing with any later class.
        for (var a = 0; a < atoms.Count; a++)
        {
            if (atoms[a].Min == atoms[a].Max)
            {
                continue;
            }

            for (var b = a + 1; b < atoms.Count; b++)
            {
                if ((atoms[a].Low & atoms[b].Low) != 0 || (atoms[a].High & atoms[b].High) != 0)
                {
                    return null;
                }
            }
        }

        return new SimplePattern([.. atoms]);
    }

    /// <summary>Whether <paramref name="input"/> matches, exactly as ECMAScript's <c>RegExp.test</c> answers.</summary>
    public bool IsMatch(ReadOnlySpan<char> input)
    {
        var position = 0;
        foreach (var atom in _atoms)
        {
            var count = 0;
            while (count < atom.Max && position < input.Length && atom.Contains(input[position]))
            {
                position++;
                count++;
            }

            if (count < atom.Min)
            {
                return false;
            }
        }

        // ECMAScript's $ (without the m flag) matches at the end of the input only.
        return position == input.Length;
    }

    private static bool TryParseClass(string pattern, ref int i, int end, out ulong low, out ulong high)
    {
        low = high = 0;
        i++; // '['
        var start = i;
        // No negation, and no ']' first (Regex reads it as a member): both refused rather than reproduced.
        if (i >= end || pattern[i] is '^' or ']')
        {
            return false;
        }

        while (i < end && pattern[i] != ']')
        {
            if (pattern[i] == '-')
            {
                // A bare '-' is a member only first or last; elsewhere (after a range, "-[" subtraction) it is refused.
                if (i != start && !(i + 1 < end && pattern[i + 1] == ']'))
                {
                    return false;
                }

                // Not the start of a range either: what Regex makes of "[--x]" is not worth reproducing.
                i++;
                low |= 1UL << '-';
                continue;
            }

            if (pattern[i] == '\\' && i + 1 < end && pattern[i + 1] == 'd')
            {
                low |= Digits;
                i += 2;
                continue;
            }

            var escaped = pattern[i] == '\\';
            if (!TryParseChar(pattern, ref i, end, inClass: true, out var first))
            {
                return false;
            }

            var last = first;
            if (i + 1 < end && pattern[i] == '-' && pattern[i + 1] != ']')
            {
                // Ranges only between plain characters: Regex does not read "[\--z]" as a range, for one.
                i++;
                if (escaped || pattern[i] is '-' or '\\' || !TryParseChar(pattern, ref i, end, inClass: true, out last) || last < first)
                {
                    return false;
                }
            }

            for (var c = first; c <= last; c++)
            {
                var (l, h) = Bit(c);
                low |= l;
                high |= h;
            }
        }

        if (i >= end)
        {
            return false;
        }

        i++; // ']'
        return true;
    }

    // One character standing for itself: an ASCII letter, digit or harmless symbol, or '\' before ASCII punctuation
    // (ECMAScript reads that as the punctuation itself). '\' before a letter, digit or '_' (\w, \b, \n, \1...) is
    // refused: they are not characters (\d is read by the callers).
    private static bool TryParseChar(string pattern, ref int i, int end, bool inClass, out char c)
    {
        c = pattern[i];
        if (c == '\\')
        {
            if (i + 1 >= end || pattern[i + 1] is var escaped && (escaped > '~' || escaped <= ' ' || escaped == '_' || char.IsAsciiLetterOrDigit(escaped)))
            {
                return false;
            }

            c = pattern[i + 1];
            i += 2;
            return true;
        }

        // Outside a class the metacharacters (. | ( ) [ { ? * + ^ $ }) mean something; inside, '[' may start a
        // subtraction and ']' ends the class. Both lists stay out; '-' is handled by the class.
        var plain = char.IsAsciiLetterOrDigit(c) || (inClass
            ? c is ' ' or '!' or '"' or '#' or '%' or '&' or '\'' or ',' or '/' or ':' or ';' or '<' or '=' or '>' or '@' or '_' or '`' or '~'
                or '.' or '*' or '+' or '?' or '(' or ')' or '{' or '}' or '|' or '$'
            : c is ' ' or '!' or '"' or '#' or '%' or '&' or '\'' or ',' or '/' or ':' or ';' or '<' or '=' or '>' or '@' or '_' or '`' or '~' or '-');
        if (!plain)
        {
            return false;
        }

        i++;
        return true;
    }

    private static bool TryParseQuantifier(string pattern, ref int i, int end, out int min, out int max)
    {
        (min, max) = (1, 1);
        if (i >= end)
        {
            return true;
        }

        switch (pattern[i])
        {
            case '?':
                (min, max) = (0, 1);
                i++;
                break;
            case '*':
                (min, max) = (0, int.MaxValue);
                i++;
                break;
            case '+':
                (min, max) = (1, int.MaxValue);
                i++;
                break;
            case '{':
                i++;
                if (!TryParseCount(pattern, ref i, end, out min))
                {
                    return false;
                }

                max = min;
                if (i < end && pattern[i] == ',')
                {
                    i++;
                    max = i < end && pattern[i] == '}' ? int.MaxValue
                        : TryParseCount(pattern, ref i, end, out var upper) && upper >= min ? upper : -1;
                    if (max < 0)
                    {
                        return false;
                    }
                }

                if (i >= end || pattern[i] != '}')
                {
                    return false;
                }

                i++;
                break;
            default:
                return true;
        }

        // A second quantifier (lazy '?', possessive-looking '+', nested) is refused; so is a '{' left as a literal.
        return i >= end || pattern[i] is not ('?' or '*' or '+' or '{');
    }

    private static bool TryParseCount(string pattern, ref int i, int end, out int count)
    {
        count = 0;
        var start = i;
        while (i < end && char.IsAsciiDigit(pattern[i]))
        {
            count = count * 10 + (pattern[i] - '0');
            if (count > MaxCount)
            {
                return false;
            }

            i++;
        }

        return i > start;
    }

    // '0'-'9' as bits of the low word: ECMAScript's \d.
    private const ulong Digits = 0x3FFUL << '0';

    private static (ulong Low, ulong High) Bit(char c) => c < 64 ? (1UL << c, 0UL) : (0UL, 1UL << (c - 64));

    private readonly record struct Atom(ulong Low, ulong High, int Min, int Max)
    {
        public bool Contains(char c) => c < 64 ? (Low & (1UL << c)) != 0 : c < 128 && (High & (1UL << (c - 64))) != 0;
    }
}
