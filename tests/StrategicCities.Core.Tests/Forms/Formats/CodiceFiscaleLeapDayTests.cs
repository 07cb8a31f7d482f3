using StrategicCities.Core.Forms.Formats;

namespace StrategicCities.Core.Tests.Forms.Formats;

/// <summary>
/// 29 February in a codice fiscale: the code carries the year's last two digits only, so the day exists exactly when
/// they are divisible by 4 (00 is 2000, a leap year, or 1900, which was not: the code cannot tell, and 2000 is taken).
/// </summary>
public sealed class CodiceFiscaleLeapDayTests
{
    [TestCase("84", true)]
    [TestCase("00", true)]
    [TestCase("96", true)]
    [TestCase("85", false)]
    [TestCase("01", false)]
    [TestCase("98", false)]
    [TestCase("UQ", true, Description = "omocodia: 84 written with letters")]
    [TestCase("UV", false, Description = "omocodia: 89 written with letters")]
    public void CheckPerson_BornOn29February_ValidOnlyInYearsDivisibleBy4(string year, bool expected)
    {
        foreach (var day in (string[])["29", "69"])
        {
            var code = WithCheck($"RSSMRA{year}B{day}A562");

            var check = CodiceFiscale.CheckPerson(code);

            Assert.That(check.IsValid, Is.EqualTo(expected), code);
            Assert.That(check.Reason, expected ? Is.Null : Is.EqualTo(FormatReasons.Day), code);
        }
    }

    [TestCase("85")]
    [TestCase("01")]
    public void CheckPerson_Born28FebruaryInAnyYear_IsValid(string year) =>
        Assert.That(CodiceFiscale.CheckPerson(WithCheck($"RSSMRA{year}B28A562")).IsValid, Is.True);

    private static string WithCheck(string fifteen) => fifteen + CodiceFiscale.ComputeCheckCharacter(fifteen);
}
