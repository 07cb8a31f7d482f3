using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Forms;
using StrategicCities.Core.Forms.Validation;

namespace StrategicCities.Core.Tests.Forms.Validation;

/// <summary>
/// <see cref="SimplePattern"/> against the ECMA-262 reading of the pattern (<see cref="EcmaPattern"/>'s rewrite, itself
/// checked against JavaScript by tests/ajv): on every pattern of the repository's schemas and on extra patterns of each
/// accepted shape, both must answer the same on thousands of generated strings.
/// </summary>
[TestFixture]
public sealed class SimplePatternTests
{
    // Every quantifier, escapes inside and outside classes, '-' first and last, literals, and variable runs followed
    // by disjoint atoms (the shapes the greedy matcher may take).
    private static readonly string[] ExtraSimple =
    [
        "^$", "^a$", "^[0-9]{5}$", "^[0-9]{2,}$", "^[0-9]{0,3}$", "^[0-9]{0}$", "^[a-c]?$", "^[a-c]*$", "^[a-c]+$",
        "^\\+?[0-9 ]{6,20}$", "^[\\-\\/\\.]+x$", "^\\.\\*[a\\]b]{1,2}$", "^[-a]*b$", "^[a-]?[0-9]{2}$", "^ab?c*d+$",
        "^[A-Z]{2}[0-9]{2,}$", "^[a-z]*[0-9]$", "^[.*+?(){}|$]+$", "^[\\^\\[]{2}$", "^#@ ~$",
        "^[A-Za-z_]{1,4}[-/]?[0-9]*$", "^\\d{5}$", "^[\\dA-F]{2,4}$", "^\\d*x$",
    ];

    // Alternation, groups, Unicode-minded escapes, negation, any-character, lookaround, anchors elsewhere, lazy and
    // nested quantifiers, non-ASCII, class subtraction, backreferences, and runs that would need backtracking.
    private static readonly string[] NotSimple =
    [
        "^a|b$", "^(ab)$", "^(?:a)$", "^\\w+$", "^\\s$", "^[^a]$", "^.$", "^(?=a)a$", "^a$b", "^a^$",
        "a$", "^a", "^a*?$", "^a+?$", "^a??$", "^a{2}?$", "^a{2}{3}$", "^a{2$", "^a{,3}$", "^a{3,2}$", "^à$", "^[à]$",
        "^[a-z-[aeiou]]$", "^(a)\\1$", "^[a-z]*[a-z0-9]$", "^a*b?a$", "^\\n$", "^\\_$", "^[]a]$", "^[z-a]$", "^\\$",
        "^[a-z]*-?[a-z]$", "^a{999999999}$", "^\\p{L}$", "^\\b$", "^a\\Z$",
        "^\n?$", "^x*[a-z]{3}$", "^[\\--z]$", "^[!-\\/]$",
    ];

    [Test]
    public void TryParse_EveryPatternInTheSchemas_AcceptsAllButKnownComplexOnes()
    {
        // These need alternation or groups: they stay with the rewritten Regex, on purpose.
        var refused = SchemaPatterns().Where(p => SimplePattern.TryParse(p) is null).Order(StringComparer.Ordinal).ToList();

        Assert.That(refused, Is.All.Matches<string>(p => p.IndexOfAny(['|', '(']) >= 0));
        Assert.That(SchemaPatterns().Count(p => SimplePattern.TryParse(p) is not null), Is.GreaterThanOrEqualTo(10));
    }

    [Test]
    public void IsMatch_SchemaAndExtraPatternsOnGeneratedStrings_AnswersAsRegex()
    {
        var mismatches = new List<string>();
        var patterns = SchemaPatterns().Concat(ExtraSimple).Distinct(StringComparer.Ordinal).ToList();
        foreach (var pattern in patterns)
        {
            if (SimplePattern.TryParse(pattern) is not { } simple)
            {
                continue;
            }

            var regex = EcmaPattern.ToRegex(pattern);
            foreach (var input in Inputs(pattern))
            {
                if (simple.IsMatch(input) != regex.IsMatch(input) && mismatches.Count < 20)
                {
                    mismatches.Add($"{pattern} on \"{Regex.Escape(input)}\": Regex {regex.IsMatch(input)}");
                }
            }
        }

        Assert.That(mismatches, Is.Empty);
    }

    [TestCaseSource(nameof(ExtraSimple))]
    public void TryParse_ExtraSimplePattern_Accepts(string pattern) =>
        Assert.That(SimplePattern.TryParse(pattern), Is.Not.Null);

    [TestCaseSource(nameof(NotSimple))]
    public void TryParse_NotSimplePattern_Refuses(string pattern) =>
        Assert.That(SimplePattern.TryParse(pattern), Is.Null);

    [TestCase("^[0-9]{5}$", "12345\n", false)]
    [TestCase("^\\d{5}$", "12345\n", false)]
    [TestCase("^\\d{3}$", "١٢٣", false)]
    [TestCase("^\\d{3}$", "123", true)]
    [TestCase("^[0-9]{5}$", "12345\n\n", false)]
    [TestCase("^[0-9]{5}$", "\n12345", false)]
    [TestCase("^[0-9]{1,7}$", "", false)]
    [TestCase("^[a-z0-9-]*$", "", true)]
    [TestCase("^[a-z0-9-]*$", "\n", false)]
    [TestCase("^[A-Z]{2}$", "à", false)]
    [TestCase("^[0-9]{3}$", "１２３", false)]
    [TestCase("^[0-9]{1,7}$", "\ud835\udfce", false)]
    [TestCase("^[A-Z]{2}$", "it", false)]
    public void IsMatch_EdgeInput_AnswersAsEcmaScript(string pattern, string input, bool expected)
    {
        Assert.That(EcmaPattern.ToRegex(pattern).IsMatch(input), Is.EqualTo(expected));
        Assert.That(SimplePattern.TryParse(pattern)!.IsMatch(input), Is.EqualTo(expected));
    }

    internal static List<string> SchemaPatterns()
    {
        var patterns = new List<string>();
        foreach (var file in Directory.EnumerateFiles(CatalogSources.Discover().SchemasDirectory, "*.json", SearchOption.AllDirectories))
        {
            Collect(JsonNode.Parse(File.ReadAllText(file)), patterns);
        }

        Assert.That(patterns, Is.Not.Empty);
        return [.. patterns.Distinct(StringComparer.Ordinal)];
    }

    private static void Collect(JsonNode? node, List<string> patterns)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    if (name == "pattern" && value is JsonValue v && v.TryGetValue<string>(out var pattern))
                    {
                        patterns.Add(pattern);
                    }
                    else
                    {
                        Collect(value, patterns);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, patterns);
                }

                break;
        }
    }

    // Random strings over the pattern's own characters and letters, digits, punctuation, '\n', non-ASCII letters and
    // digits, and half surrogate pairs; lengths 0 to 70, so every count bound is crossed. Fixed seed per pattern.
    internal static IEnumerable<string> Inputs(string pattern)
    {
        var alphabet = new StringBuilder("aAzZ09fgx-+/. _\n\r\t$^\\à１٣é\ud835\udfce€\u0000\u007f");
        alphabet.Append(pattern);
        for (var c = '!'; c <= '~'; c++)
        {
            alphabet.Append(c);
        }

        var chars = alphabet.ToString();
        // The ASCII characters some class or literal of the pattern takes, so that whole matches are not rare.
        var classes = ClassesIn(pattern).ToList();
        var members = new string([.. Enumerable.Range(0, 128).Select(c => (char)c)
            .Where(c => pattern.Contains(c) || classes.Exists(k => k.IsMatch(c.ToString())))]);
        var random = new Random(pattern.Length * 7919 + pattern[^1]);
        for (var n = 0; n < 6000; n++)
        {
            var length = random.Next(0, 71);
            var builder = new StringBuilder(length + 1);
            // A third over everything, a third mostly members, a third members only but for at most one character.
            for (var k = 0; k < length; k++)
            {
                builder.Append((n % 3) switch
                {
                    0 => chars[random.Next(chars.Length)],
                    1 => random.Next(10) == 0 ? chars[random.Next(chars.Length)] : members[random.Next(members.Length)],
                    _ => members[random.Next(members.Length)],
                });
            }

            if (n % 3 == 2 && length > 0 && random.Next(2) == 0)
            {
                builder[random.Next(length)] = chars[random.Next(chars.Length)];
            }

            if (n % 5 == 0)
            {
                builder.Append('\n');
            }

            yield return builder.ToString();
        }

        // Runs of one member at every length, which cross each count bound exactly.
        foreach (var c in members)
        {
            for (var length = 0; length <= 70; length++)
            {
                yield return new string(c, length);
            }
        }
    }

    private static IEnumerable<Regex> ClassesIn(string pattern) =>
        Regex.Matches(pattern, @"\[(?:\\.|[^\]])*\]").Select(m => new Regex("^" + m.Value + "$"));
}
