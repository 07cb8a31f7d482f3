using StrategicCities.Data.Tests.Support;

namespace StrategicCities.Data.Tests;

[TestFixture(Dialect.Sqlite)]
[TestFixture(Dialect.Postgres)]
[TestFixture(Dialect.SqlServer)]
public sealed class OfficeStoreTests(Dialect dialect) : DialectFixture(dialect)
{
    [Test]
    public async Task JointOffice_ServesSeveralMunicipalities_AndAMunicipalityMayHaveSeveralOffices()
    {
        var (a, b, c) = (NewMunicipality(), NewMunicipality(), NewMunicipality());
        var joint = await Offices.CreateAsync("Ufficio associato Valle", [b, a, a]);
        var single = await Offices.CreateAsync("SUAP", [c]);

        var added = await Offices.AssignMunicipalitiesAsync(single.Id, [a, c]);
        var missing = await Offices.AssignMunicipalitiesAsync(Guid.NewGuid(), [a]);

        Assert.Multiple(async () =>
        {
            Assert.That(joint.Municipalities, Is.EqualTo(new[] { a, b }));
            Assert.That(added, Is.True);
            Assert.That(missing, Is.False);
            Assert.That(await Offices.MunicipalitiesOfAsync(joint.Id), Is.EqualTo(new[] { a, b }));
            Assert.That(await Offices.MunicipalitiesOfAsync(single.Id), Is.EqualTo(new[] { a, c }));
            Assert.That(await Offices.OfficesServingAsync(a), Is.EquivalentTo(new[] { joint.Id, single.Id }));
            Assert.That((await Offices.GetAsync(joint.Id))!.Name, Is.EqualTo("Ufficio associato Valle"));
            Assert.That(await Offices.GetAsync(Guid.NewGuid()), Is.Null);
            Assert.That((await Offices.ListAsync()).Select(o => o.Id), Is.SupersetOf(new[] { joint.Id, single.Id }));
        });

        Assert.That(await Offices.UnassignMunicipalityAsync(single.Id, a), Is.True);
        Assert.That(await Offices.MunicipalitiesOfAsync(single.Id), Is.EqualTo(new[] { c }));
    }

    [Test]
    public void Create_WithAMalformedCode_Throws() =>
        Assert.That(async () => await Offices.CreateAsync("x", ["15146"]), Throws.ArgumentException);
}
