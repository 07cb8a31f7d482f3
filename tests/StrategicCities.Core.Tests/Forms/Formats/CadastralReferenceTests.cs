using StrategicCities.Core.Forms.Formats;

namespace StrategicCities.Core.Tests.Forms.Formats;

public sealed class CadastralReferenceTests
{
    [TestCase("F205:12/345", Description = "Milano, foglio 12, particella 345")]
    [TestCase("F205:12/345/7", Description = "with subalterno")]
    [TestCase("H501:1234A/12345/1234", Description = "allegato letter, maximal lengths")]
    [TestCase("A562:3/B12", Description = "alphanumeric particella")]
    [TestCase("H501:1/1", Description = "minimal")]
    public void Check_WellFormedReference_IsValid(string value)
    {
        Assert.That(CadastralReference.Check(value), Is.EqualTo(FormatCheck.Valid));
    }

    [TestCase("F205 12/345", FormatReasons.Syntax, Description = "no colon")]
    [TestCase("F205:12", FormatReasons.Syntax, Description = "no particella")]
    [TestCase("F205:12/345/7/1", FormatReasons.Syntax, Description = "too many parts")]
    [TestCase("f205:12/345", FormatReasons.Lowercase)]
    [TestCase("F20:12/345", FormatReasons.Belfiore)]
    [TestCase("2050:12/345", FormatReasons.Belfiore)]
    [TestCase("F205:/345", FormatReasons.Foglio, Description = "empty foglio")]
    [TestCase("F205:012/345", FormatReasons.Foglio, Description = "leading zero")]
    [TestCase("F205:0/345", FormatReasons.Foglio, Description = "foglio zero")]
    [TestCase("F205:12345/345", FormatReasons.Foglio, Description = "5-digit foglio")]
    [TestCase("F205:12AB/345", FormatReasons.Foglio, Description = "two allegato letters")]
    [TestCase("F205:12/", FormatReasons.Particella, Description = "empty particella")]
    [TestCase("F205:12/123456", FormatReasons.Particella, Description = "6-digit particella")]
    [TestCase("F205:12/0345", FormatReasons.Particella, Description = "leading zero")]
    [TestCase("F205:12/1A", FormatReasons.Particella, Description = "alphanumeric must start with a letter")]
    [TestCase("F205:12/345/", FormatReasons.Subalterno, Description = "empty subalterno")]
    [TestCase("F205:12/345/12345", FormatReasons.Subalterno)]
    [TestCase("F205:12/345/A", FormatReasons.Subalterno)]
    [TestCase(" F205:12/345", FormatReasons.Belfiore, Description = "leading space")]
    [TestCase("", FormatReasons.Empty)]
    [TestCase(null, FormatReasons.Empty)]
    public void Check_MalformedReference_ReturnsReason(string? value, string reason)
    {
        Assert.Multiple(() =>
        {
            Assert.That(CadastralReference.Check(value).Reason, Is.EqualTo(reason));
            Assert.That(CadastralReference.IsValid(value), Is.False);
        });
    }
}
