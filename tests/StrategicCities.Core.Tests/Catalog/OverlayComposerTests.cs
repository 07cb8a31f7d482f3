using StrategicCities.Core.Catalog;
using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Tests.Catalog;

/// <summary>
/// The composer on file versions built in memory: what each layer may disable, override and add, and that one
/// refusal anywhere refuses the whole composition (null) while every refusal is reported.
/// </summary>
[TestFixture]
public sealed class OverlayComposerTests
{
    private const string NationalFile = "national/determination/2020-01-01.json";
    private const string RegionFile = "regions/03/determination/2020-01-01.json";
    private const string MunicipalityFile = "municipalities/015146/determination/2020-01-01.json";

    private static readonly LegalBasis Basis = new("dpr380", "10");

    private static RuleFileHeader Header(Layer layer, string jurisdiction, string file) => new()
    {
        Id = "determination",
        Layer = layer,
        Jurisdiction = jurisdiction,
        Version = "2020-01-01",
        Validity = new Validity(new DateOnly(2020, 1, 1), null),
        Instruments = [],
        File = file,
        ContentHash = "sha256:" + file,
    };

    private static RuleDefinition Rule(string name, string workflow = "regime", bool local = false, string? extends = null, string file = NationalFile) => new()
    {
        Name = name,
        Expression = "true",
        Workflow = workflow,
        LegalBasis = [Basis],
        Messages = new LocalizedText(name, name),
        LocalVariationAllowed = local,
        Extends = extends,
        Origin = new RuleOrigin("determination", "national", "IT", "2020-01-01", file),
        Json = "{}",
    };

    /// <summary>Two workflows; Protected is closed to municipalities, Local open to them.</summary>
    private static RuleSetVersion National(params ExtensionPoint[] points) => new(
        Header(Layer.National, "IT", NationalFile),
        points,
        [
            new WorkflowDefinition("regime", [Rule("Protected"), Rule("Local", local: true), Rule("Last", local: true)]),
            new WorkflowDefinition("documents", [Rule("Report", "documents", local: true)]),
        ]);

    private static ExtensionPoint Point(string id, string workflow, params Layer[] allowedFor) =>
        new(id, workflow, allowedFor, null, [Basis]);

    private static OverlayVersion Overlay(
        Layer layer,
        IReadOnlyList<DisabledRule>? disable = null,
        IReadOnlyList<RuleDefinition>? @override = null,
        IReadOnlyList<RuleDefinition>? add = null)
    {
        var file = layer == Layer.Region ? RegionFile : MunicipalityFile;
        return new OverlayVersion(
            Header(layer, layer == Layer.Region ? "03" : "015146", file), "determination", add ?? [], @override ?? [], disable ?? []);
    }

    private static DisabledRule Disable(string rule) => new(rule, new LocalizedText("non serve", "not needed"), [Basis]);

    private static string[] Names(ComposedRuleSet composed, string workflow) =>
        [.. composed.Workflows.Single(w => w.Name == workflow).Rules.Select(r => r.Name)];

    [Test]
    public void Compose_NoOverlay_KeepsNationalWorkflowsAndOrder()
    {
        var problems = new List<CatalogProblem>();

        var composed = OverlayComposer.Compose(National(), null, null, problems);

        Assert.That(composed, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(composed!.Workflows.Select(w => w.Name), Is.EqualTo(new[] { "regime", "documents" }));
            Assert.That(Names(composed, "regime"), Is.EqualTo(new[] { "Protected", "Local", "Last" }));
            Assert.That(composed.Disabled, Is.Empty);
            Assert.That(composed.Region, Is.Null);
            Assert.That(composed.Municipality, Is.Null);
        });
    }

    [Test]
    public void Compose_MunicipalityDisablesRuleOpenToIt_RemovesTheRuleAndRecordsIt()
    {
        var municipality = Overlay(Layer.Municipality, disable: [Disable("Local")]);
        var problems = new List<CatalogProblem>();

        var composed = OverlayComposer.Compose(National(), null, municipality, problems);

        Assert.That(composed, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(Names(composed!, "regime"), Is.EqualTo(new[] { "Protected", "Last" }));
            Assert.That(composed!.Disabled, Has.Count.EqualTo(1));
            Assert.That(composed.Disabled[0].Overlay, Is.SameAs(municipality));
            Assert.That(composed.Disabled[0].Disabled.Rule, Is.EqualTo("Local"));
            Assert.That(composed.Municipality, Is.SameAs(municipality));
        });
    }

    [Test]
    public void Compose_MunicipalityDisablesRuleClosedToIt_RefusesCompositionNamingFileRuleAndLaw()
    {
        var national = National();
        var problems = new List<CatalogProblem>();

        var composed = OverlayComposer.Compose(national, null, Overlay(Layer.Municipality, disable: [Disable("Protected")]), problems);

        Assert.Multiple(() =>
        {
            Assert.That(composed, Is.Null);
            Assert.That(problems, Has.Count.EqualTo(1));
            Assert.That(problems[0].Code, Is.EqualTo("overlay.not-permitted"));
            Assert.That(problems[0].File, Is.EqualTo(MunicipalityFile));
            Assert.That(problems[0].Rule, Is.EqualTo("Protected"));
            Assert.That(problems[0].Message, Does.Contain("disable").And.Contain("'Protected'").And.Contain(NationalFile).And.Contain("D.Lgs. 126/2016"));
            // The national version itself is never changed by a composition.
            Assert.That(national.Workflows[0].Rules.Select(r => r.Name), Is.EqualTo(new[] { "Protected", "Local", "Last" }));
        });
    }

    [Test]
    public void Compose_MunicipalityOverridesRuleClosedToIt_RefusesComposition()
    {
        var problems = new List<CatalogProblem>();

        var composed = OverlayComposer.Compose(
            National(), null, Overlay(Layer.Municipality, @override: [Rule("Protected", workflow: "", file: MunicipalityFile)]), problems);

        Assert.Multiple(() =>
        {
            Assert.That(composed, Is.Null);
            Assert.That(problems.Select(p => (p.Code, p.Rule)), Is.EqualTo(new[] { ("overlay.not-permitted", (string?)"Protected") }));
            Assert.That(problems[0].Message, Does.Contain("override"));
        });
    }

    [Test]
    [Description("A refused disable leaves the rule in place: adding a rule of the same name is then refused as a duplicate too.")]
    public void Compose_MunicipalityDisablesClosedRuleThenAddsItsName_RuleStaysAndDuplicateIsReported()
    {
        var national = National(Point("extra", "regime", Layer.Municipality));
        var municipality = Overlay(Layer.Municipality,
            disable: [Disable("Protected")],
            add: [Rule("Protected", workflow: "", extends: "extra", file: MunicipalityFile)]);
        var problems = new List<CatalogProblem>();

        var composed = OverlayComposer.Compose(national, null, municipality, problems);

        Assert.Multiple(() =>
        {
            Assert.That(composed, Is.Null);
            Assert.That(problems.Select(p => p.Code), Is.EqualTo(new[] { "overlay.not-permitted", "rule.duplicate-name" }));
            Assert.That(problems[1].Message, Does.Contain("'regime'").And.Contain(NationalFile));
        });
    }

    [Test]
    public void Compose_MunicipalityOverridesRuleOpenToIt_ReplacesTheRuleInPlaceInItsWorkflow()
    {
        var replacement = Rule("Local", workflow: "", local: true, file: MunicipalityFile) with { Expression = "false" };
        var problems = new List<CatalogProblem>();

        var composed = OverlayComposer.Compose(National(), null, Overlay(Layer.Municipality, @override: [replacement]), problems);

        Assert.That(composed, Is.Not.Null);
        var rules = composed!.Workflows.Single(w => w.Name == "regime").Rules;
        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(rules.Select(r => r.Name), Is.EqualTo(new[] { "Protected", "Local", "Last" }));
            Assert.That(rules[1].Expression, Is.EqualTo("false"));
            Assert.That(rules[1].Origin.File, Is.EqualTo(MunicipalityFile));
            Assert.That(rules[1].Workflow, Is.EqualTo("regime"), "the overriding rule takes the workflow of the rule it replaces");
        });
    }

    [Test]
    [Description("Regions may touch any rule: only municipalities are limited to rules marked localVariation: allowed.")]
    public void Compose_RegionDisablesAndOverridesRulesClosedToMunicipalities_Succeeds()
    {
        var region = Overlay(Layer.Region,
            disable: [Disable("Protected")],
            @override: [Rule("Report", workflow: "", file: RegionFile) with { Expression = "false" }]);
        var problems = new List<CatalogProblem>();

        var composed = OverlayComposer.Compose(National(), region, null, problems);

        Assert.That(composed, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(Names(composed!, "regime"), Is.EqualTo(new[] { "Local", "Last" }));
            Assert.That(composed!.Workflows.Single(w => w.Name == "documents").Rules.Single().Expression, Is.EqualTo("false"));
            Assert.That(composed.Workflows.Single(w => w.Name == "documents").Rules.Single().Workflow, Is.EqualTo("documents"));
            Assert.That(composed.Region, Is.SameAs(region));
        });
    }

    [Test]
    public void Compose_DisableOrOverrideUnknownRule_RefusedNamingTheNationalVersion()
    {
        var municipality = Overlay(Layer.Municipality,
            disable: [Disable("Missing")],
            @override: [Rule("AlsoMissing", workflow: "", file: MunicipalityFile)]);
        var problems = new List<CatalogProblem>();

        var composed = OverlayComposer.Compose(National(), null, municipality, problems);

        Assert.Multiple(() =>
        {
            Assert.That(composed, Is.Null);
            Assert.That(problems.Select(p => (p.Code, p.Rule)), Is.EqualTo(new[]
            {
                ("overlay.unknown-rule", (string?)"Missing"),
                ("overlay.unknown-rule", "AlsoMissing"),
            }));
            Assert.That(problems[0].Message, Does.Contain("disable").And.Contain("determination version 2020-01-01"));
            Assert.That(problems[1].Message, Does.Contain("override"));
        });
    }

    [Test]
    public void Compose_RegionRefusedAndMunicipalityClean_RefusesComposition()
    {
        var problems = new List<CatalogProblem>();

        var composed = OverlayComposer.Compose(
            National(), Overlay(Layer.Region, disable: [Disable("Missing")]), Overlay(Layer.Municipality, disable: [Disable("Local")]), problems);

        Assert.Multiple(() =>
        {
            Assert.That(composed, Is.Null);
            Assert.That(problems.Select(p => p.File), Is.EqualTo(new[] { RegionFile }));
        });
    }

    [Test]
    public void Compose_RegionCleanAndMunicipalityRefused_RefusesComposition()
    {
        var problems = new List<CatalogProblem>();

        var composed = OverlayComposer.Compose(
            National(), Overlay(Layer.Region, disable: [Disable("Protected")]), Overlay(Layer.Municipality, disable: [Disable("Missing")]), problems);

        Assert.Multiple(() =>
        {
            Assert.That(composed, Is.Null);
            Assert.That(problems.Select(p => p.File), Is.EqualTo(new[] { MunicipalityFile }));
        });
    }

    [Test]
    public void Compose_BothLayersRefused_ReportsEveryRefusalOfBothFiles()
    {
        var problems = new List<CatalogProblem>();

        var composed = OverlayComposer.Compose(
            National(),
            Overlay(Layer.Region, disable: [Disable("Missing"), Disable("AlsoMissing")]),
            Overlay(Layer.Municipality, disable: [Disable("Protected")]),
            problems);

        Assert.Multiple(() =>
        {
            Assert.That(composed, Is.Null);
            Assert.That(problems.Select(p => (p.File, p.Code)), Is.EqualTo(new[]
            {
                (RegionFile, "overlay.unknown-rule"),
                (RegionFile, "overlay.unknown-rule"),
                (MunicipalityFile, "overlay.not-permitted"),
            }));
        });
    }

    [Test]
    public void Compose_RegionAndMunicipalityBothClean_AppliesRegionThenMunicipality()
    {
        var national = National(Point("extra", "documents", Layer.Region, Layer.Municipality));
        var region = Overlay(Layer.Region, add: [Rule("RegionalReport", workflow: "", extends: "extra", local: true, file: RegionFile)]);
        var municipality = Overlay(Layer.Municipality, disable: [Disable("RegionalReport")]);
        var problems = new List<CatalogProblem>();

        var composed = OverlayComposer.Compose(national, region, municipality, problems);

        Assert.That(composed, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(Names(composed!, "documents"), Is.EqualTo(new[] { "Report" }));
            Assert.That(composed!.Disabled.Select(d => d.Disabled.Rule), Is.EqualTo(new[] { "RegionalReport" }));
        });
    }

    [Test]
    public void Compose_AddAtOpenExtensionPoint_AppendsToThePointsWorkflow()
    {
        var national = National(Point("extra", "documents", Layer.Municipality));
        var problems = new List<CatalogProblem>();

        var composed = OverlayComposer.Compose(
            national, null, Overlay(Layer.Municipality, add: [Rule("MilanoReport", workflow: "", extends: "extra", file: MunicipalityFile)]), problems);

        Assert.That(composed, Is.Not.Null);
        var documents = composed!.Workflows.Single(w => w.Name == "documents").Rules;
        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(documents.Select(r => r.Name), Is.EqualTo(new[] { "Report", "MilanoReport" }));
            Assert.That(documents[1].Workflow, Is.EqualTo("documents"));
            Assert.That(Names(composed, "regime"), Is.EqualTo(new[] { "Protected", "Local", "Last" }));
        });
    }

    [Test]
    public void Compose_AddAtUndeclaredExtensionPoint_RefusedListingTheDeclaredPoints()
    {
        var national = National(Point("extra", "documents", Layer.Municipality), Point("more", "regime", Layer.Region));
        var problems = new List<CatalogProblem>();

        var composed = OverlayComposer.Compose(
            national, null, Overlay(Layer.Municipality, add: [Rule("MilanoReport", extends: "nowhere", file: MunicipalityFile)]), problems);

        Assert.Multiple(() =>
        {
            Assert.That(composed, Is.Null);
            Assert.That(problems.Select(p => (p.Code, p.Rule)), Is.EqualTo(new[] { ("overlay.unknown-extension-point", (string?)"MilanoReport") }));
            Assert.That(problems[0].Message, Does.Contain("'nowhere'").And.Contain("(declared: extra, more)"));
        });
    }

    [Test]
    public void Compose_AddWhenNoExtensionPointIsDeclared_RefusedWithoutADeclaredList()
    {
        var problems = new List<CatalogProblem>();

        var composed = OverlayComposer.Compose(
            National(), null, Overlay(Layer.Municipality, add: [Rule("MilanoReport", extends: "extra", file: MunicipalityFile)]), problems);

        Assert.Multiple(() =>
        {
            Assert.That(composed, Is.Null);
            Assert.That(problems.Single().Code, Is.EqualTo("overlay.unknown-extension-point"));
            Assert.That(problems.Single().Message, Does.Not.Contain("declared:"));
        });
    }

    [Test]
    public void Compose_MunicipalityAddsAtPointOpenToRegionsOnly_RefusedNamingWhoMay()
    {
        var national = National(Point("regional", "regime", Layer.Region));
        var problems = new List<CatalogProblem>();

        var composed = OverlayComposer.Compose(
            national, null, Overlay(Layer.Municipality, add: [Rule("Protected", extends: "regional", file: MunicipalityFile)]), problems);

        Assert.Multiple(() =>
        {
            Assert.That(composed, Is.Null);
            // The name clash is not reported as well: a closed point ends the check of that rule.
            Assert.That(problems.Select(p => (p.Code, p.Rule)), Is.EqualTo(new[] { ("overlay.extension-point-not-open", (string?)"Protected") }));
            Assert.That(problems[0].Message, Does.Contain("open to region only, not to a municipality"));
        });
    }

    [Test]
    public void Compose_AddWithNameOfExistingRule_RefusedAsDuplicate()
    {
        var national = National(Point("extra", "documents", Layer.Municipality));
        var problems = new List<CatalogProblem>();

        var composed = OverlayComposer.Compose(
            national, null, Overlay(Layer.Municipality, add: [Rule("Report", extends: "extra", file: MunicipalityFile)]), problems);

        Assert.Multiple(() =>
        {
            Assert.That(composed, Is.Null);
            Assert.That(problems.Select(p => (p.Code, p.Rule)), Is.EqualTo(new[] { ("rule.duplicate-name", (string?)"Report") }));
            Assert.That(problems[0].Message, Does.Contain("'documents'"));
        });
    }

    [Test]
    public void Compose_RegionAddsAtPointOpenToRegions_Succeeds()
    {
        var national = National(Point("regional", "regime", Layer.Region));
        var problems = new List<CatalogProblem>();

        var composed = OverlayComposer.Compose(
            national, Overlay(Layer.Region, add: [Rule("Lombardy", extends: "regional", file: RegionFile)]), null, problems);

        Assert.That(composed, Is.Not.Null);
        Assert.That(Names(composed!, "regime"), Is.EqualTo(new[] { "Protected", "Local", "Last", "Lombardy" }));
    }
}
