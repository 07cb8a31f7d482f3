using StrategicCities.Core.Forms.Formats;

namespace StrategicCities.Core.Tests.Forms.Formats;

public sealed class IstatComuneTests
{
    [TestCase("015146", Description = "Milano")]
    [TestCase("058091", Description = "Roma")]
    [TestCase("063049", Description = "Napoli")]
    [TestCase("001272", Description = "Torino")]
    [TestCase("111001", Description = "province 111, Sud Sardegna")]
    [TestCase("015999", Description = "well formed; existence is the registry's business")]
    public void Check_WellFormedCode_IsValid(string value)
    {
        Assert.That(IstatComune.IsValid(value), Is.True);
    }

    [TestCase("15146", FormatReasons.Length, Description = "leading zero lost")]
    [TestCase("0151460", FormatReasons.Length)]
    [TestCase("01514A", FormatReasons.Characters)]
    [TestCase("015 46", FormatReasons.Characters)]
    [TestCase("215146", FormatReasons.Province, Description = "215 is the metropolitan city of Milano, never a municipality prefix")]
    [TestCase("000146", FormatReasons.Province, Description = "province 000 does not exist")]
    [TestCase("701001", FormatReasons.Province, Description = "7xx are provinces ceded abroad in 1947")]
    [TestCase("015000", FormatReasons.Sequence)]
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
