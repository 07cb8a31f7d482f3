using StrategicCities.Core.Forms.Formats;

namespace StrategicCities.Core.Tests.Forms.Formats;

public sealed class PecTests
{
    [TestCase("protocollo@postacert.comune.milano.it")]
    [TestCase("mario.rossi@pec.it")]
    [TestCase("studio_tecnico+pratiche@legalmail.it")]
    [TestCase("Mario.Rossi@PEC.Ordine-Ingegneri.it", Description = "case and hyphens")]
    public void Check_WellFormedAddress_IsValid(string value)
    {
        Assert.That(Pec.IsValid(value), Is.True);
    }

    [TestCase("mario.rossi", FormatReasons.Syntax, Description = "no @")]
    [TestCase("mario@rossi@pec.it", FormatReasons.Syntax, Description = "two @")]
    [TestCase("mario rossi@pec.it", FormatReasons.Syntax, Description = "space")]
    [TestCase("mario.rossì@pec.it", FormatReasons.Syntax, Description = "non-ASCII")]
    [TestCase("@pec.it", FormatReasons.LocalPart)]
    [TestCase(".mario@pec.it", FormatReasons.LocalPart)]
    [TestCase("mario..rossi@pec.it", FormatReasons.LocalPart)]
    [TestCase("mario(rossi)@pec.it", FormatReasons.LocalPart)]
    [TestCase("mario@", FormatReasons.Domain)]
    [TestCase("mario@localhost", FormatReasons.Domain, Description = "no top-level domain")]
    [TestCase("mario@pec.i", FormatReasons.Domain, Description = "one-letter top-level domain")]
    [TestCase("mario@-pec.it", FormatReasons.Domain)]
    [TestCase("mario@pec..it", FormatReasons.Domain)]
    [TestCase("mario@pec.it.", FormatReasons.Domain)]
    [TestCase("mario@192.168.0.1", FormatReasons.Domain, Description = "IP address")]
    [TestCase("", FormatReasons.Empty)]
    [TestCase(null, FormatReasons.Empty)]
    public void Check_MalformedAddress_ReturnsReason(string? value, string reason)
    {
        Assert.That(Pec.Check(value).Reason, Is.EqualTo(reason));
    }

    [Test]
    public void Check_LocalPartOf65Characters_ReturnsLocalPart()
    {
        Assert.That(Pec.Check(new string('a', 65) + "@pec.it").Reason, Is.EqualTo(FormatReasons.LocalPart));
    }

    [Test]
    public void Check_AddressLongerThan254_ReturnsLength()
    {
        var address = "mario@" + string.Join('.', Enumerable.Repeat(new string('a', 60), 5)) + ".it";

        Assert.Multiple(() =>
        {
            Assert.That(address, Has.Length.GreaterThan(Pec.MaxLength));
            Assert.That(Pec.Check(address).Reason, Is.EqualTo(FormatReasons.Length));
        });
    }
}
