using System.Text.Json;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Forms.Validation;

namespace StrategicCities.Core.Tests.Forms.Validation;

/// <summary>
/// <see cref="EcmaPattern"/>: the .NET rewrite of a schema pattern answers as ECMAScript with the <c>u</c> flag (Ajv,
/// the widget). The edge cases are ECMA-262's documented semantics; the verdicts on every schema pattern are written
/// for tests/ajv, which compares them with JavaScript's own <c>RegExp</c>.
/// </summary>
[TestFixture]
public sealed class EcmaPatternTests
{
    [TestCase("^\\d+$", "123", true)]
    [TestCase("^\\d+$", "123\n", false, Description = ".NET's $ matches before a final newline; ECMAScript's does not")]
    [TestCase("^\\d+$", "١٢٣", false, Description = "Arabic-Indic digits: \\d is ASCII in ECMAScript")]
    [TestCase("^\\d{4}-\\d{2}-\\d{2}$", "2025-03-01\n", false)]
    [TestCase("^[a-z]*$", "\n", false)]
    [TestCase("^\\w+$", "città", false)]
    [TestCase("^\\w+$", "ab_9", true)]
    [TestCase("^\\s$", "\u00a0", true)]
    [TestCase("^\\s$", "\ufeff", true)]
    [TestCase("^\\s$", "\u0085", false, Description = "NEL is a space to .NET, not to ECMAScript")]
    [TestCase("^.$", "😀", true, Description = "with the u flag '.' takes a whole code point")]
    [TestCase("^.$", "\r", false)]
    [TestCase("^.{2}$", "😀", false)]
    [TestCase("^[^a]$", "😀", true)]
    [TestCase("^[^a]{2}$", "😀", false)]
    [TestCase("^\\D$", "😀", true)]
    [TestCase("^😀+$", "😀😀", true, Description = "a quantifier repeats the whole astral character")]
    [TestCase("^[a-z-[]+$", "b-[", true, Description = "no class subtraction in ECMAScript: '-' and '[' are members")]
    [TestCase("^(A\\.([1-9]|[12][0-9]|3[01]))$", "A.31", true)]
    [TestCase("^(A\\.([1-9]|[12][0-9]|3[01]))$", "A.31\n", false)]
    [TestCase("^\\+?[0-9 ]{6,20}$", "+39 02 1234", true)]
    [TestCase("^a(?=b)", "ab", true)]
    [TestCase("^a(?!b)", "ab", false)]
    [TestCase("\\u0041\\x42", "xAB", true)]
    [TestCase("a\\/b", "a/b", true)]
    public void ToRegex_Input_AnswersAsEcmaScript(string pattern, string input, bool expected) =>
        Assert.That(EcmaPattern.ToRegex(pattern).IsMatch(input), Is.EqualTo(expected));

    // Lone surrogates cannot be attribute arguments (stored as UTF-8): written here.
    [Test]
    public void ToRegex_LoneSurrogates_AreCodePointsOfTheirOwn()
    {
        Assert.Multiple(() =>
        {
            Assert.That(EcmaPattern.ToRegex("^[^a]$").IsMatch("\ud800"), Is.True);
            Assert.That(EcmaPattern.ToRegex("^.{2}$").IsMatch("\ude00\ud83d"), Is.True);
            Assert.That(EcmaPattern.ToRegex("^.{2}$").IsMatch("\ud83d\ude00"), Is.False);
        });
    }

    [TestCase("(a)\\1", Description = "backreference")]
    [TestCase("(?<=a)b", Description = "lookbehind")]
    [TestCase("(?<n>a)", Description = "named group")]
    [TestCase("\\bword", Description = "word boundary (ASCII in ECMAScript, Unicode in .NET)")]
    [TestCase("\\p{L}", Description = "property escape")]
    [TestCase("[]", Description = "empty class")]
    [TestCase("[^]", Description = "any character")]
    [TestCase("a{", Description = "a '{' that is no quantifier: a syntax error with the u flag")]
    [TestCase("a}")]
    [TestCase("a{3,2}")]
    [TestCase("\\-", Description = "identity escape outside a class: a syntax error with the u flag")]
    [TestCase("[😀]", Description = "astral character in a class")]
    [TestCase("[\\d-z]", Description = "range from a class escape")]
    [TestCase("^[a-z-[aeiou]]$", Description = "looks like .NET's class subtraction: a lone ']' in ECMAScript")]
    [TestCase("a\\")]
    [TestCase("\\Z")]
    public void Translate_SyntaxOutsideTheSubset_IsRefused(string pattern) =>
        Assert.Throws<NotSupportedException>(() => EcmaPattern.Translate(pattern));

    [Test]
    [Description("Writes the rewrite's verdict on generated strings for every schema pattern: tests/ajv compares them with JavaScript's.")]
    public async Task ToRegex_EverySchemaPattern_TranslatesAndItsVerdictsAreWrittenForTheAjvCheck()
    {
        var verdicts = new List<object>();
        foreach (var pattern in SimplePatternTests.SchemaPatterns())
        {
            var regex = EcmaPattern.ToRegex(pattern);
            // The generated strings (every 7th: enough to cross each bound) and the edges that tell the readings apart.
            var inputs = SimplePatternTests.Inputs(pattern).Where((_, n) => n % 7 == 0)
                .Concat(["", "\n", "123", "123\n", "١٢٣٤٥٦", "😀", "A.1", "A.1\n", "2025-03-01", "2025-03-01\n", "+39 02 1234\n"]);
            verdicts.AddRange(inputs.Distinct(StringComparer.Ordinal).Select(input => new { pattern, input, match = regex.IsMatch(input) }));
        }

        var root = Path.GetDirectoryName(CatalogSources.Discover().RulesDirectory)!;
        Directory.CreateDirectory(Path.Combine(root, "artifacts"));
        await File.WriteAllTextAsync(Path.Combine(root, "artifacts", "pattern-verdicts.json"), JsonSerializer.Serialize(verdicts));

        Assert.That(verdicts, Has.Count.GreaterThan(1000));
    }

    [Test]
    [Description("NewtonsoftTokens.AsJsonSchemaReadsIt, the reference view of CompiledSchemaTests, is exact only for such patterns.")]
    public void SchemaPatterns_AreAsciiWithoutSpacesCarriageReturnsOrNegatedClasses()
    {
        var patterns = SimplePatternTests.SchemaPatterns();

        Assert.That(patterns, Is.All.Matches<string>(p => p.All(char.IsAscii)
            && !p.Contains("\\s", StringComparison.Ordinal) && !p.Contains("\\S", StringComparison.Ordinal)
            && !p.Contains("\\r", StringComparison.Ordinal) && !p.Contains("[^", StringComparison.Ordinal)));
    }
}
