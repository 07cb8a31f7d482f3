using StrategicCities.Core.Forms.Formats;

namespace StrategicCities.Core.Tests.Forms.Formats;

public sealed class IstatComuneTests
{
    [TestCase("015146", Description = "Milano")]
    [TestCase("058091", Description = "Roma")]
    [TestCase("063049", Description = "Napoli")]
    [TestCase("001272", Description = "Torino")]
    [TestCase("020001", Description = "region 20, Sardegna")]
    public void Check_WellFormedCode_IsValid(string value)
    {
        Assert.That(IstatComune.IsValid(value), Is.True);
    }

    [TestCase("15146", FormatReasons.Length, Description = "leading zero lost")]
    [TestCase("0151460", FormatReasons.Length)]
    [TestCase("01514A", FormatReasons.Characters)]
    [TestCase("015 46", FormatReasons.Characters)]
    [TestCase("215146", FormatReasons.Region, Description = "region 21 does not exist")]
    [TestCase("000146", FormatReasons.Region, Description = "region 00 does not exist")]
    [TestCase("", FormatReasons.Empty)]
    [TestCase(null, FormatReasons.Empty)]
    public void Check_MalformedCode_ReturnsReason(string? value, string reason)
    {
        Assert.That(IstatComune.Check(value).Reason, Is.EqualTo(reason));
    }

    [Test]
    public void Check_RegistryDoesNotKnowCode_ReturnsUnknown()
    {
        var registry = new HashSet<string>(StringComparer.Ordinal) { "015146" };

        Assert.Multiple(() =>
        {
            Assert.That(IstatComune.Check("015146", registry.Contains).IsValid, Is.True);
            Assert.That(IstatComune.Check("015999", registry.Contains).Reason, Is.EqualTo(FormatReasons.Unknown));
            Assert.That(IstatComune.IsValid("015999", registry.Contains), Is.False);
            Assert.That(IstatComune.IsValid("015999"), Is.True);
        });
    }

    [Test]
    public void Check_MalformedCode_DoesNotAskRegistry()
    {
        var asked = false;

        var check = IstatComune.Check("15146", _ => asked = true);

        Assert.Multiple(() =>
        {
            Assert.That(check.Reason, Is.EqualTo(FormatReasons.Length));
            Assert.That(asked, Is.False);
        });
    }
}
