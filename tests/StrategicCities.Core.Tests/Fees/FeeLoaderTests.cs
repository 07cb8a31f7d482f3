using StrategicCities.Core.Catalog;
using StrategicCities.Core.Fees;
using StrategicCities.Core.Tests.Support;

namespace StrategicCities.Core.Tests.Fees;

/// <summary>What the fee loader (and so <c>permits lint</c> and the service's start) refuses, naming file, element and reason.</summary>
[TestFixture]
public sealed class FeeLoaderTests
{
    private string _rules = null!;

    [SetUp]
    public void CopyNationalStructure()
    {
        _rules = Path.Combine(Path.GetTempPath(), "sc-fees-" + Guid.NewGuid().ToString("N"));
        var target = Path.Combine(_rules, "national", "fees");
        Directory.CreateDirectory(target);
        File.Copy(Path.Combine(Repository.Sources.RulesDirectory, "national", "fees", "2016-01-01.json"), Path.Combine(target, "2016-01-01.json"));
    }

    [TearDown]
    public void Delete() => Directory.Delete(_rules, recursive: true);

    private async Task<FeeLoadResult> LoadWithAsync(string relative, string json)
    {
        var path = Path.Combine(_rules, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, json);
        return await FeeLoader.LoadAsync(new CatalogSources(_rules, Repository.SchemasDirectory), await Repository.CatalogAsync());
    }

    private static string Overlay(string layer, string jurisdiction, string body) => $$"""
        { "id": "fees", "overlays": "fees", "layer": "{{layer}}", "jurisdiction": "{{jurisdiction}}", "version": "2024-01-01",
          "validFrom": "2024-01-01", "validTo": null,
          "instruments": [ { "id": "dcc", "title": "Deliberazione del Consiglio comunale 1 gennaio 2024, n. 1", "href": null } ],
          {{body}} }
        """;

    [Test]
    public async Task Load_ShippedFees_LoadWithEveryLayer()
    {
        var result = await FeeLoader.LoadAsync(Repository.Sources, await Repository.CatalogAsync());

        Assert.That(result.Problems, Is.Empty, string.Join(Environment.NewLine, result.Problems));
        Assert.That(result.Catalog!.Overlays.Select(o => o.Jurisdiction), Is.SupersetOf(new[] { "03", "12", "015146", "058091" }));
    }

    [Test]
    public async Task Load_MunicipalityChangingTheStampDuty_IsRefusedAsNotItsToSet()
    {
        var result = await LoadWithAsync("municipalities/015146/fees/2024-01-01.json", Overlay("municipality", "015146", """
            "tariffs": [ { "charge": "bollo-istanza", "regimes": ["permesso-di-costruire"], "amount": 20.00, "legalBasis": [ { "instrument": "dcc", "article": "1" } ] } ]
            """));

        var problem = result.Problems.Single();
        Assert.That(problem.Code, Is.EqualTo("fees.overlay-not-allowed"));
        Assert.That(problem.File, Is.EqualTo("municipalities/015146/fees/2024-01-01.json"));
        Assert.That(problem.Message, Does.Contain("the State alone"));
    }

    [Test]
    public async Task Load_ShareAboveTwentyPercent_IsOutOfTheBoundsOfArticle16()
    {
        var result = await LoadWithAsync("regions/03/fees/2024-01-01.json", Overlay("region", "03", """
            "tariffs": [ { "charge": "costo-costruzione", "parameter": "share", "use": "residenziale", "percent": 25, "legalBasis": [ { "instrument": "dcc", "article": "1" } ] } ]
            """));

        Assert.That(result.Problems.Single().Code, Is.EqualTo("fees.share-out-of-bounds"));
        Assert.That(result.Problems.Single().Message, Does.Contain("art. 16 c. 9"));
    }

    [Test]
    public async Task Load_RegionSettingTheCommercialShare_IsRefusedBecauseArticle19GivesItToTheCouncil()
    {
        var result = await LoadWithAsync("regions/03/fees/2024-01-01.json", Overlay("region", "03", """
            "tariffs": [ { "charge": "costo-costruzione", "parameter": "share", "use": "commerciale", "percent": 5, "legalBasis": [ { "instrument": "dcc", "article": "1" } ] } ]
            """));

        Assert.That(result.Problems.Single().Code, Is.EqualTo("fees.overlay-not-allowed"));
    }

    [Test]
    public async Task Load_RegenerationReductionBelowTwentyPercent_IsBelowTheLegalMinimum()
    {
        var result = await LoadWithAsync("municipalities/058091/fees/2024-01-01.json", Overlay("municipality", "058091", """
            "reductions": [ { "id": "rigenerazione", "percent": 10, "legalBasis": [ { "instrument": "dcc", "article": "2" } ] } ]
            """));

        Assert.That(result.Problems.Single().Code, Is.EqualTo("fees.reduction-below-minimum"));
    }

    [Test]
    public async Task Load_TariffWithoutLegalBasis_IsRefused()
    {
        var result = await LoadWithAsync("municipalities/058091/fees/2024-01-01.json", Overlay("municipality", "058091", """
            "tariffs": [ { "charge": "oneri-urbanizzazione", "use": "residenziale", "rate": 10, "unit": "m3", "legalBasis": [] } ]
            """));

        Assert.That(result.Problems.Single().Code, Is.EqualTo("fees.value-without-legal-basis"));
        Assert.That(result.Problems.Single().Rule, Is.EqualTo("tariff oneri-urbanizzazione use=residenziale"));
    }

    [Test]
    public async Task Load_OverlayDeclaringExemptions_IsRefusedAsNationalLaw()
    {
        var result = await LoadWithAsync("municipalities/058091/fees/2024-01-01.json", Overlay("municipality", "058091", """
            "exemptions": [ { "id": "amici", "title": { "it": "a", "en": "a" }, "facts": ["calamity"], "charges": ["costo-costruzione"], "legalBasis": [ { "instrument": "dcc", "article": "1" } ] } ]
            """));

        Assert.That(result.Problems.Single().Code, Is.EqualTo("fees.overlay-not-allowed"));
    }

    [Test]
    public async Task Load_TwoTariffsForTheSameCase_AreADuplicate()
    {
        var result = await LoadWithAsync("municipalities/058091/fees/2024-01-01.json", Overlay("municipality", "058091", """
            "tariffs": [
              { "charge": "oneri-urbanizzazione", "use": "residenziale", "rate": 10, "unit": "m3", "legalBasis": [ { "instrument": "dcc", "article": "1" } ] },
              { "charge": "oneri-urbanizzazione", "use": "residenziale", "rate": 12, "unit": "m3", "legalBasis": [ { "instrument": "dcc", "article": "1" } ] } ]
            """));

        Assert.That(result.Problems.Single().Code, Is.EqualTo("fees.tariff-duplicate"));
    }

    [Test]
    public async Task Load_UnknownMemberOrCitedButUndeclaredInstrument_IsRefused()
    {
        var unknown = await LoadWithAsync("municipalities/058091/fees/2024-01-01.json", Overlay("municipality", "058091", "\"tarifs\": []"));
        Assert.That(unknown.Problems.Single().Code, Is.EqualTo("json.invalid"));

        var undeclared = await LoadWithAsync("municipalities/058091/fees/2024-01-01.json", Overlay("municipality", "058091", """
            "tariffs": [ { "charge": "oneri-urbanizzazione", "use": "residenziale", "rate": 10, "unit": "m3", "legalBasis": [ { "instrument": "x", "article": "1" } ] } ]
            """));
        Assert.That(undeclared.Problems.Single().Code, Is.EqualTo("instrument.unknown"));
    }

    [Test]
    public async Task Load_OverlappingMunicipalVersions_AreRefused()
    {
        await LoadWithAsync("municipalities/058091/fees/2024-01-01.json", Overlay("municipality", "058091", "\"tariffs\": []"));
        var result = await LoadWithAsync("municipalities/058091/fees/2024-06-01.json",
            Overlay("municipality", "058091", "\"tariffs\": []").Replace("2024-01-01", "2024-06-01", StringComparison.Ordinal));

        Assert.That(result.Problems.Select(p => p.Code), Has.Member("validity.overlap"));
    }
}
