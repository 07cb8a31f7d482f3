using StrategicCities.Core.Catalog;
using StrategicCities.Core.Tests.Support;
using static StrategicCities.Core.Tests.Support.RuleTree;

namespace StrategicCities.Core.Tests.Catalog;

/// <summary>
/// Which file version a date selects at the edges of its half-open validity [validFrom, validTo), which files a
/// pinned case composes, and what a re-pin moves it to.
/// </summary>
[TestFixture]
public sealed class RuleCatalogSelectionTests
{
    private const string Milano = "015146";
    private const string Roma = "058091";
    private const string Lombardia = "03";

    private RuleTree _tree = null!;

    [SetUp]
    public void SetUp() => _tree = new RuleTree();

    [TearDown]
    public void TearDown() => _tree.Dispose();

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    /// <summary>
    /// National 2020-01-01 (two revisions) until 2022-01-01, then 2022-01-01; Lombardia's overlay from 2021-01-01;
    /// Milano's from 2021-06-01 until 2021-12-01.
    /// </summary>
    private async Task<RuleCatalog> CatalogAsync()
    {
        _tree.Write("national/determination/2020-01-01.json", National("2020-01-01", "2022-01-01", BasicRegimeRules(residualOpen: true)))
            .Write("national/determination/2020-01-01.r2.json", National("2020-01-01", "2022-01-01",
            [
                Rule("NewConstructionRequiresPermit", "intervention.Category == \"nuova-costruzione\"", ("regime", "permesso-di-costruire")),
                Rule("ResidualInterventionsRequireCila", "intervention.Category != \"nuova-costruzione\"", ("regime", "cila"), localVariation: true),
            ]))
            .Write("national/determination/2022-01-01.json", National("2022-01-01", null, BasicRegimeRules(residualOpen: true)))
            .Write($"regions/{Lombardia}/determination/2021-01-01.json", Overlay("region", Lombardia, "2021-01-01", null,
                @override: [Rule("ResidualInterventionsRequireCila", "true", ("regime", "scia"), localVariation: true)]))
            .Write($"municipalities/{Milano}/determination/2021-06-01.json", Overlay("municipality", Milano, "2021-06-01", "2021-12-01",
                @override: [Rule("ResidualInterventionsRequireCila", "true", ("regime", "cil"))]));
        return await _tree.LoadCleanAsync();
    }

    [Test]
    public async Task NationalVersionAt_EdgesOfValidity_SelectsByHalfOpenInterval()
    {
        var catalog = await CatalogAsync();

        Assert.Multiple(() =>
        {
            Assert.That(catalog.NationalVersionAt("determination", D(2019, 12, 31)), Is.Null, "before the first validFrom");
            Assert.That(catalog.NationalVersionAt("determination", D(2020, 1, 1))?.Header.Version, Is.EqualTo("2020-01-01"), "on validFrom");
            Assert.That(catalog.NationalVersionAt("determination", D(2021, 12, 31))?.Header.Version, Is.EqualTo("2020-01-01"), "the day before validTo");
            Assert.That(catalog.NationalVersionAt("determination", D(2022, 1, 1))?.Header.Version, Is.EqualTo("2022-01-01"), "on validTo");
            Assert.That(catalog.NationalVersionAt("no-such-rule-set", D(2022, 1, 1)), Is.Null);
        });
    }

    [Test]
    public async Task NationalVersionAt_VersionWithRevisions_SelectsTheNewestRevision()
    {
        var catalog = await CatalogAsync();

        Assert.Multiple(() =>
        {
            Assert.That(catalog.NationalVersionAt("determination", D(2020, 6, 1))?.Header.Revision, Is.EqualTo(2));
            Assert.That(catalog.Versions("determination").Select(v => (v.Header.Version, v.Header.Revision)),
                Is.EqualTo(new[] { ("2020-01-01", 2), ("2022-01-01", 1) }));
            Assert.That(catalog.RevisionCount, Is.EqualTo(5), "three national files and two overlays");
        });
    }

    [Test]
    public async Task OverlayAt_EdgesOfValidity_SelectsByHalfOpenInterval()
    {
        var catalog = await CatalogAsync();

        Assert.Multiple(() =>
        {
            Assert.That(catalog.OverlayAt("determination", Layer.Municipality, Milano, D(2021, 5, 31)), Is.Null, "before validFrom");
            Assert.That(catalog.OverlayAt("determination", Layer.Municipality, Milano, D(2021, 6, 1))?.Header.Version, Is.EqualTo("2021-06-01"));
            Assert.That(catalog.OverlayAt("determination", Layer.Municipality, Milano, D(2021, 11, 30)), Is.Not.Null, "the day before validTo");
            Assert.That(catalog.OverlayAt("determination", Layer.Municipality, Milano, D(2021, 12, 1)), Is.Null, "on validTo");
            Assert.That(catalog.OverlayAt("determination", Layer.Municipality, Roma, D(2021, 7, 1)), Is.Null, "another municipality");
            Assert.That(catalog.OverlayAt("determination", Layer.Region, Milano, D(2021, 7, 1)), Is.Null, "another layer");
            Assert.That(catalog.OverlayAt("determination", Layer.Region, Lombardia, D(2021, 1, 1))?.Header.Layer, Is.EqualTo(Layer.Region));
            Assert.That(catalog.OverlayAt("forms/cila", Layer.Region, Lombardia, D(2021, 1, 1)), Is.Null, "another rule set");
        });
    }

    [Test]
    public async Task Compose_MunicipalityWithBothOverlays_ComposesTheFilesInForce()
    {
        var catalog = await CatalogAsync();
        var milano = catalog.Municipalities.Find(Milano)!;

        var withBoth = catalog.Compose("determination", milano, D(2021, 7, 1));
        var afterMilanos = catalog.Compose("determination", milano, D(2021, 12, 1));

        Assert.Multiple(() =>
        {
            Assert.That(withBoth!.Layers.Select(l => l.File), Is.EqualTo(new[]
            {
                "national/determination/2020-01-01.r2.json",
                "regions/03/determination/2021-01-01.json",
                "municipalities/015146/determination/2021-06-01.json",
            }));
            Assert.That(afterMilanos!.Municipality, Is.Null);
            Assert.That(afterMilanos.Region, Is.Not.Null);
            Assert.That(catalog.Compose("determination", milano, D(2019, 1, 1)), Is.Null, "no national version in force");
            Assert.That(catalog.Compose("determination", milano, D(2021, 7, 1)), Is.SameAs(withBoth), "composed once");
        });
    }

    [Test]
    public async Task ComposePinned_NoPinOfThisRuleSet_ComposesWhatTheDateSelects()
    {
        var catalog = await CatalogAsync();
        var milano = catalog.Municipalities.Find(Milano)!;
        PinnedVersion[] otherRuleSet = [new("forms/cila", "national", "IT", "2017-06-30", "sha256:whatever")];

        var (composed, missing) = catalog.ComposePinned("determination", milano, D(2022, 3, 1), otherRuleSet);

        Assert.Multiple(() =>
        {
            Assert.That(missing, Is.Null);
            Assert.That(composed!.National.Header.Version, Is.EqualTo("2022-01-01"));
            Assert.That(composed.Region, Is.Not.Null);
        });
    }

    [Test]
    [Description("A case filed in July 2021 in Milano keeps revision 1 and both overlays, whatever the date now selects.")]
    public async Task ComposePinned_PinnedFiles_ComposesExactlyThoseFiles()
    {
        var catalog = await CatalogAsync();
        var milano = catalog.Municipalities.Find(Milano)!;
        var newest = catalog.NationalVersionAt("determination", D(2021, 7, 1))!.Header;
        var pins = PinsOf(catalog, milano, D(2021, 7, 1));
        pins[0] = pins[0] with { Hash = HashOfRevision1(catalog), Revision = 1 };

        var (composed, missing) = catalog.ComposePinned("determination", milano, D(2023, 1, 1), pins);

        Assert.Multiple(() =>
        {
            Assert.That(missing, Is.Null);
            Assert.That(composed!.National.Header.Revision, Is.EqualTo(1));
            Assert.That(composed.National.Header.ContentHash, Is.Not.EqualTo(newest.ContentHash));
            Assert.That(composed.Region!.Header.Layer, Is.EqualTo(Layer.Region));
            Assert.That(composed.Municipality!.Header.Layer, Is.EqualTo(Layer.Municipality));
        });
    }

    [Test]
    public async Task ComposePinned_PinOfAFileThisDeploymentLacks_ReturnsThatPin()
    {
        var catalog = await CatalogAsync();
        var milano = catalog.Municipalities.Find(Milano)!;
        var pins = PinsOf(catalog, milano, D(2021, 7, 1));
        var unknownNational = pins[0] with { Hash = "sha256:unknown" };
        var unknownOverlay = pins[2] with { Hash = "sha256:unknown-overlay" };

        var national = catalog.ComposePinned("determination", milano, D(2021, 7, 1), [unknownNational, pins[1], pins[2]]);
        var overlay = catalog.ComposePinned("determination", milano, D(2021, 7, 1), [pins[0], pins[1], unknownOverlay]);

        Assert.Multiple(() =>
        {
            Assert.That(national.Composed, Is.Null);
            Assert.That(national.Missing, Is.SameAs(unknownNational));
            Assert.That(overlay.Composed, Is.Null);
            Assert.That(overlay.Missing, Is.SameAs(unknownOverlay));
        });
    }

    [Test]
    public async Task ComposePinned_OnlyAnOverlayPinned_ComposesNothing()
    {
        var catalog = await CatalogAsync();
        var milano = catalog.Municipalities.Find(Milano)!;
        var pins = PinsOf(catalog, milano, D(2021, 7, 1));

        var (composed, missing) = catalog.ComposePinned("determination", milano, D(2021, 7, 1), [pins[1]]);

        Assert.Multiple(() =>
        {
            Assert.That(composed, Is.Null);
            Assert.That(missing, Is.Null);
        });
    }

    [Test]
    public async Task NewestRevisionOf_PinOfRevision1_MovesToTheNewestRevisionOfTheSameVersion()
    {
        var catalog = await CatalogAsync();
        var milano = catalog.Municipalities.Find(Milano)!;
        var pins = PinsOf(catalog, milano, D(2021, 7, 1));
        var revision1 = pins[0] with { Hash = HashOfRevision1(catalog), Revision = 1 };

        var national = catalog.NewestRevisionOf(revision1);
        var region = catalog.NewestRevisionOf(pins[1]);
        var municipality = catalog.NewestRevisionOf(pins[2]);

        Assert.Multiple(() =>
        {
            Assert.That(national!.Revision, Is.EqualTo(2));
            Assert.That(national.Version, Is.EqualTo("2020-01-01"));
            Assert.That(national.Hash, Is.EqualTo(pins[0].Hash));
            Assert.That(region, Is.EqualTo(pins[1]));
            Assert.That(municipality, Is.EqualTo(pins[2]));
            Assert.That(catalog.NewestRevisionOf(pins[0] with { Version = "2019-01-01" }), Is.Null, "no such national version");
            Assert.That(catalog.NewestRevisionOf(pins[2] with { Version = "2019-01-01" }), Is.Null, "no such overlay version");
            Assert.That(catalog.NewestRevisionOf(pins[2] with { Jurisdiction = Roma }), Is.Null, "no overlay of that municipality");
        });
    }

    [TestCase("01514", InputError.Codes.MunicipalityInvalid, Description = "five digits")]
    [TestCase("0151460", InputError.Codes.MunicipalityInvalid, Description = "seven digits")]
    [TestCase("01514A", InputError.Codes.MunicipalityInvalid, Description = "a letter")]
    [TestCase("999999", InputError.Codes.MunicipalityUnknown, Description = "well formed, no such municipality")]
    public async Task FindMunicipality_BadCode_ReturnsItsError(string code, string expected)
    {
        var catalog = await CatalogAsync();

        var (municipality, error) = catalog.FindMunicipality(code);

        Assert.Multiple(() =>
        {
            Assert.That(municipality, Is.Null);
            Assert.That(error!.Code, Is.EqualTo(expected));
            Assert.That(error.Pointer, Is.EqualTo("/municipality"));
        });
    }

    [Test]
    public async Task NoVersionError_KnownAndUnknownRuleSet_NamesTheFirstVersionWhenThereIsOne()
    {
        var catalog = await CatalogAsync();

        var known = catalog.NoVersionError("determination", D(2019, 1, 1));
        var unknown = catalog.NoVersionError("no-such-rule-set", D(2019, 1, 1));
        var any = catalog.NoVersionError(null, D(2019, 1, 1));

        Assert.Multiple(() =>
        {
            Assert.That(known.Code, Is.EqualTo(InputError.Codes.NoVersion));
            Assert.That(known.Pointer, Is.EqualTo("/legalDate"));
            Assert.That(known.Message.En, Does.Contain("'determination'").And.Contain("2020-01-01"));
            Assert.That(unknown.Message.En, Does.Not.Contain("first version"));
            Assert.That(any.Message.En, Does.Contain("2020-01-01").And.Not.Contain("'"));
        });
    }

    private static PinnedVersion[] PinsOf(RuleCatalog catalog, StrategicCities.Core.Catalog.Municipality municipality, DateOnly date) =>
        [.. catalog.Compose("determination", municipality, date)!.Layers.Select(h => PinnedVersion.Of("determination", h))];

    private static string HashOfRevision1(RuleCatalog catalog)
    {
        var path = Path.Combine(catalog.RulesDirectory, "national", "determination", "2020-01-01.json");
        return ContentHash.Of(File.ReadAllBytes(path));
    }
}
