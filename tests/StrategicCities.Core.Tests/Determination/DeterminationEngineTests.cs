using StrategicCities.Core.Catalog;
using StrategicCities.Core.Determination;
using StrategicCities.Core.Tests.Support;
using static StrategicCities.Core.Tests.Support.RuleTree;

namespace StrategicCities.Core.Tests.Determination;

[TestFixture]
public sealed class DeterminationEngineTests
{
    [Test]
    public async Task Determine_RuleExpressionThrows_IsFaultNotIneligible()
    {
        using var tree = new RuleTree();
        tree.Write("national/determination/2020-01-01.json", National("2020-01-01", null,
            [.. BasicRegimeRules(), Rule("LongCategoriesNeedScia", "intervention.Category.Substring(40) == \"x\"", ("regime", "scia"))]));
        var catalog = await tree.LoadCleanAsync();
        var engine = new DeterminationEngine(catalog, await InterventionReader.CreateAsync(Repository.SchemasDirectory));

        var fault = Assert.ThrowsAsync<RuleEvaluationException>(() =>
            engine.DetermineAsync("058091", new DateOnly(2021, 1, 1), """{"category":"demolizione"}"""));

        Assert.That(fault!.Rule, Is.EqualTo("LongCategoriesNeedScia"));
        Assert.That(fault.Origin.Version, Is.EqualTo("2020-01-01"));
    }

    [Test]
    public async Task Determine_NoRegimeRuleApplies_IsFault()
    {
        using var tree = new RuleTree();
        tree.Write("national/determination/2020-01-01.json", National("2020-01-01", null,
            [Rule("NewConstructionRequiresPermit", "intervention.Category == \"nuova-costruzione\"", ("regime", "permesso-di-costruire"))]));
        var catalog = await tree.LoadCleanAsync();
        var engine = new DeterminationEngine(catalog, await InterventionReader.CreateAsync(Repository.SchemasDirectory));

        Assert.ThrowsAsync<RuleEvaluationException>(() =>
            engine.DetermineAsync("058091", new DateOnly(2021, 1, 1), """{"category":"demolizione"}"""));
    }

    [Test]
    public async Task Determine_ShippedRules_TraceCitesVersionAndLegalBasisOfEveryRule()
    {
        var engine = await Repository.EngineAsync();

        var (result, errors) = await engine.DetermineAsync("015146", new DateOnly(2025, 3, 1),
            """{"category":"manutenzione-straordinaria","structuralParts":true,"seismicZone":2}""");

        Assert.That(errors, Is.Empty);
        Assert.That(result!.Regime, Is.EqualTo("scia"));
        Assert.That(result.Trace, Is.Not.Empty);
        Assert.That(result.Trace, Has.All.Matches<TraceEntry>(t => t.LegalBasis.Count > 0 && t.Version.Length == 10
            && t.Message.It.Length > 0 && t.Message.En.Length > 0));
        Assert.That(result.RuleSets.Select(r => r.Layer), Is.EqualTo(new[] { "national", "region", "municipality" }));
        Assert.That(result.RuleSets, Has.All.Matches<PinnedVersion>(v => v.Hash.StartsWith("sha256:", StringComparison.Ordinal)));
    }

    [Test]
    public async Task Determine_SameInterventionBeforeAndAfterSalvaCasa_DifferentRegime()
    {
        // Change of use between functional categories without works: art. 23-ter as amended by D.L. 69/2024.
        var engine = await Repository.EngineAsync();
        const string useChange = """{"category":"cambio-uso","useChange":{"from":"residenziale","to":"commerciale","withWorks":false,"urbanisticallyRelevant":true}}""";

        var (before, _) = await engine.DetermineAsync("058091", new DateOnly(2024, 5, 29), useChange);
        var (after, _) = await engine.DetermineAsync("058091", new DateOnly(2024, 5, 30), useChange);

        Assert.That(before!.Regime, Is.Not.EqualTo(after!.Regime));
        Assert.That(before.RuleSets[0].Version, Is.Not.EqualTo(after.RuleSets[0].Version));
    }

    [TestCase("""{"category":"nuova-costruzione","floors":3}""", "intervention.unknown-field", "/floors")]
    [TestCase("""{"category":"nuova-costruzione","landscape":"yes"}""", "intervention.wrong-type", "/landscape")]
    [TestCase("""{"category":"villa"}""", "intervention.unknown-value", "/category")]
    [TestCase("""{"structuralParts":true}""", "intervention.missing-field", "/category")]
    [TestCase("""{"category":"nuova-costruzione","seismicZone":7}""", "intervention.out-of-range", "/seismicZone")]
    [TestCase("""{"category":"demolizione","useChange":{"from":"castello"}}""", "intervention.unknown-value", "/useChange/from")]
    [TestCase("""{"category": """, InputError.Codes.NotJson, "")]
    [TestCase("""[1,2]""", "intervention.wrong-type", "")]
    public async Task Determine_BadIntervention_ReturnsCodeAndPointer(string json, string code, string pointer)
    {
        var engine = await Repository.EngineAsync();

        var (result, errors) = await engine.DetermineAsync("015146", new DateOnly(2025, 3, 1), json);

        Assert.That(result, Is.Null);
        Assert.That(errors, Has.Some.Matches<InputError>(e => e.Code == code && e.Pointer == pointer
            && e.Message.It.Length > 0 && e.Message.En.Length > 0));
    }

    [Test]
    public void Regimes_AtLeast_FollowsLegalOrder()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Regimes.AtLeast("permesso-di-costruire", "scia"), Is.True);
            Assert.That(Regimes.AtLeast("scia", "scia"), Is.True);
            Assert.That(Regimes.AtLeast("cila", "scia"), Is.False);
            Assert.That(Regimes.AtLeast("unknown", "edilizia-libera"), Is.False);
            Assert.That(Regimes.RequiresFiling("edilizia-libera"), Is.False);
            Assert.That(Regimes.RequiresFiling("cil"), Is.True);
        });
    }
}
