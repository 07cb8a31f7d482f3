using StrategicCities.Core.Forms.Formats;

namespace StrategicCities.Core.Tests.Forms.Formats;

public sealed class CodiceFiscaleTests
{
    // Hand calculation for RSSMRA85T10A562S (Mario Rossi, 10 Dec 1985, A562), decree tables:
    //   odd positions  1 R=8, 3 S=12, 5 R=8, 7 '8'=19, 9 T=14, 11 '0'=1, 13 '5'=13, 15 '2'=5   -> 80
    //   even positions 2 S=18, 4 M=12, 6 A=0, 8 '5'=5, 10 '1'=1, 12 A=0, 14 '6'=6            -> 42
    //   (80 + 42) mod 26 = 122 mod 26 = 18 -> 'S'
    // Hand calculation for BNCNNA90E50F205G (Anna Bianchi, woman, 10 May 1990, Milano F205):
    //   odd  1 B=0, 3 C=5, 5 N=20, 7 '9'=21, 9 E=9, 11 '0'=1, 13 '2'=5, 15 '5'=13             -> 74
    //   even 2 N=13, 4 N=13, 6 A=0, 8 '0'=0, 10 '5'=5, 12 F=5, 14 '0'=0                       -> 36
    //   110 mod 26 = 6 -> 'G'
    // Omocodia of the first code, position 15 '2' -> 'N' (odd value 20 instead of 5):
    //   odd 80 - 5 + 20 = 95, even 42 -> 137 mod 26 = 7 -> 'H': RSSMRA85T10A56NH
    // and then position 14 '6' -> 'S' (even value 18 instead of 6):
    //   odd 95, even 42 - 6 + 18 = 54 -> 149 mod 26 = 19 -> 'T': RSSMRA85T10A5SNT
    [TestCase("RSSMRA85T10A562S", Description = "Mario Rossi, man, 10 December 1985")]
    [TestCase("BNCNNA90E50F205G", Description = "Anna Bianchi, woman (day 10 + 40), 10 May 1990, Milano")]
    [TestCase("RSSMRA85T10A56NH", Description = "omocodia in position 15")]
    [TestCase("RSSMRA85T10A5SNT", Description = "omocodia in positions 14 and 15")]
    public void CheckPerson_ValidCode_IsValid(string code)
    {
        Assert.Multiple(() =>
        {
            Assert.That(CodiceFiscale.CheckPerson(code).IsValid, Is.True);
            Assert.That(CodiceFiscale.IsValidPerson(code), Is.True);
            Assert.That(CodiceFiscale.IsValid(code), Is.True);
        });
    }

    [TestCase("RSSMRA85T10A562S", 'S')]
    [TestCase("BNCNNA90E50F205G", 'G')]
    [TestCase("RSSMRA85T10A56NH", 'H')]
    public void ComputeCheckCharacter_HandCalculatedCode_MatchesHandCalculation(string code, char expected)
    {
        Assert.That(CodiceFiscale.ComputeCheckCharacter(code.AsSpan(0, 15)), Is.EqualTo(expected));
    }

    [Test]
    public void CheckPerson_EveryOmocodiaPositionSubstitutedWithRecomputedCheck_IsValid()
    {
        const string code = "RSSMRA85T10A562S";
        const string omocodia = "LMNPQRSTUV";
        int[] positions = [6, 7, 9, 10, 12, 13, 14];

        var chars = code.ToCharArray();
        foreach (var i in positions.Reverse())
        {
            // The Agenzia substitutes from the right: each step is a new, distinct valid code.
            chars[i] = omocodia[chars[i] - '0'];
            chars[15] = CodiceFiscale.ComputeCheckCharacter(chars.AsSpan(0, 15));
            var variant = new string(chars);

            Assert.That(CodiceFiscale.CheckPerson(variant).IsValid, Is.True, variant);
        }

        Assert.That(new string(chars, 0, 15), Is.EqualTo("RSSMRAURTMLARSN"));
    }

    [TestCase("RSSMRA85T10A562T", FormatReasons.CheckCharacter, Description = "check character off by one")]
    [TestCase("RSSMRA85T10A56NS", FormatReasons.CheckCharacter, Description = "omocodia without recomputing the check")]
    [TestCase("RSSMRA85X10A562S", FormatReasons.Month, Description = "X is not a month letter")]
    [TestCase("RSSMRA85F10A562S", FormatReasons.Month, Description = "F is not a month letter")]
    [TestCase("RSSMRA85T00A562S", FormatReasons.Day, Description = "day 00")]
    [TestCase("RSSMRA85T32A562S", FormatReasons.Day, Description = "day 32")]
    [TestCase("RSSMRA85T40A562S", FormatReasons.Day, Description = "day 40")]
    [TestCase("RSSMRA85T72A562S", FormatReasons.Day, Description = "day 72")]
    [TestCase("RSSMRA85B30A562S", FormatReasons.Day, Description = "30 February")]
    [TestCase("RSSMRA85D71A562S", FormatReasons.Day, Description = "31 April for a woman")]
    [TestCase("RSSMRA85T10A562", FormatReasons.Length, Description = "15 characters")]
    [TestCase("RSSMRA85T10A562SX", FormatReasons.Length, Description = "17 characters")]
    [TestCase("rssmra85t10a562s", FormatReasons.Lowercase, Description = "lower case")]
    [TestCase("RSSMRA85t10A562S", FormatReasons.Lowercase, Description = "one lower-case letter")]
    [TestCase("RSSMRA8AT10A562S", FormatReasons.Characters, Description = "A is not an omocodia letter")]
    [TestCase("RSS4RA85T10A562S", FormatReasons.Characters, Description = "digit in the name part")]
    [TestCase("RSSMRA85T10A56-S", FormatReasons.Characters, Description = "punctuation")]
    [TestCase("", FormatReasons.Empty)]
    [TestCase("   ", FormatReasons.Empty)]
    [TestCase(null, FormatReasons.Empty)]
    public void CheckPerson_InvalidCode_ReturnsReason(string? code, string reason)
    {
        var check = CodiceFiscale.CheckPerson(code);

        Assert.Multiple(() =>
        {
            Assert.That(check.IsValid, Is.False);
            Assert.That(check.Reason, Is.EqualTo(reason));
            Assert.That(check.Message?.It, Is.Not.Empty);
            Assert.That(check.Message?.En, Is.Not.Empty);
            Assert.That(CodiceFiscale.IsValidPerson(code), Is.False);
        });
    }

    [Test]
    public void CheckPerson_LowercaseCode_MessageAsksForCapitals()
    {
        var check = CodiceFiscale.CheckPerson("rssmra85t10a562s");

        Assert.That(check.Message?.En, Does.Contain("capital letters"));
    }

    [TestCase("80014890638", Description = "Comune di Napoli (codice fiscale of a body without VAT number)")]
    [TestCase("01199250158", Description = "Comune di Milano")]
    public void IsValid_LegalPersonCode_IsValidButNotAPerson(string code)
    {
        Assert.Multiple(() =>
        {
            Assert.That(CodiceFiscale.IsValid(code), Is.True);
            Assert.That(CodiceFiscale.IsValidLegalPerson(code), Is.True);
            Assert.That(CodiceFiscale.IsValidPerson(code), Is.False);
        });
    }

    [TestCase("80014890639", FormatReasons.CheckCharacter)]
    [TestCase("8001489063", FormatReasons.Length)]
    [TestCase("RSSMRA85T10", FormatReasons.Length)]
    [TestCase("RSSMRA85T10A562T", FormatReasons.CheckCharacter)]
    public void Check_InvalidCodeOfEitherKind_ReturnsReason(string code, string reason)
    {
        Assert.That(CodiceFiscale.Check(code).Reason, Is.EqualTo(reason));
    }

    [Test]
    public void IsValidLegalPerson_PersonCode_IsFalse()
    {
        Assert.That(CodiceFiscale.IsValidLegalPerson("RSSMRA85T10A562S"), Is.False);
    }
}
