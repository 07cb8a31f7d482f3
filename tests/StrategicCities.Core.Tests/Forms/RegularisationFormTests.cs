using System.Text.Json.Nodes;
using StrategicCities.Core.Forms;

namespace StrategicCities.Core.Tests.Forms;

/// <summary>The cross-field rules of the regularisation forms: tolerances of art. 34-bis and the fine of art. 6-bis c. 5.</summary>
[TestFixture]
public sealed class RegularisationFormTests
{
    private const string Milano = "015146";
    private const string Tolerance = "sanatoria.entro-tolleranze";

    private static async Task<JsonObject> ExampleAsync(string form, string name)
    {
        var (_, sources, _) = await FormTestContext.GetAsync();
        var path = Path.Combine(sources.SchemasDirectory, "forms", form, "examples", "2025-05-23", "valid", name + ".json");
        return (JsonObject)JsonNode.Parse(await File.ReadAllTextAsync(path))!;
    }

    private static async Task<ValidationReport> ValidateAsync(JsonNode form, string name)
    {
        var (_, _, validator) = await FormTestContext.GetAsync();
        var (report, errors) = await validator.ValidateAsync(name, Milano, new DateOnly(2025, 7, 1), form.ToJsonString());
        Assert.That(errors, Is.Empty);
        return report!;
    }

    private static async Task<ValidationReport> DeviationAsync(string realised, int granted, int built, int usefulArea)
    {
        var form = await ExampleAsync("pdc-sanatoria", "persona-fisica");
        form["sanatoria"]!["dataRealizzazione"] = realised;
        form["sanatoria"]!["scostamento"] = new JsonObject
        {
            ["parametro"] = "altezza", ["misuraAssentita"] = granted, ["misuraRealizzata"] = built, ["superficieUtile"] = usefulArea,
        };
        return await ValidateAsync(form, "pdc-sanatoria");
    }

    [TestCase("1998-06-15", 315, 80, true, TestName = "Validate_FivePerCentOnEightySquareMetresBuiltIn1998_WithinTolerance")]
    [TestCase("1998-06-15", 285, 80, true, TestName = "Validate_FivePerCentShortOnEightySquareMetresBuiltIn1998_WithinTolerance")]
    [TestCase("1998-06-15", 316, 80, false, TestName = "Validate_OverFivePerCentOnEightySquareMetres_Beyond")]
    [TestCase("1998-06-15", 318, 59, true, TestName = "Validate_SixPerCentUnderSixtySquareMetres_WithinTolerance")]
    [TestCase("1998-06-15", 309, 600, false, TestName = "Validate_ThreePerCentOverFiveHundredSquareMetres_Beyond")]
    [TestCase("1998-06-15", 309, 300, true, TestName = "Validate_ThreePerCentAtThreeHundredSquareMetres_WithinTheStricterBand")]
    [TestCase("2024-05-24", 315, 80, true, TestName = "Validate_BuiltOn24May2024_WiderTolerancesStillApply")]
    [TestCase("2024-05-25", 315, 80, false, TestName = "Validate_BuiltAfter24May2024_OnlyTwoPerCent")]
    [TestCase("2024-05-25", 306, 80, true, TestName = "Validate_TwoPerCentBuiltAfter24May2024_WithinTolerance")]
    public async Task Validate_DeviationAgainstArticle34bis(string realised, int built, int usefulArea, bool within)
    {
        var report = await DeviationAsync(realised, 300, built, usefulArea);

        Assert.That(report.Errors.Select(e => e.Code), Does.Not.Contain(Tolerance));
        Assert.That(report.Warnings.Any(w => w.Code == Tolerance), Is.EqualTo(within));
    }

    [Test]
    public async Task Validate_ToleranceWarning_CitesArticle34bisAndPointsAtTheDeviation()
    {
        var report = await DeviationAsync("1998-06-15", 300, 315, 80);

        var warning = report.Warnings.Single(w => w.Code == Tolerance);
        Assert.That(warning.Pointer, Is.EqualTo("/sanatoria/scostamento"));
        Assert.That(warning.LegalBasis!.Select(b => b.Paragraph), Is.EquivalentTo(new[] { "1", "1-bis", "1-ter" }));
    }

    [TestCase("in-corso", true, "333,33", null, TestName = "Validate_SpontaneousLateCilaWhileWorksRun_ReducedFineAccepted")]
    [TestCase("in-corso", true, "1000,00", "cila-tardiva.sanzione-ridotta-spettante", TestName = "Validate_FullFineWhereReductionApplies_Warned")]
    [TestCase("in-corso", false, "333,33", "cila-tardiva.sanzione-ridotta-non-spettante", TestName = "Validate_ReducedFineAfterAnInspection_Refused")]
    [TestCase("ultimati", true, "1000,00", null, TestName = "Validate_FullFineForCompletedWorks_Accepted")]
    public async Task Validate_LateCilaFine(string works, bool spontaneous, string amount, string? code)
    {
        var form = await ExampleAsync("cila-tardiva", "persona-fisica");
        var late = form["comunicazioneTardiva"]!;
        late["statoLavori"] = works;
        late["spontanea"] = spontaneous;
        late["sanzione"] = new JsonObject { ["importo"] = amount };
        if (works == "ultimati")
        {
            late["dataFineLavori"] = "2025-05-30";
        }

        var report = await ValidateAsync(form, "cila-tardiva");

        var codes = report.Errors.Concat(report.Warnings).Select(i => i.Code).Where(c => c.StartsWith("cila-tardiva.", StringComparison.Ordinal));
        Assert.That(codes, code is null ? Is.Empty : Is.EqualTo(new[] { code }));
    }
}
