using StrategicCities.Core.Forms.Formats;

namespace StrategicCities.Core.Tests.Forms.Formats;

public sealed class PartitaIvaTests
{
    // Hand calculation for 01199250158 (Comune di Milano):
    //   odd positions 1,3,5,7,9:  0 + 1 + 9 + 5 + 1 = 16
    //   even positions 2,4,6,8,10 doubled: 1->2, 9->18->9, 2->4, 0->0, 5->10->1 = 16
    //   (10 - 32 mod 10) mod 10 = 8 -> last digit 8
    // Hand calculation for 00743110157 (the example in python-stdnum's documentation):
    //   odd 0 + 7 + 3 + 1 + 1 = 12; even 0->0, 4->8, 1->2, 0->0, 5->1 = 11; (10 - 3) mod 10 = 7
    [TestCase("01199250158", Description = "Comune di Milano")]
    [TestCase("01057861005", Description = "Roma Capitale")]
    [TestCase("00514490010", Description = "Comune di Torino")]
    [TestCase("06363391001", Description = "Agenzia delle Entrate")]
    [TestCase("00743110157", Description = "python-stdnum documentation example")]
    public void Check_RealPartitaIva_IsValid(string value)
    {
        Assert.Multiple(() =>
        {
            Assert.That(PartitaIva.Check(value), Is.EqualTo(FormatCheck.Valid));
            Assert.That(PartitaIva.IsValid(value), Is.True);
        });
    }

    [TestCase("01199250159", FormatReasons.CheckCharacter, Description = "Milano with the last digit changed")]
    [TestCase("01199520158", FormatReasons.CheckCharacter, Description = "two digits swapped")]
    [TestCase("0119925015A", FormatReasons.Characters, Description = "a letter")]
    [TestCase("O1199250158", FormatReasons.Characters, Description = "letter O for zero")]
    [TestCase("0119925015", FormatReasons.Length, Description = "10 digits")]
    [TestCase("011992501580", FormatReasons.Length, Description = "12 digits")]
    [TestCase("IT01199250158", FormatReasons.Length, Description = "with the IT prefix")]
    [TestCase("011 9925015", FormatReasons.Characters, Description = "a space")]
    [TestCase("00000000000", FormatReasons.Matricola, Description = "all zeros")]
    [TestCase("00000001580", FormatReasons.Matricola, Description = "matricola zero")]
    [TestCase("01199250000", FormatReasons.OfficeCode, Description = "office 000 is for provisional person codes")]
    [TestCase("01199251018", FormatReasons.OfficeCode, Description = "office 101")]
    [TestCase("01199252003", FormatReasons.OfficeCode, Description = "office 200")]
    [TestCase("", FormatReasons.Empty)]
    [TestCase(null, FormatReasons.Empty)]
    public void Check_InvalidPartitaIva_ReturnsReason(string? value, string reason)
    {
        var check = PartitaIva.Check(value);

        Assert.Multiple(() =>
        {
            Assert.That(check.IsValid, Is.False);
            Assert.That(check.Reason, Is.EqualTo(reason));
            Assert.That(PartitaIva.IsValid(value), Is.False);
        });
    }

    [TestCase("0000001", "100", Description = "office 100, the last provincial office")]
    [TestCase("0000001", "120")]
    [TestCase("0000001", "121")]
    [TestCase("0000001", "888")]
    [TestCase("0000001", "999")]
    public void Check_SpecialOfficeCodeWithCorrectCheckDigit_IsValid(string matricola, string office)
    {
        var firstTen = matricola + office;
        var value = firstTen + PartitaIva.ComputeCheckDigit(firstTen);

        Assert.That(PartitaIva.IsValid(value), Is.True, value);
    }
}
