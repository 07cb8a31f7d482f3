using StrategicCities.Core.Catalog;
using StrategicCities.Core.Diff;
using StrategicCities.Core.Tests.Support;
using static StrategicCities.Core.Tests.Support.RuleTree;

namespace StrategicCities.Core.Tests.Diff;

[TestFixture]
public sealed class RuleSetDiffTests
{
    [Test]
    public async Task Compare_TwoVersions_ReportsAddedRemovedAndChangedRules()
    {
        using var tree = new RuleTree();
        tree.Write("national/determination/2020-01-01.json", National("2020-01-01", "2022-01-01",
                [.. BasicRegimeRules(), Rule("TemporaryWorksUpTo90DaysNeedCil", "intervention.Temporary && intervention.TemporaryDays <= 90", ("regime", "cil")),
                 Rule("GreenhousesAreFree", "false", ("regime", "edilizia-libera"))]))
            .Write("national/determination/2022-01-01.json", National("2022-01-01", null,
                [.. BasicRegimeRules(), Rule("TemporaryWorksUpTo90DaysNeedCil", "intervention.Temporary && intervention.TemporaryDays <= 180", ("regime", "cil")),
                 Rule("PergolasAreFree", "false", ("regime", "edilizia-libera"))]));
        var catalog = await tree.LoadCleanAsync();
        var versions = catalog.Versions("determination");

        var changes = RuleSetDiff.Compare(versions[0].AllRules, versions[1].AllRules);

        Assert.That(changes.Select(c => (c.Change, c.Rule)), Is.EquivalentTo(new[]
        {
            (RuleChange.Added, "PergolasAreFree"),
            (RuleChange.Removed, "GreenhousesAreFree"),
            (RuleChange.Changed, "TemporaryWorksUpTo90DaysNeedCil"),
        }));
        Assert.That(changes.Single(c => c.Change == RuleChange.Changed).Details.Single(), Does.Contain("<= 180"));
    }

    [Test]
    public async Task AgainstNational_RegionDisablesAndMunicipalityAdds_ListsBothWithSources()
    {
        using var tree = new RuleTree();
        tree.Write("national/determination/2020-01-01.json", National("2020-01-01", null,
                [.. BasicRegimeRules(), Rule("DemolitionRequiresScia", "intervention.Category == \"demolizione\"", ("regime", "scia"))]))
            .Write("regions/03/determination/2021-01-01.json", Overlay("region", "03", "2021-01-01", null, disable: ["DemolitionRequiresScia"]))
            .Write("municipalities/015146/determination/2021-01-01.json", Overlay("municipality", "015146", "2021-01-01", null,
                add: [Rule("MilanoNeedsGreenAreaPlan", "true", ("attachment", "piano-del-verde"), extends: "local-attachments")]));
        var catalog = await tree.LoadCleanAsync();
        var composed = catalog.Compose("determination", catalog.Municipalities.Find("015146")!, new DateOnly(2022, 1, 1))!;

        var changes = RuleSetDiff.AgainstNational(composed);

        Assert.That(changes, Has.Count.EqualTo(2));
        Assert.That(changes, Has.One.Matches<RuleChange>(c => c.Change == RuleChange.Removed && c.Rule == "DemolitionRequiresScia"
            && c.Source == "regions/03/determination/2021-01-01.json" && c.Details[0].Contains("Reason", StringComparison.Ordinal)));
        Assert.That(changes, Has.One.Matches<RuleChange>(c => c.Change == RuleChange.Added && c.Rule == "MilanoNeedsGreenAreaPlan"
            && c.Workflow == "attachments"));
    }

    [Test]
    public void Validity_HalfOpen_ContainsFromButNotTo()
    {
        var validity = new Validity(new DateOnly(2024, 5, 30), new DateOnly(2024, 7, 28));

        Assert.Multiple(() =>
        {
            Assert.That(validity.Contains(new DateOnly(2024, 5, 30)), Is.True);
            Assert.That(validity.Contains(new DateOnly(2024, 7, 27)), Is.True);
            Assert.That(validity.Contains(new DateOnly(2024, 7, 28)), Is.False);
            Assert.That(validity.Contains(new DateOnly(2024, 5, 29)), Is.False);
            Assert.That(validity.Overlaps(new Validity(new DateOnly(2024, 7, 28), null)), Is.False);
            Assert.That(validity.Overlaps(new Validity(new DateOnly(2024, 7, 27), null)), Is.True);
        });
    }
}
