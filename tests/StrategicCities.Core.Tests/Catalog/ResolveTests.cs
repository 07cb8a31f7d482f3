using StrategicCities.Core.Catalog;
using StrategicCities.Core.Determination;
using StrategicCities.Core.Tests.Support;
using static StrategicCities.Core.Tests.Support.RuleTree;

namespace StrategicCities.Core.Tests.Catalog;

[TestFixture]
public sealed class ResolveTests
{
    private RuleTree _tree = null!;

    [SetUp]
    public void SetUp() => _tree = new RuleTree();

    [TearDown]
    public void TearDown() => _tree.Dispose();

    private async Task<RuleCatalog> TwoVersionsAsync()
    {
        // 2020: everything residual is CILA; 2022: the residual becomes SCIA.
        _tree.Write("national/determination/2020-01-01.json", National("2020-01-01", "2022-01-01", BasicRegimeRules()))
            .Write("national/determination/2022-01-01.json", National("2022-01-01", null,
            [
                Rule("NewConstructionRequiresPermit", "intervention.Category == \"nuova-costruzione\"", ("regime", "permesso-di-costruire")),
                Rule("ResidualInterventionsRequireScia", "true", ("regime", "scia"), localVariation: true),
            ]));
        return await _tree.LoadCleanAsync();
    }

    private static async Task<string> RegimeAsync(RuleCatalog catalog, string municipality, DateOnly date, InterventionFacts? facts = null)
    {
        var engine = new DeterminationEngine(catalog, await InterventionReader.CreateAsync(Repository.SchemasDirectory));
        var (package, error) = await catalog.ResolveAsync(municipality, date);
        Assert.That(error, Is.Null);
        var (result, errors) = await engine.DetermineAsync(package!, facts ?? new InterventionFacts { Category = "manutenzione-straordinaria" });
        Assert.That(errors, Is.Empty);
        return result!.Regime;
    }

    [Test]
    public async Task Resolve_DateInsideFirstVersion_SelectsFirstVersion()
    {
        var catalog = await TwoVersionsAsync();

        Assert.That(await RegimeAsync(catalog, "058091", new DateOnly(2021, 12, 31)), Is.EqualTo("cila"));
    }

    [Test]
    public async Task Resolve_OnValidToOfFirstVersion_SelectsNextVersion()
    {
        // Validity is half-open: validTo belongs to the next version.
        var catalog = await TwoVersionsAsync();

        var (package, _) = await catalog.ResolveAsync("058091", new DateOnly(2022, 1, 1));

        Assert.That(package!.Versions.Single().Version, Is.EqualTo("2022-01-01"));
        Assert.That(await RegimeAsync(catalog, "058091", new DateOnly(2022, 1, 1)), Is.EqualTo("scia"));
    }

    [Test]
    public async Task Resolve_DateBeforeEveryVersion_ReturnsNoVersionErrorNamingFirstDate()
    {
        var catalog = await TwoVersionsAsync();

        var (package, error) = await catalog.ResolveAsync("058091", new DateOnly(2019, 12, 31));

        Assert.That(package, Is.Null);
        Assert.That(error!.Code, Is.EqualTo(InputError.Codes.NoVersion));
        Assert.That(error.Message.En, Does.Contain("2020-01-01"));
        Assert.That(error.Message.It, Does.Contain("01/01/2020"));
    }

    [TestCase("999999", InputError.Codes.MunicipalityUnknown)]
    [TestCase("15146", InputError.Codes.MunicipalityInvalid)]
    [TestCase("F205", InputError.Codes.MunicipalityInvalid)]
    public async Task Resolve_BadMunicipality_ReturnsSpecificError(string code, string expected)
    {
        var catalog = await TwoVersionsAsync();

        var (_, error) = await catalog.ResolveAsync(code, new DateOnly(2021, 1, 1));

        Assert.That(error!.Code, Is.EqualTo(expected));
        Assert.That(error.Pointer, Is.EqualTo("/municipality"));
    }

    [Test]
    public async Task Resolve_MunicipalitiesWithoutOverlays_ShareOneCompiledRuleSet()
    {
        var catalog = await TwoVersionsAsync();

        await catalog.ResolveAsync("058091", new DateOnly(2023, 1, 1));
        await catalog.ResolveAsync("063049", new DateOnly(2023, 1, 1));
        await catalog.ResolveAsync("015146", new DateOnly(2023, 6, 1));

        Assert.That(catalog.CompiledCount, Is.EqualTo(1));
    }

    [Test]
    public async Task Resolve_RegionalAndMunicipalOverlays_AppliedInLayerOrder()
    {
        // Lombardia makes the residual SCIA; Milano (allowed, since the region keeps it open) brings it back to CILA.
        _tree.Write("national/determination/2020-01-01.json", National("2020-01-01", null, BasicRegimeRules(residualOpen: true)))
            .Write("regions/03/determination/2021-01-01.json", Overlay("region", "03", "2021-01-01", null,
                @override: [Rule("ResidualInterventionsRequireCila", "true", ("regime", "scia"), localVariation: true)]))
            .Write("municipalities/015146/determination/2021-06-01.json", Overlay("municipality", "015146", "2021-06-01", null,
                @override: [Rule("ResidualInterventionsRequireCila", "true", ("regime", "cil"))]));
        var catalog = await _tree.LoadCleanAsync();
        var date = new DateOnly(2022, 1, 1);

        Assert.Multiple(async () =>
        {
            Assert.That(await RegimeAsync(catalog, "058091", date), Is.EqualTo("cila"), "Roma: national only");
            Assert.That(await RegimeAsync(catalog, "015077", date), Is.EqualTo("scia"), "Cologno Monzese: regional overlay");
            Assert.That(await RegimeAsync(catalog, "015146", date), Is.EqualTo("cil"), "Milano: municipal over regional");
            Assert.That(await RegimeAsync(catalog, "015146", new DateOnly(2021, 3, 1)), Is.EqualTo("scia"), "Milano before its overlay");
        });
    }

    [Test]
    public async Task Resolve_MunicipalAddAtExtensionPoint_AddsAttachmentOnlyThere()
    {
        _tree.Write("national/determination/2020-01-01.json", National("2020-01-01", null, BasicRegimeRules()))
            .Write("municipalities/015146/determination/2021-01-01.json", Overlay("municipality", "015146", "2021-01-01", null,
                add: [Rule("MilanoNeedsGreenAreaPlan", "intervention.Category == \"nuova-costruzione\"", ("attachment", "piano-del-verde"), extends: "local-attachments")]));
        var catalog = await _tree.LoadCleanAsync();
        var engine = new DeterminationEngine(catalog, await InterventionReader.CreateAsync(Repository.SchemasDirectory));
        var facts = new InterventionFacts { Category = "nuova-costruzione" };

        var (milano, _) = await engine.DetermineAsync((await catalog.ResolveAsync("015146", new DateOnly(2022, 1, 1))).Package!, facts);
        var (roma, _) = await engine.DetermineAsync((await catalog.ResolveAsync("058091", new DateOnly(2022, 1, 1))).Package!, facts);

        Assert.That(milano!.Attachments.Select(a => a.Code), Is.EqualTo(new[] { "piano-del-verde" }));
        Assert.That(milano.RuleSets.Select(r => r.Layer), Is.EqualTo(new[] { "national", "municipality" }));
        Assert.That(roma!.Attachments, Is.Empty);
    }

    [Test]
    public async Task Resolve_RegionDisablesRule_RuleGoneFromPackage()
    {
        _tree.Write("national/determination/2020-01-01.json", National("2020-01-01", null,
                [.. BasicRegimeRules(), Rule("DemolitionRequiresScia", "intervention.Category == \"demolizione\"", ("regime", "scia"))]))
            .Write("regions/03/determination/2021-01-01.json", Overlay("region", "03", "2021-01-01", null, disable: ["DemolitionRequiresScia"]));
        var catalog = await _tree.LoadCleanAsync();
        var demolition = new InterventionFacts { Category = "demolizione" };

        Assert.That(await RegimeAsync(catalog, "015146", new DateOnly(2022, 1, 1), demolition), Is.EqualTo("cila"));
        Assert.That(await RegimeAsync(catalog, "058091", new DateOnly(2022, 1, 1), demolition), Is.EqualTo("scia"));
    }
}
