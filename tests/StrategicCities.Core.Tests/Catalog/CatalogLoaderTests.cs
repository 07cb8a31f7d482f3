using System.Text.Json.Nodes;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Tests.Support;
using static StrategicCities.Core.Tests.Support.RuleTree;

namespace StrategicCities.Core.Tests.Catalog;

[TestFixture]
public sealed class CatalogLoaderTests
{
    private RuleTree _tree = null!;

    [SetUp]
    public void SetUp() => _tree = new RuleTree();

    [TearDown]
    public void TearDown() => _tree.Dispose();

    private RuleTree WithNational() =>
        _tree.Write("national/determination/2020-01-01.json", National("2020-01-01", null, BasicRegimeRules()));

    private async Task<IReadOnlyList<CatalogProblem>> ProblemsAsync()
    {
        var result = await _tree.LoadAsync();
        Assert.That(result.Catalog, Is.Null, "a catalog with problems must be refused whole");
        return result.Problems;
    }

    [Test]
    public async Task Load_ShippedRules_LintClean()
    {
        var result = await CatalogLoader.LoadAsync(Repository.Sources);

        Assert.That(result.Problems.Select(p => p.ToString()), Is.Empty);
        Assert.That(result.Catalog!.Versions("determination"), Has.Count.GreaterThanOrEqualTo(2));
    }

    [Test]
    public async Task Load_MinimalNationalRuleSet_Succeeds()
    {
        WithNational();

        var catalog = await _tree.LoadCleanAsync();

        Assert.That(catalog.Versions("determination").Single().Header.ContentHash, Does.StartWith("sha256:"));
    }

    [Test]
    public async Task Load_MalformedJson_NamesFileAndLine()
    {
        _tree.Write("national/determination/2020-01-01.json", "{\n  \"id\": \"determination\",\n  oops\n}");

        var problems = await ProblemsAsync();

        Assert.That(problems, Has.One.Matches<CatalogProblem>(p =>
            p.File == "national/determination/2020-01-01.json" && p.Code == "json.invalid" && p.Message.Contains("line 3", StringComparison.Ordinal)));
    }

    [Test]
    public async Task Load_RuleWithoutLegalBasis_RefusedNamingTheRule()
    {
        var national = National("2020-01-01", null, BasicRegimeRules());
        ((JsonObject)national["workflows"]![0]!["Rules"]![0]!["Properties"]!).Remove("legalBasis");
        _tree.Write("national/determination/2020-01-01.json", national);

        var problems = await ProblemsAsync();

        Assert.That(problems, Has.Some.Matches<CatalogProblem>(p =>
            p.Code == "meta-schema" && p.Rule == "NewConstructionRequiresPermit" && p.Message.Contains("legalBasis", StringComparison.Ordinal)));
    }

    [Test]
    public async Task Load_RuleWithoutEnglishMessage_Refused()
    {
        var national = National("2020-01-01", null, BasicRegimeRules());
        ((JsonObject)national["workflows"]![0]!["Rules"]![1]!["Properties"]!["messages"]!).Remove("en");
        _tree.Write("national/determination/2020-01-01.json", national);

        var problems = await ProblemsAsync();

        Assert.That(problems, Has.Some.Matches<CatalogProblem>(p =>
            p.Rule == "ResidualInterventionsRequireCila" && p.Message.Contains("'en'", StringComparison.Ordinal)));
    }

    [Test]
    public async Task Load_UnknownInstrument_Refused()
    {
        _tree.Write("national/determination/2020-01-01.json", National("2020-01-01", null,
            [.. BasicRegimeRules(), Rule("CitesNothingKnown", "false", instrument: "lr999")]));

        var problems = await ProblemsAsync();

        Assert.That(problems, Has.One.Matches<CatalogProblem>(p => p.Code == "instrument.unknown" && p.Rule == "CitesNothingKnown"));
    }

    [Test]
    public async Task Load_ExpressionThatDoesNotCompile_Refused()
    {
        _tree.Write("national/determination/2020-01-01.json", National("2020-01-01", null,
            [.. BasicRegimeRules(), Rule("UsesAnUnknownField", "intervention.Storeys > 2")]));

        var problems = await ProblemsAsync();

        Assert.That(problems, Has.One.Matches<CatalogProblem>(p =>
            p.Code == "expression.invalid" && p.Rule == "UsesAnUnknownField" && p.Message.Contains("Storeys", StringComparison.Ordinal)));
    }

    [Test]
    public async Task Load_ExpressionCallingUnregisteredType_Refused()
    {
        _tree.Write("national/determination/2020-01-01.json", National("2020-01-01", null,
            [.. BasicRegimeRules(), Rule("ReadsTheDisk", "System.IO.File.Exists(\"/etc/passwd\")")]));

        var problems = await ProblemsAsync();

        Assert.That(problems, Has.One.Matches<CatalogProblem>(p => p.Code == "expression.invalid" && p.Rule == "ReadsTheDisk"));
    }

    [Test]
    public async Task Load_DuplicateRuleNameInFile_Refused()
    {
        _tree.Write("national/determination/2020-01-01.json", National("2020-01-01", null,
            [.. BasicRegimeRules(), Rule("NewConstructionRequiresPermit", "false")]));

        var problems = await ProblemsAsync();

        Assert.That(problems, Has.Some.Matches<CatalogProblem>(p => p.Code == "rule.duplicate-name" && p.Rule == "NewConstructionRequiresPermit"));
    }

    [Test]
    public async Task Load_OverlappingVersions_Refused()
    {
        _tree.Write("national/determination/2020-01-01.json", National("2020-01-01", "2021-06-01", BasicRegimeRules()))
            .Write("national/determination/2021-01-01.json", National("2021-01-01", null, BasicRegimeRules()));

        var problems = await ProblemsAsync();

        Assert.That(problems, Has.One.Matches<CatalogProblem>(p => p.Code == "validity.overlap" && p.File == "national/determination/2021-01-01.json"));
    }

    [Test]
    public async Task Load_GapBetweenVersions_Refused()
    {
        _tree.Write("national/determination/2020-01-01.json", National("2020-01-01", "2020-12-01", BasicRegimeRules()))
            .Write("national/determination/2021-01-01.json", National("2021-01-01", null, BasicRegimeRules()));

        var problems = await ProblemsAsync();

        Assert.That(problems, Has.One.Matches<CatalogProblem>(p => p.Code == "validity.gap" && p.Message.Contains("2020-12-01", StringComparison.Ordinal)));
    }

    [Test]
    public async Task Load_ValidToBeforeValidFrom_Refused()
    {
        _tree.Write("national/determination/2020-01-01.json", National("2020-01-01", "2019-01-01", BasicRegimeRules()));

        var problems = await ProblemsAsync();

        Assert.That(problems, Has.One.Matches<CatalogProblem>(p => p.Code == "validity.invalid"));
    }

    [Test]
    public async Task Load_VersionDifferentFromFileName_Refused()
    {
        _tree.Write("national/determination/2020-02-01.json", National("2020-01-01", null, BasicRegimeRules()));

        var problems = await ProblemsAsync();

        Assert.That(problems, Has.Some.Matches<CatalogProblem>(p => p.Code == "file.misplaced" && p.Message.Contains("2020-02-01.json", StringComparison.Ordinal)));
    }

    [Test]
    public async Task Load_MissingRegistry_Refused()
    {
        WithNational();
        File.Delete(Path.Combine(_tree.Directory, "registry", "municipalities.csv"));

        var problems = await ProblemsAsync();

        Assert.That(problems, Has.One.Matches<CatalogProblem>(p => p.Code == "registry.missing"));
    }

    [Test]
    public async Task Load_OverlayAtUnknownExtensionPoint_Refused()
    {
        WithNational().Write("municipalities/015146/determination/2021-01-01.json", Overlay("municipality", "015146", "2021-01-01", null,
            add: [Rule("MilanoAsksForAFeasibilityStudy", "true", ("attachment", "studio"), extends: "local-everything")]));

        var problems = await ProblemsAsync();

        Assert.That(problems, Has.One.Matches<CatalogProblem>(p =>
            p.Code == "overlay.unknown-extension-point" && p.Rule == "MilanoAsksForAFeasibilityStudy"
            && p.File == "municipalities/015146/determination/2021-01-01.json"));
    }

    [Test]
    public async Task Load_MunicipalityAddingAtRegionOnlyPoint_Refused()
    {
        WithNational().Write("municipalities/015146/determination/2021-01-01.json", Overlay("municipality", "015146", "2021-01-01", null,
            add: [Rule("MilanoMakesGardensScia", "true", ("regime", "scia"), extends: "regional-regime")]));

        var problems = await ProblemsAsync();

        Assert.That(problems, Has.One.Matches<CatalogProblem>(p => p.Code == "overlay.extension-point-not-open" && p.Message.Contains("region", StringComparison.Ordinal)));
    }

    [Test]
    public async Task Load_MunicipalityOverridingClosedRule_RefusedWithReason()
    {
        WithNational().Write("municipalities/015146/determination/2021-01-01.json", Overlay("municipality", "015146", "2021-01-01", null,
            @override: [Rule("NewConstructionRequiresPermit", "false", ("regime", "scia"))]));

        var problems = await ProblemsAsync();

        Assert.That(problems, Has.One.Matches<CatalogProblem>(p =>
            p.Code == "overlay.not-permitted" && p.Rule == "NewConstructionRequiresPermit"
            && p.Message.Contains("localVariation", StringComparison.Ordinal)));
    }

    [Test]
    public async Task Load_MunicipalityDisablingClosedRule_Refused()
    {
        WithNational().Write("municipalities/015146/determination/2021-01-01.json", Overlay("municipality", "015146", "2021-01-01", null,
            disable: ["NewConstructionRequiresPermit"]));

        var problems = await ProblemsAsync();

        Assert.That(problems, Has.One.Matches<CatalogProblem>(p => p.Code == "overlay.not-permitted" && p.Message.Contains("disable", StringComparison.Ordinal)));
    }

    [Test]
    public async Task Load_MunicipalityOverridingOpenRule_Accepted()
    {
        _tree.Write("national/determination/2020-01-01.json", National("2020-01-01", null, BasicRegimeRules(residualOpen: true)))
            .Write("municipalities/015146/determination/2021-01-01.json", Overlay("municipality", "015146", "2021-01-01", null,
                @override: [Rule("ResidualInterventionsRequireCila", "true", ("regime", "scia"))]));

        var catalog = await _tree.LoadCleanAsync();

        Assert.That(catalog.Overlays, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Load_RegionOverridingClosedRule_Accepted()
    {
        WithNational().Write("regions/03/determination/2021-01-01.json", Overlay("region", "03", "2021-01-01", null,
            @override: [Rule("NewConstructionRequiresPermit", "intervention.Category == \"nuova-costruzione\" && !intervention.DetailedPlan", ("regime", "permesso-di-costruire"))]));

        var catalog = await _tree.LoadCleanAsync();

        Assert.That(catalog.Overlays.Single().Header.Layer, Is.EqualTo(Layer.Region));
    }

    [Test]
    public async Task Load_OverrideOfUnknownRule_Refused()
    {
        WithNational().Write("regions/03/determination/2021-01-01.json", Overlay("region", "03", "2021-01-01", null,
            @override: [Rule("NoSuchRule", "true")]));

        var problems = await ProblemsAsync();

        Assert.That(problems, Has.One.Matches<CatalogProblem>(p => p.Code == "overlay.unknown-rule" && p.Rule == "NoSuchRule"));
    }

    [Test]
    public async Task Load_AddedRuleReusingNationalName_Refused()
    {
        WithNational().Write("regions/03/determination/2021-01-01.json", Overlay("region", "03", "2021-01-01", null,
            add: [Rule("NewConstructionRequiresPermit", "true", ("attachment", "x"), extends: "local-attachments")]));

        var problems = await ProblemsAsync();

        Assert.That(problems, Has.One.Matches<CatalogProblem>(p => p.Code == "rule.duplicate-name"));
    }

    [Test]
    public async Task Load_OverlayStartingBeforeFirstNationalVersion_Refused()
    {
        WithNational().Write("regions/03/determination/2019-01-01.json", Overlay("region", "03", "2019-01-01", null));

        var problems = await ProblemsAsync();

        Assert.That(problems, Has.One.Matches<CatalogProblem>(p => p.Code == "validity.before-overlaid"));
    }

    [Test]
    public async Task Load_OverlayOfUnknownMunicipality_Refused()
    {
        WithNational().Write("municipalities/999999/determination/2021-01-01.json", Overlay("municipality", "999999", "2021-01-01", null));

        var problems = await ProblemsAsync();

        Assert.That(problems, Has.One.Matches<CatalogProblem>(p => p.Code == "overlay.unknown-jurisdiction"));
    }

    [Test]
    public async Task Load_OverlayOverridingRuleRemovedInLaterNationalVersion_RefusedForThatVersion()
    {
        // The overlay spans both national versions; the rule it overrides only exists in the first.
        _tree.Write("national/determination/2020-01-01.json", National("2020-01-01", "2022-01-01",
                [.. BasicRegimeRules(), Rule("GreenhousesAreFree", "false", ("regime", "edilizia-libera"))]))
            .Write("national/determination/2022-01-01.json", National("2022-01-01", null, BasicRegimeRules()))
            .Write("regions/03/determination/2021-01-01.json", Overlay("region", "03", "2021-01-01", null,
                @override: [Rule("GreenhousesAreFree", "intervention.Temporary", ("regime", "edilizia-libera"))]));

        var problems = await ProblemsAsync();

        Assert.That(problems, Has.One.Matches<CatalogProblem>(p =>
            p.Code == "overlay.unknown-rule" && p.Rule == "GreenhousesAreFree" && p.Message.Contains("2022-01-01", StringComparison.Ordinal)));
    }

    [Test]
    public async Task Load_OverlappingOverlayVersions_Refused()
    {
        WithNational()
            .Write("regions/03/determination/2021-01-01.json", Overlay("region", "03", "2021-01-01", null))
            .Write("regions/03/determination/2022-01-01.json", Overlay("region", "03", "2022-01-01", null));

        var problems = await ProblemsAsync();

        Assert.That(problems, Has.One.Matches<CatalogProblem>(p => p.Code == "validity.overlap" && p.File.StartsWith("regions/03", StringComparison.Ordinal)));
    }

    [Test]
    public async Task Load_ShippedRulesWithRefusedOverrideFixture_RefusedNamingFileRuleAndReason()
    {
        // The fixture is the refused override of the issue: Napoli overriding a national regime rule not open to local variation.
        CopyDirectory(Repository.Sources.RulesDirectory, _tree.Directory);
        CopyDirectory(Path.Combine(AppContext.BaseDirectory, "Fixtures", "refused-override"), _tree.Directory);

        var problems = await ProblemsAsync();

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0].File, Is.EqualTo("municipalities/063049/determination/2025-01-01.json"));
        Assert.That(problems[0].Code, Is.EqualTo("overlay.not-permitted"));
        Assert.That(problems[0].Rule, Is.Not.Null.And.Not.Empty);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
