using System.Text.Json.Nodes;
using StrategicCities.Core.Determination;
using StrategicCities.Core.Forms;

namespace StrategicCities.Core.Tests.Forms;

[TestFixture]
public sealed class FormFitTests
{
    private static readonly DateOnly June2025 = new(2025, 6, 1);
    private const string Milano = "015146";
    private const string Lecco = "097042";

    private static async Task<JsonObject> ExampleAsync(string form, string version = "2025-05-23")
    {
        var (_, sources, _) = await FormTestContext.GetAsync();
        var path = Path.Combine(sources.SchemasDirectory, "forms", form, "examples", version, "valid", "persona-fisica.json");
        return (JsonObject)JsonNode.Parse(await File.ReadAllTextAsync(path))!;
    }

    private static async Task<ValidationReport> ValidateAsync(JsonNode form, string name, string municipality = Milano, DateOnly? date = null)
    {
        var (_, _, validator) = await FormTestContext.GetAsync();
        var (report, errors) = await validator.ValidateAsync(name, municipality, date ?? June2025, form.ToJsonString());
        Assert.That(errors, Is.Empty);
        return report!;
    }

    [Test]
    public async Task Validate_CilaDeclaringNewConstruction_RegimeMismatchWithThePermitItsRuleAndLegalBasis()
    {
        var form = await ExampleAsync("cila");
        form["intervento"]!["categoria"] = "nuova-costruzione";

        var report = await ValidateAsync(form, "cila");

        var issue = report.Errors.Single(e => e.Code == FormFit.RegimeMismatch);
        Assert.Multiple(() =>
        {
            Assert.That(report.Valid, Is.False);
            Assert.That(issue.Pointer, Is.EqualTo("/intervento"));
            Assert.That(issue.Rule, Is.EqualTo("NewConstructionRequiresPermit"));
            Assert.That(issue.Message.It, Does.Contain("permesso di costruire"));
            Assert.That(issue.Message.En, Does.Contain("building permit"));
            Assert.That(issue.LegalBasis!.Select(b => (b.Instrument, b.Article)), Does.Contain(("dpr380", "10")));
            Assert.That(report.Trace.Where(t => t.RuleSet == DeterminationEngine.RuleSetId && t.Outcome == TraceEntry.Applied).Select(t => t.Rule),
                Does.Contain("NewConstructionRequiresPermit"), "the determination's trace is in the report");
            Assert.That(report.Pinned.Select(p => p.RuleSet), Does.Contain(DeterminationEngine.RuleSetId));
        });
    }

    [Test]
    public async Task Validate_CilaForWorksOnStructuralParts_RegimeMismatchNamingScia()
    {
        var form = await ExampleAsync("cila");
        form["intervento"]!["opereStrutturali"] = true;

        var report = await ValidateAsync(form, "cila");

        var issue = report.Errors.Single(e => e.Code == FormFit.RegimeMismatch);
        Assert.That(issue.Message.En, Does.Contain("SCIA"));
        Assert.That(issue.LegalBasis!.Select(b => (b.Article, b.Paragraph)), Does.Contain(("22", "1")));
    }

    [TestCase("pdc", TestName = "Validate_PermitForHeavyRestructuring_Fits")]
    [TestCase("scia-alternativa", TestName = "Validate_SciaAlternativaWhereArt23Allows_Fits")]
    [TestCase("scia", TestName = "Validate_SciaForLightWorks_FitsAsAStricterTitle")]
    [TestCase("cila", TestName = "Validate_CilaForLightMaintenance_Fits")]
    public async Task Validate_ShippedExample_FitsItsRegime(string name)
    {
        var report = await ValidateAsync(await ExampleAsync(name), name);
        Assert.That(report.Errors.Select(e => e.Code), Has.None.StartsWith("form."));
        Assert.That(report.Pinned.Select(p => p.RuleSet), Does.Contain(DeterminationEngine.RuleSetId));
        Assert.That(report.Trace.Select(t => t.RuleSet), Has.None.EqualTo(DeterminationEngine.RuleSetId), "a fitting form's report carries its pins, not the determination's trace");
    }

    [Test]
    public async Task Validate_SciaForHeavyRestructuring_RegimeMismatchNamingThePermitAndSciaAlternativa()
    {
        var form = await ExampleAsync("scia");
        form["intervento"]!["categoria"] = "ristrutturazione-edilizia";
        form["intervento"]!["aumentoVolume"] = true;

        var report = await ValidateAsync(form, "scia");

        var issue = report.Errors.Single(e => e.Code == FormFit.RegimeMismatch);
        Assert.That(issue.Message.It, Does.Contain("permesso di costruire").And.Contain("SCIA alternativa"));
    }

    [Test]
    public async Task Validate_PermitForLightMaintenance_FitsAsAStricterTitle()
    {
        var form = await ExampleAsync("pdc");
        form["intervento"]!["categoria"] = "manutenzione-straordinaria";
        form["intervento"]!["aumentoVolume"] = false;

        var report = await ValidateAsync(form, "pdc");

        Assert.That(report.Errors.Select(e => e.Code), Does.Not.Contain(FormFit.RegimeMismatch));
    }

    [Test]
    public async Task Validate_CilOfTemporaryWorksBeyond180Days_RegimeMismatch()
    {
        var form = await ExampleAsync("cil", "2017-06-30");
        form["intervento"]!["durataGiorni"] = 200;

        var report = await ValidateAsync(form, "cil");

        Assert.That(report.Errors.Select(e => e.Code), Does.Contain(FormFit.RegimeMismatch));
    }

    [TestCase("agibilita", "2017-06-30")]
    [TestCase("inizio-lavori", "2017-06-30")]
    public async Task Validate_FormThatIsNotATitle_IsNotDetermined(string name, string version)
    {
        var report = await ValidateAsync(await ExampleAsync(name, version), name);
        Assert.That(report.Pinned.Select(p => p.RuleSet), Does.Not.Contain(DeterminationEngine.RuleSetId));
    }

    [Test]
    public async Task Validate_MilanoExampleForLecco_LocationMismatchAtTheMunicipalityPointer()
    {
        var report = await ValidateAsync(await ExampleAsync("scia"), "scia", Lecco);

        var issue = report.Errors.Single(e => e.Code == FormFit.LocationMismatch);
        Assert.Multiple(() =>
        {
            Assert.That(report.Valid, Is.False);
            Assert.That(issue.Pointer, Is.EqualTo("/ubicazione/indirizzo/codiceIstat"));
            Assert.That(issue.Message.It, Does.Contain("Milano").And.Contain("Lecco"));
            Assert.That(issue.LegalBasis, Is.Not.Empty);
        });
    }

    [Test]
    public async Task Validate_MilanoNamedWithoutIstatCodeForLecco_LocationMismatchAtTheName()
    {
        var form = await ExampleAsync("scia");
        form["ubicazione"]!["indirizzo"]!.AsObject().Remove("codiceIstat");
        form["ubicazione"]!["indirizzo"]!["comune"] = "MILANO";

        var forLecco = await ValidateAsync(form, "scia", Lecco);
        var forMilano = await ValidateAsync(form, "scia", Milano);

        Assert.That(forLecco.Errors.Where(e => e.Code == FormFit.LocationMismatch).Select(e => e.Pointer), Is.EqualTo(new[] { "/ubicazione/indirizzo/comune" }));
        Assert.That(forMilano.Errors.Select(e => e.Code), Does.Not.Contain(FormFit.LocationMismatch));
    }

    [Test]
    public async Task Validate_UnknownPlaceNameWithoutIstatCode_IsNotGuessedAMismatch()
    {
        var form = await ExampleAsync("scia");
        form["ubicazione"]!["indirizzo"]!.AsObject().Remove("codiceIstat");
        form["ubicazione"]!["indirizzo"]!["comune"] = "Milano (MI)";

        var report = await ValidateAsync(form, "scia", Milano);

        Assert.That(report.Errors.Select(e => e.Code), Does.Not.Contain(FormFit.LocationMismatch));
    }

    [Test]
    public void Admissible_LighterTitleOrCil_IsNot()
    {
        Assert.Multiple(() =>
        {
            Assert.That(FormFit.Admissible("cila", "permesso-di-costruire", []), Is.False);
            Assert.That(FormFit.Admissible("scia-alternativa", "permesso-di-costruire", []), Is.False);
            Assert.That(FormFit.Admissible("scia-alternativa", "permesso-di-costruire", ["scia-alternativa"]), Is.True);
            Assert.That(FormFit.Admissible("permesso-di-costruire", "scia", []), Is.True);
            Assert.That(FormFit.Admissible("cil", "cila", []), Is.False);
        });
    }
}
