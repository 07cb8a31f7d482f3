using StrategicCities.Core.Forms.Formats;

namespace StrategicCities.Core.Tests.Forms.Formats;

/// <summary>
/// The date of birth in a person's codice fiscale, checked from the valid side: every month letter, the
/// first and last day of every month for men (01–31) and women (41–71), and 29 February by year.
/// </summary>
public sealed class CodiceFiscaleDatesTests
{
    private const string MonthLetters = "ABCDEHLMPRST";

    // Days in each month of a common year; February's 29th is tested apart.
    private static readonly int[] LastDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

    /// <summary>Mario Rossi's code (RSSMRA85T10A562S) with another year, month letter and day, and its check letter.</summary>
    private static string Code(string year, char month, string day)
    {
        var firstFifteen = "RSSMRA" + year + month + day + "A562";
        return firstFifteen + CodiceFiscale.ComputeCheckCharacter(firstFifteen);
    }

    private static IEnumerable<TestCaseData> LastDayOfEveryMonth() =>
        MonthLetters.Select((letter, i) => new TestCaseData(letter, LastDays[i]).SetArgDisplayNames(letter.ToString(), LastDays[i].ToString("00", System.Globalization.CultureInfo.InvariantCulture)));

    [TestCaseSource(nameof(LastDayOfEveryMonth))]
    public void CheckPerson_LastDayOfEveryMonthForAMan_IsValid(char month, int lastDay)
    {
        var code = Code("85", month, lastDay.ToString("00", System.Globalization.CultureInfo.InvariantCulture));

        Assert.That(CodiceFiscale.CheckPerson(code), Is.EqualTo(FormatCheck.Valid), code);
    }

    [TestCaseSource(nameof(LastDayOfEveryMonth))]
    public void CheckPerson_LastDayOfEveryMonthForAWoman_IsValid(char month, int lastDay)
    {
        var code = Code("85", month, (lastDay + 40).ToString("00", System.Globalization.CultureInfo.InvariantCulture));

        Assert.That(CodiceFiscale.CheckPerson(code), Is.EqualTo(FormatCheck.Valid), code);
    }

    [TestCaseSource(nameof(LastDayOfEveryMonth))]
    public void CheckPerson_DayAfterLastDayOfMonth_RefusedForTheDay(char month, int lastDay)
    {
        // 29 February of 1985 included: 85 is not divisible by 4.
        var man = Code("85", month, (lastDay + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture));
        var woman = Code("85", month, (lastDay + 41).ToString("00", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Multiple(() =>
        {
            Assert.That(CodiceFiscale.CheckPerson(man).Reason, Is.EqualTo(FormatReasons.Day), man);
            Assert.That(CodiceFiscale.CheckPerson(woman).Reason, Is.EqualTo(FormatReasons.Day), woman);
        });
    }

    [TestCase('A', Description = "January, the first month letter")]
    [TestCase('T', Description = "December, the last month letter")]
    [TestCase('H', Description = "June")]
    public void CheckPerson_FirstDayOfMonthForManAndWoman_IsValid(char month)
    {
        Assert.Multiple(() =>
        {
            Assert.That(CodiceFiscale.CheckPerson(Code("85", month, "01")), Is.EqualTo(FormatCheck.Valid));
            Assert.That(CodiceFiscale.CheckPerson(Code("85", month, "41")), Is.EqualTo(FormatCheck.Valid));
        });
    }

    [TestCase("01", Description = "1 January, the first day a man can be born")]
    [TestCase("15")]
    [TestCase("31", Description = "31 January, the last day for a man")]
    [TestCase("41", Description = "1 January for a woman")]
    [TestCase("71", Description = "31 January for a woman")]
    public void CheckPerson_JanuaryBirth_IsValid(string day)
    {
        var code = Code("90", 'A', day);

        Assert.Multiple(() =>
        {
            Assert.That(CodiceFiscale.CheckPerson(code), Is.EqualTo(FormatCheck.Valid), code);
            Assert.That(CodiceFiscale.Check(code), Is.EqualTo(FormatCheck.Valid), code);
        });
    }

    [TestCase("00", Description = "1900 or 2000: 2000 was a leap year")]
    [TestCase("04")]
    [TestCase("84")]
    [TestCase("96")]
    [TestCase("8Q", Description = "84 with omocodia on the year's second digit (Q = 4)")]
    [TestCase("UQ", Description = "84 with omocodia on both digits of the year (U = 8, Q = 4)")]
    public void CheckPerson_29FebruaryInYearDivisibleBy4_IsValid(string year)
    {
        Assert.Multiple(() =>
        {
            Assert.That(CodiceFiscale.CheckPerson(Code(year, 'B', "29")), Is.EqualTo(FormatCheck.Valid), "man");
            Assert.That(CodiceFiscale.CheckPerson(Code(year, 'B', "69")), Is.EqualTo(FormatCheck.Valid), "woman");
        });
    }

    [TestCase("85")]
    [TestCase("01")]
    [TestCase("02")]
    [TestCase("99")]
    [TestCase("8R", Description = "85 with omocodia on the year's second digit (R = 5)")]
    public void CheckPerson_29FebruaryInYearNotDivisibleBy4_RefusedForTheDay(string year)
    {
        Assert.Multiple(() =>
        {
            Assert.That(CodiceFiscale.CheckPerson(Code(year, 'B', "29")).Reason, Is.EqualTo(FormatReasons.Day), "man");
            Assert.That(CodiceFiscale.CheckPerson(Code(year, 'B', "69")).Reason, Is.EqualTo(FormatReasons.Day), "woman");
        });
    }

    [TestCase("85", "28")]
    [TestCase("84", "28")]
    [TestCase("85", "68")]
    public void CheckPerson_28February_IsValidInEveryYear(string year, string day)
    {
        Assert.That(CodiceFiscale.CheckPerson(Code(year, 'B', day)), Is.EqualTo(FormatCheck.Valid));
    }

    [TestCase("29", 'C', Description = "29 March: the leap rule is February's only")]
    [TestCase("30", 'D')]
    public void CheckPerson_29Or30OfAnotherMonthInCommonYear_IsValid(string day, char month)
    {
        Assert.That(CodiceFiscale.CheckPerson(Code("85", month, day)), Is.EqualTo(FormatCheck.Valid));
    }

    [TestCase("M0", Description = "day 10 with omocodia on the tens (M = 1)")]
    [TestCase("QL", Description = "day 40 with omocodia on both digits (Q = 4, L = 0): between men's and women's days")]
    public void CheckPerson_DayWithOmocodiaLetters_ReadsTheDigits(string day)
    {
        var check = CodiceFiscale.CheckPerson(Code("85", 'T', day));

        Assert.That(check.IsValid, Is.EqualTo(day == "M0"));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    public void Check_EmptyValue_RefusedAsEmpty(string? value)
    {
        Assert.That(CodiceFiscale.Check(value).Reason, Is.EqualTo(FormatReasons.Empty));
    }

    [Test]
    [Description("A field that accepts either kind tells the applicant both lengths, not only a person's.")]
    public void Check_WrongLengthForEitherKind_MessageNamesBothKinds()
    {
        var check = CodiceFiscale.Check("RSSMRA85T10");

        Assert.Multiple(() =>
        {
            Assert.That(check.Reason, Is.EqualTo(FormatReasons.Length));
            Assert.That(check.Message!.En, Does.Contain("16 characters").And.Contain("11 digits"));
        });
    }
}
