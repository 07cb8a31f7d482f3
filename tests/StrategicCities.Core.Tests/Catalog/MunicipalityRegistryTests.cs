using System.Text.Json;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Tests.Support;

namespace StrategicCities.Core.Tests.Catalog;

/// <summary>The population column of the registry (ISTAT legal population, census 2011).</summary>
[TestFixture]
public sealed class MunicipalityRegistryTests
{
    private static MunicipalityRegistry Read(string csv) => MunicipalityRegistry.ReadCsv(new StringReader(csv));

    [Test]
    public async Task ReadShippedRegistry_MetropolitanCapitals_PopulationAbove100000AndSmallTownBelow()
    {
        var registry = (await Repository.CatalogAsync()).Municipalities;

        Assert.That(registry.Find("015146")!.Population, Is.InRange(1_240_000, 1_350_000), "Milano");
        Assert.That(registry.Find("058091")!.Population, Is.InRange(2_600_000, 2_800_000), "Roma");
        Assert.That(registry.Find("063049")!.Population, Is.InRange(950_000, 970_000), "Napoli");
        Assert.That(registry.Find("092009")!.Population, Is.InRange(100_001, 160_000), "Cagliari");
        Assert.That(registry.Find("015077")!.Population, Is.LessThan(100_000), "Cinisello Balsamo");
        Assert.That(registry.All.Where(m => m.MetropolitanCity).Select(m => m.Population), Has.All.GreaterThan(100_000),
            "every metropolitan capital, Cagliari, Messina and Reggio di Calabria included, had more than 100,000 inhabitants in 2011");
        Assert.That(registry.All.Where(m => m.Population is null).Select(m => m.Code), Is.EqualTo(new[] { "081025" }), "only Misiliscemi is unknown");
    }

    [Test]
    [Description("Merged on 22 Jan 2024: Sovizzo (7,034) + Gambugliano (851).")]
    public async Task ReadShippedRegistry_MunicipalityMergedAfter2020_SumOfItsPredecessors()
    {
        var registry = (await Repository.CatalogAsync()).Municipalities;

        Assert.That(registry.Find("024128")!.Population, Is.EqualTo(7_885));
    }

    [Test]
    public void ReadCsv_PopulationColumn_ReadWithEmptyAsUnknown()
    {
        var registry = Read("istat,name,province,region,regionName,cadastral,metropolitanCity,population\n" +
            "015146,Milano,MI,03,Lombardia,F205,true,1242123\n081025,Misiliscemi,TP,19,Sicilia,M432,false,\n");

        Assert.That(registry.Find("015146")!.Population, Is.EqualTo(1_242_123));
        Assert.That(registry.Find("081025")!.Population, Is.Null);
    }

    [Test]
    public void ReadCsv_WithoutPopulationColumn_LoadsWithPopulationUnknown()
    {
        var registry = Read("istat,name,province,region,regionName,cadastral,metropolitanCity\n015146,Milano,MI,03,Lombardia,F205,true\n");

        Assert.That(registry.Find("015146"), Has.Property(nameof(Municipality.Population)).Null.And.Property(nameof(Municipality.Name)).EqualTo("Milano"));
    }

    [Test]
    public void ReadCsv_PopulationNotAWholeNumber_RefusedNamingTheMunicipality()
    {
        var error = Assert.Throws<InvalidDataException>(() => Read(
            "istat,name,province,region,regionName,cadastral,metropolitanCity,population\n015146,Milano,MI,03,Lombardia,F205,true,1.242.123\n"));

        Assert.That(error!.Message, Does.Contain("015146").And.Contain("1.242.123"));
    }

    [Test]
    public void Serialize_Municipality_PopulationInTheJsonContract()
    {
        var json = JsonSerializer.Serialize(new Municipality("015146", "Milano", "MI", "03", "Lombardia", "F205", true, 1_242_123));
        var old = JsonSerializer.Deserialize<Municipality>("""{"code":"015146","name":"Milano","province":"MI","region":"03","regionName":"Lombardia","cadastralCode":"F205","metropolitanCity":true}""");

        Assert.That(json, Does.EndWith(""","metropolitanCity":true,"population":1242123}"""));
        Assert.That(old!.Population, Is.Null, "a document written before the field still reads");
    }
}
