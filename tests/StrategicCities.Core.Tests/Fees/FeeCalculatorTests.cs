using StrategicCities.Core.Fees;

namespace StrategicCities.Core.Tests.Fees;

/// <summary>The fee computation against hand-computed amounts (figures in the comments), on the shipped files.</summary>
[TestFixture]
public sealed class FeeCalculatorTests
{
    private const string NewHouseMilano = """
        { "regime": "permesso-di-costruire", "category": "nuova-costruzione", "use": "residenziale", "zone": "periferica", "volume": 1000,
          "residential": { "usefulSurface": 300, "accessorySurface": 90, "unitSurfaces": [95, 95, 110], "specialFeatures": 1 } }
        """;

    [Test]
    public async Task Compute_NewResidentialBuildingInMilano2024_ItemizesOneriCostAndDeskCharges()
    {
        var (assessment, errors) = await FeeTestContext.ComputeAsync("015146", "2024-03-01", NewHouseMilano);

        Assert.That(errors, Is.Empty, string.Join("; ", errors));
        // 1000 m3 × 68.00 (DCC 28/2023, fascia periferica)
        Assert.That(assessment!.Line("oneri-urbanizzazione").Amount, Is.EqualTo(68000.00m));
        // Sc = 300 + 0.6 × 90 = 354; i = 5 × 110/300 + 0 + 10 = 11.83 → class III (+10%); 393.19 × 1.10 × 354 × 10% = 15310.8186
        var cost = assessment!.Line("costo-costruzione");
        Assert.That(cost.Amount, Is.EqualTo(15310.82m));
        Assert.That(cost.Formula, Does.Contain("classe III"));
        Assert.That(cost.Inputs["complexSurface"], Is.EqualTo(354m));
        Assert.That(cost.Sample, Is.True, "the base cost after 2016 and the Lombard share are sample data");
        Assert.That(assessment!.Line("bollo-istanza").Amount, Is.EqualTo(16.00m));
        Assert.That(assessment!.Line("bollo-provvedimento").Amount, Is.EqualTo(16.00m));
        Assert.That(assessment!.Line("diritti-segreteria").Amount, Is.EqualTo(250.00m));
        Assert.That(assessment!.Contributo, Is.EqualTo(83310.82m));
        Assert.That(assessment!.Desk, Is.EqualTo(282.00m));
        Assert.That(assessment!.Total, Is.EqualTo(83592.82m));
        Assert.That(assessment!.Sample, Is.True);
    }

    [Test]
    public async Task Compute_NewResidentialBuildingInMilano2024_OneriLineCitesTheDeliberationWithNumberAndDate()
    {
        var (assessment, _) = await FeeTestContext.ComputeAsync("015146", "2024-03-01", NewHouseMilano);

        var line = assessment!.Line("oneri-urbanizzazione");
        Assert.That(line.Sample, Is.False);
        Assert.That(line.Tariffs.Single().File, Is.EqualTo("municipalities/015146/fees/2023-05-29.json"));
        Assert.That(line.LegalBasis.Select(b => b.Title), Has.Some.Contains("17 maggio 2023, n. 28"));
        Assert.That(line.LegalBasis.Select(b => b.ToString()), Has.Some.Contains("D.P.R. 6 giugno 2001, n. 380 (Testo unico dell'edilizia), art. 16 c. 4"));
        Assert.That(assessment!.RuleSets.Select(p => p.Jurisdiction), Is.EqualTo(new[] { "IT", "03", "015146" }));
    }

    [Test]
    public async Task Compute_MilanoTheDayBeforeDeliberation28Of2023_UsesThePreviousTariff()
    {
        var (before, _) = await FeeTestContext.ComputeAsync("015146", "2023-05-28", NewHouseMilano);
        var (after, _) = await FeeTestContext.ComputeAsync("015146", "2023-05-29", NewHouseMilano);

        Assert.That(before.Line("oneri-urbanizzazione").Amount, Is.EqualTo(60000.00m));
        Assert.That(after.Line("oneri-urbanizzazione").Amount, Is.EqualTo(68000.00m));
    }

    [Test]
    public async Task Compute_MilanoNewBuilding_InstalmentsSplitTheOneriInFour()
    {
        var (assessment, _) = await FeeTestContext.ComputeAsync("015146", "2024-03-01", NewHouseMilano);

        Assert.That(assessment!.Instalments.Select(i => i.Amount), Is.EqualTo(new[] { 17000.00m, 17000.00m, 17000.00m, 17000.00m }));
        Assert.That(assessment!.Instalments.Select(i => i.DueMonthsAfterIssue), Is.EqualTo(new[] { 0, 6, 12, 18 }));
    }

    [Test]
    public async Task Compute_InstalmentsThatDoNotDivide_PutTheCentsOnTheFirst()
    {
        // 1000.01 m3 × 68.00 = 68000.68 → 17000.17 × 3 and 17000.17 + 0.00... : 68000.68 / 4 = 17000.17 exactly; use 1000.02: 68001.36 / 4 = 17000.34
        var (assessment, _) = await FeeTestContext.ComputeAsync("015146", "2024-03-01", NewHouseMilano.Replace("\"volume\": 1000", "\"volume\": 1000.005", StringComparison.Ordinal));

        // 1000.005 × 68 = 68000.34 → each floor(17000.085) = 17000.08, first 68000.34 − 3 × 17000.08 = 17000.10
        Assert.That(assessment!.Instalments.Select(i => i.Amount), Is.EqualTo(new[] { 17000.10m, 17000.08m, 17000.08m, 17000.08m }));
        Assert.That(assessment!.Instalments.Sum(i => i.Amount), Is.EqualTo(assessment!.Line("oneri-urbanizzazione").Amount));
    }

    [Test]
    public async Task Compute_RomaAcrossTheYearBoundary_SelectsEachYearsTariff()
    {
        const string input = """{ "regime": "permesso-di-costruire", "category": "ristrutturazione-edilizia", "use": "residenziale", "volume": 500, "worksCost": 100000 }""";

        var (y2025, _) = await FeeTestContext.ComputeAsync("058091", "2025-12-31", input);
        var (y2026, _) = await FeeTestContext.ComputeAsync("058091", "2026-01-01", input);

        Assert.That(y2025!.Line("oneri-urbanizzazione-primaria").Amount, Is.EqualTo(20000.00m));
        Assert.That(y2025!.Line("oneri-urbanizzazione-secondaria").Amount, Is.EqualTo(27500.00m));
        Assert.That(y2026!.Line("oneri-urbanizzazione-primaria").Amount, Is.EqualTo(20600.00m));
        Assert.That(y2026!.Line("oneri-urbanizzazione-secondaria").Amount, Is.EqualTo(28325.00m));
        // Existing building (art. 16 c.10): 100000 × 8% (Lazio, sample)
        Assert.That(y2026!.Line("costo-costruzione").Amount, Is.EqualTo(8000.00m));
    }

    [Test]
    public async Task Compute_ChangeOfUseFromShopToHome_PaysTheDifferenceAndNoCostWithoutWorks()
    {
        const string input = """
            { "regime": "scia", "category": "cambio-uso", "use": "residenziale", "previousUse": "commerciale", "volume": 300, "previousSurface": 100 }
            """;

        var (assessment, errors) = await FeeTestContext.ComputeAsync("058091", "2025-06-01", input);

        Assert.That(errors, Is.Empty, string.Join("; ", errors));
        // 300 × 40 − 100 × 30 = 9000; 300 × 55 − 100 × 30 = 13500
        Assert.That(assessment!.Line("oneri-urbanizzazione-primaria").Amount, Is.EqualTo(9000.00m));
        Assert.That(assessment!.Line("oneri-urbanizzazione-secondaria").Amount, Is.EqualTo(13500.00m));
        Assert.That(assessment!.Lines.Any(l => l.Charge == "costo-costruzione"), Is.False);
        Assert.That(assessment!.Line("diritti-segreteria").Amount, Is.EqualTo(150.00m));
        Assert.That(assessment!.Lines.Any(l => l.Charge.StartsWith("bollo", StringComparison.Ordinal)), Is.False);
        Assert.That(assessment!.Line("oneri-urbanizzazione-primaria").LegalBasis.Select(b => b.Article), Has.Member("23-ter"));
    }

    [Test]
    public async Task Compute_ChangeOfUseToACheaperUse_PaysNothingNotANegativeAmount()
    {
        const string input = """
            { "regime": "scia", "category": "cambio-uso", "use": "commerciale", "previousUse": "residenziale", "surface": 100, "previousVolume": 300 }
            """;

        var (assessment, _) = await FeeTestContext.ComputeAsync("058091", "2025-06-01", input);

        Assert.That(assessment!.Line("oneri-urbanizzazione-primaria").Amount, Is.EqualTo(0.00m));
    }

    [Test]
    public async Task Compute_SingleFamilyEnlargedBy15Percent_IsExemptUnderArticle17Paragraph3LetterB()
    {
        const string input = """
            { "regime": "permesso-di-costruire", "category": "ristrutturazione-edilizia", "use": "residenziale", "volume": 80, "worksCost": 50000,
              "enlargementPercent": 15, "facts": { "singleFamily": true } }
            """;

        var (assessment, _) = await FeeTestContext.ComputeAsync("058091", "2025-06-01", input);

        Assert.That(assessment!.Contributo, Is.EqualTo(0m));
        Assert.That(assessment!.Exemptions.Single().Id, Is.EqualTo("unifamiliare-fino-al-20"));
        Assert.That(assessment!.Exemptions.Single().LegalBasis.Single().Letter, Is.EqualTo("b"));
        Assert.That(assessment!.Desk, Is.EqualTo(332.00m));
    }

    [Test]
    public async Task Compute_SingleFamilyEnlargedBy25Percent_PaysAndSaysWhy()
    {
        const string input = """
            { "regime": "permesso-di-costruire", "category": "ristrutturazione-edilizia", "use": "residenziale", "volume": 80, "worksCost": 50000,
              "enlargementPercent": 25, "facts": { "singleFamily": true } }
            """;

        var (assessment, _) = await FeeTestContext.ComputeAsync("058091", "2025-06-01", input);

        Assert.That(assessment!.Exemptions, Is.Empty);
        Assert.That(assessment!.Contributo, Is.EqualTo((80 * 40m) + (80 * 55m) + 4000m));
        Assert.That(assessment!.Notes.Select(n => n.En), Has.Some.Contains("not applied"));
    }

    [Test]
    public async Task Compute_SingleFamilyWithoutEnlargement_ReportsTheMissingFigure()
    {
        const string input = """
            { "regime": "permesso-di-costruire", "category": "ristrutturazione-edilizia", "use": "residenziale", "volume": 80, "worksCost": 50000,
              "facts": { "singleFamily": true } }
            """;

        var (assessment, errors) = await FeeTestContext.ComputeAsync("058091", "2025-06-01", input);

        Assert.That(assessment, Is.Null);
        Assert.That(errors.Single().Code, Is.EqualTo(FeeProblems.InputMissing));
        Assert.That(errors.Single().Pointer, Is.EqualTo("/enlargementPercent"));
        Assert.That(errors.Single().Message.It, Does.Contain("ampliamento"));
    }

    [Test]
    public async Task Compute_RenovationInMilano_TakesOff68PercentOfTheOneri()
    {
        const string input = """
            { "regime": "permesso-di-costruire", "category": "ristrutturazione-edilizia", "use": "residenziale", "zone": "centrale", "volume": 500, "worksCost": 200000 }
            """;

        var (assessment, _) = await FeeTestContext.ComputeAsync("015146", "2024-03-01", input);

        // 500 × 132 = 66000 − 68% = 21120
        var line = assessment!.Line("oneri-urbanizzazione");
        Assert.That(line.Amount, Is.EqualTo(21120.00m));
        Assert.That(line.Reductions.Single().Id, Is.EqualTo("ristrutturazione-milano"));
        // existing building: 200000 × 10% (Lombardy share, sample)
        Assert.That(assessment!.Line("costo-costruzione").Amount, Is.EqualTo(20000.00m));
    }

    [Test]
    public async Task Compute_RegenerationInMilano_AppliesTheNationalMinimumAfterTheLocalReduction()
    {
        const string input = """
            { "regime": "permesso-di-costruire", "category": "ristrutturazione-edilizia", "use": "residenziale", "zone": "centrale", "volume": 500,
              "worksCost": 200000, "facts": { "regeneration": true } }
            """;

        var (assessment, _) = await FeeTestContext.ComputeAsync("015146", "2024-03-01", input);

        // 66000 − 20% (art. 17 c.4-bis) = 52800 − 68% = 16896
        var line = assessment!.Line("oneri-urbanizzazione");
        Assert.That(line.Amount, Is.EqualTo(16896.00m));
        Assert.That(line.Reductions.Select(r => r.Id), Is.EqualTo(new[] { "rigenerazione", "ristrutturazione-milano" }));
        Assert.That(assessment!.Line("costo-costruzione").Amount, Is.EqualTo(16000.00m));
    }

    [Test]
    public async Task Compute_RegenerationInRoma_UsesTheMunicipalPercent()
    {
        const string input = """
            { "regime": "permesso-di-costruire", "category": "ristrutturazione-edilizia", "use": "residenziale", "volume": 100, "worksCost": 10000,
              "facts": { "regeneration": true } }
            """;

        var (assessment, _) = await FeeTestContext.ComputeAsync("058091", "2025-06-01", input);

        // 100 × 40 = 4000 − 30% = 2800
        Assert.That(assessment!.Line("oneri-urbanizzazione-primaria").Amount, Is.EqualTo(2800.00m));
        Assert.That(assessment!.Line("oneri-urbanizzazione-primaria").Reductions.Single().Percent, Is.EqualTo(30m));
    }

    [Test]
    public async Task Compute_AmountOnHalfACent_RoundsHalfUp()
    {
        // 100.000125 × 40 = 4000.005 → 4000.01; 100.000125 × 55 = 5500.006875 → 5500.01
        const string input = """{ "regime": "permesso-di-costruire", "category": "ristrutturazione-edilizia", "use": "residenziale", "volume": 100.000125, "worksCost": 0 }""";

        var (assessment, _) = await FeeTestContext.ComputeAsync("058091", "2025-06-01", input);

        Assert.That(assessment!.Line("oneri-urbanizzazione-primaria").Amount, Is.EqualTo(4000.01m));
        Assert.That(assessment!.Rounding.Mode, Is.EqualTo("half-up"));
    }

    [Test]
    public async Task Compute_MunicipalityWithoutTariffs_ReportsTheMissingTariff()
    {
        const string input = """{ "regime": "permesso-di-costruire", "category": "nuova-costruzione", "use": "residenziale", "volume": 100 }""";

        var (_, errors) = await FeeTestContext.ComputeAsync("017029", "2025-06-01", input);

        Assert.That(errors.Select(e => e.Code), Has.Member(FeeProblems.TariffMissing));
    }

    [Test]
    public async Task Compute_ZoneWithoutTariff_PointsAtTheZone()
    {
        const string input = """{ "regime": "permesso-di-costruire", "category": "nuova-costruzione", "use": "residenziale", "zone": "lunare", "volume": 100, "residential": { "usefulSurface": 30, "unitSurfaces": [30] } }""";

        var (_, errors) = await FeeTestContext.ComputeAsync("015146", "2025-06-01", input);

        Assert.That(errors[0].Code, Is.EqualTo(FeeProblems.TariffMissing));
        Assert.That(errors[0].Pointer, Is.EqualTo("/zone"));
    }

    [Test]
    public async Task Compute_MissingVolume_NamesTheFigure()
    {
        const string input = """{ "regime": "permesso-di-costruire", "category": "ristrutturazione-edilizia", "use": "residenziale", "worksCost": 1000 }""";

        var (_, errors) = await FeeTestContext.ComputeAsync("058091", "2025-06-01", input);

        Assert.That(errors.Select(e => (e.Code, e.Pointer)), Has.Member((FeeProblems.InputMissing, "/volume")));
    }

    [Test]
    public async Task Compute_UnknownMemberAndWrongTypes_AreInvalidWithPointers()
    {
        const string input = """{ "regime": "permesso", "volume": "tanto", "colour": 1, "facts": { "rich": true } }""";

        var (_, errors) = await FeeTestContext.ComputeAsync("058091", "2025-06-01", input);

        Assert.That(errors.Select(e => e.Pointer), Is.EquivalentTo(new[] { "/colour", "/regime", "/volume", "/facts/rich" }));
        Assert.That(errors.Select(e => e.Code).Distinct(), Is.EqualTo(new[] { FeeProblems.InputInvalid }));
    }

    [Test]
    public async Task Compute_InterventionGiven_TakesRegimeAndCategoryFromTheDetermination()
    {
        const string input = """{ "intervention": { "category": "nuova-costruzione" }, "use": "commerciale", "surface": 100, "worksCost": 100000 }""";

        var (assessment, errors) = await FeeTestContext.ComputeAsync("058091", "2025-06-01", input);

        Assert.That(errors, Is.Empty, string.Join("; ", errors));
        Assert.That(assessment!.Regime, Is.EqualTo("permesso-di-costruire"));
        Assert.That(assessment!.Category, Is.EqualTo("nuova-costruzione"));
        // art. 19 c.2: 100000 × 7% (sample)
        Assert.That(assessment!.Line("costo-costruzione").Amount, Is.EqualTo(7000.00m));
    }

    [Test]
    public async Task Compute_IndustrialBuilding_PaysNoConstructionCostUnderArticle19()
    {
        const string input = """
            { "regime": "permesso-di-costruire", "category": "nuova-costruzione", "use": "produttiva-direzionale", "zone": "periferica", "surface": 100,
              "worksCost": 100000, "facts": { "industrialOrArtisanal": true } }
            """;

        var (assessment, _) = await FeeTestContext.ComputeAsync("015146", "2024-03-01", input);

        Assert.That(assessment!.Line("oneri-urbanizzazione").Amount, Is.EqualTo(21700.00m));
        Assert.That(assessment!.Line("costo-costruzione").Amount, Is.EqualTo(0m));
        Assert.That(assessment!.Line("costo-costruzione").Exemption, Is.EqualTo("attivita-produttive"));
    }

    [Test]
    public async Task Compute_Cila_ComputesNoContributoAndSaysSo()
    {
        const string input = """{ "regime": "cila", "category": "manutenzione-straordinaria" }""";

        var (assessment, _) = await FeeTestContext.ComputeAsync("015146", "2024-03-01", input);

        Assert.That(assessment!.Lines, Is.Empty);
        Assert.That(assessment!.Total, Is.EqualTo(0m));
        Assert.That(assessment!.Notes.Select(n => n.En), Has.Some.Contains("not computed"));
    }

    [Test]
    public async Task Compute_BeforeTheFirstNationalStructure_IsNoVersion()
    {
        var (_, errors) = await FeeTestContext.ComputeAsync("058091", "2015-06-01", """{ "regime": "cila", "category": "manutenzione-straordinaria" }""");

        Assert.That(errors.Single().Code, Is.EqualTo(InputError.Codes.NoVersion));
    }
}
