using System.Text.Json;
using StrategicCities.Cli;
using StrategicCities.Core.Tests.Support;
using static StrategicCities.Core.Tests.Support.RuleTree;

namespace StrategicCities.Core.Tests.Cli;

/// <summary>The <c>permits</c> commands as a user runs them: arguments in, text and exit code out.</summary>
[TestFixture]
public sealed class PermitsCliTests
{
    private static async Task<(int Exit, string Out, string Err)> RunAsync(string? stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(stdin ?? "");
        var exit = await PermitsCli.RunAsync(args, output, error, input);
        return (exit, output.ToString(), error.ToString());
    }

    private static string Rules => Repository.Sources.RulesDirectory;

    [Test]
    public async Task Lint_ShippedRules_ExitsZeroWithSummary()
    {
        var (exit, output, _) = await RunAsync(null, "lint", Rules);

        Assert.That(exit, Is.Zero, output);
        Assert.That(output, Does.StartWith("ok: "));
    }

    [Test]
    public async Task Lint_BrokenRules_ExitsOneWithFileRuleMessageLines()
    {
        using var tree = new RuleTree();
        tree.Write("national/determination/2020-01-01.json", National("2020-01-01", null,
            [.. BasicRegimeRules(), Rule("UsesAnUnknownField", "intervention.Storeys > 2")]));

        var (exit, output, _) = await RunAsync(null, "lint", tree.Directory, "--schemas", Repository.SchemasDirectory);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(output, Does.Contain("national/determination/2020-01-01.json:UsesAnUnknownField: expression does not compile"));
    }

    [Test]
    public async Task Test_ShippedCases_PrintsClosingCountsAndExitsZero()
    {
        var (exit, output, _) = await RunAsync(null, "test", "--rules", Rules);

        Assert.That(exit, Is.Zero, output);
        Assert.That(output.TrimEnd().Split('\n')[^1], Does.Match(@"^\d+ passed, 0 failed$"));
    }

    [Test]
    public async Task Test_FailingCase_PrintsLineAndExitsOne()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sc-case-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """
            { "cases": [ { "name": "A deliberately wrong expectation about new buildings",
              "municipality": "058091", "legalDate": "2025-03-01",
              "input": { "category": "nuova-costruzione" }, "expect": { "regime": "cila" } } ] }
            """);
        try
        {
            var (exit, output, _) = await RunAsync(null, "test", file, "--rules", Rules);

            Assert.That(exit, Is.EqualTo(1));
            Assert.That(output, Does.Contain("A deliberately wrong expectation about new buildings"));
            Assert.That(output, Does.Contain("0 passed, 1 failed"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Determine_NewConstructionInMilano_PrintsPermitJson()
    {
        var (exit, output, _) = await RunAsync("""{"category":"nuova-costruzione"}""",
            "determine", "--municipality", "015146", "--date", "2025-03-01", "--input", "-", "--rules", Rules);

        Assert.That(exit, Is.Zero);
        using var json = JsonDocument.Parse(output);
        Assert.That(json.RootElement.GetProperty("regime").GetString(), Is.EqualTo("permesso-di-costruire"));
        Assert.That(json.RootElement.GetProperty("legalDate").GetString(), Is.EqualTo("2025-03-01"));
        Assert.That(json.RootElement.GetProperty("trace").GetArrayLength(), Is.GreaterThan(0));
    }

    [TestCase("999999", "2025-03-01", """{"category":"nuova-costruzione"}""", "municipality.unknown")]
    [TestCase("015146", "1990-01-01", """{"category":"nuova-costruzione"}""", "legal-date.no-version")]
    [TestCase("015146", "2025-03-01", """{"category":"nuova-costruzione","piani":3}""", "intervention.unknown-field at /piani")]
    [TestCase("015146", "2025-03-01", "not json", "body.not-json")]
    [TestCase("015146", "2025-03-01", """{"category":"nuova-costruzione","seismicZone":9223372036854775808}""", "intervention.out-of-range at /seismicZone")]
    [TestCase("015146", "2025-03-01", """{"category":"nuova-costruzione","seismicZone":-9223372036854775809}""", "intervention.out-of-range at /seismicZone")]
    [TestCase("015146", "2025-03-01", """{"category":"nuova-costruzione","seismicZone":18446744073709551616}""", "intervention.out-of-range at /seismicZone")]
    [TestCase("015146", "2025-03-01", """{"category":"nuova-costruzione","seismicZone":123456789012345678901234567890123456789}""", "intervention.out-of-range at /seismicZone")]
    [TestCase("015146", "2025-03-01", """{"category":"nuova-costruzione","temporary":{"days":3000000000}}""", "intervention.out-of-range at /temporary/days")]
    public async Task Determine_BadInput_ExitsTwoWithClearError(string municipality, string date, string input, string expected)
    {
        var (exit, output, error) = await RunAsync(input, "determine", "-m", municipality, "-d", date, "--input", "-", "--rules", Rules);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(output, Is.Empty);
        Assert.That(error, Does.Contain(expected));
        Assert.That(error, Does.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    public async Task Determine_DateNotIso_ExitsTwo()
    {
        var (exit, _, error) = await RunAsync("{}", "determine", "-m", "015146", "-d", "01/03/2025", "--input", "-");

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("yyyy-MM-dd"));
    }

    [Test]
    public async Task Determine_MissingInputFile_ExitsTwo()
    {
        var (exit, _, error) = await RunAsync(null, "determine", "-m", "015146", "-d", "2025-03-01", "--input", "/nonexistent/x.json", "--rules", Rules);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("does not exist"));
    }

    [Test]
    public async Task Explain_StructuralWorks_CitesTheLawInBothLanguages()
    {
        var (exit, output, _) = await RunAsync("""{"category":"manutenzione-straordinaria","structuralParts":true}""",
            "explain", "-m", "058091", "-d", "2025-03-01", "--input", "-", "--rules", Rules);

        Assert.That(exit, Is.Zero);
        Assert.That(output, Does.Contain("Regime:"));
        Assert.That(output, Does.Contain("D.P.R. 6 giugno 2001, n. 380"));
        Assert.That(output, Does.Contain("data di riferimento"));
        Assert.That(output, Does.Contain("legal reference date"));
    }

    [Test]
    public async Task Diff_BetweenNationalVersions_ListsChanges()
    {
        var catalog = await Repository.CatalogAsync();
        var versions = catalog.Versions("determination");

        var (exit, output, _) = await RunAsync(null, "diff", "determination", "--from", versions[0].Header.Version, "--to", versions[^1].Header.Version, "--rules", Rules);

        Assert.That(exit, Is.Zero);
        Assert.That(output, Does.Match(@"\d+ added, \d+ removed, \d+ changed"));
        Assert.That(output, Does.Not.Contain("no differences"));
    }

    [Test]
    public async Task Diff_Milano_ShowsRegionalAndMunicipalChanges()
    {
        var (exit, output, _) = await RunAsync(null, "diff", "--municipality", "015146", "--date", "2025-03-01", "--rules", Rules);

        Assert.That(exit, Is.Zero);
        Assert.That(output, Does.Contain("regions/03/"));
        Assert.That(output, Does.Contain("municipalities/015146/"));
    }

    [Test]
    public async Task Diff_MunicipalityWithoutOverlays_NoDifferences()
    {
        var (exit, output, _) = await RunAsync(null, "diff", "--municipality", "087015", "--date", "2025-03-01", "--rules", Rules);

        Assert.That(exit, Is.Zero);
        Assert.That(output, Does.Contain("no differences"));
    }

    [Test]
    public async Task Diff_RomaInItalian_ListsLocalFormFieldsAndPatronDay()
    {
        var (exit, output, _) = await RunAsync(null, "diff", "--municipality", "058091", "--date", "2025-06-01", "--lang", "it", "--rules", Rules);

        Assert.That(exit, Is.Zero);
        Assert.That(output, Does.Contain("Moduli (campi locali)"));
        Assert.That(output, Does.Contain("schemas/municipalities/058091/cila/2025-05-23.schema.json"));
        Assert.That(output, Does.Contain("/estensioniLocali/roma/codicePraticaSuet"));
        Assert.That(output, Does.Contain("ogni anno il 29 giugno: Santi Pietro e Paolo"));
    }

    [Test]
    public async Task Diff_MilanoAsJson_KeepsRuleChangesAndAddsTheSections()
    {
        var (exit, output, _) = await RunAsync(null, "diff", "--municipality", "015146", "--date", "2025-06-01", "--json", "--rules", Rules);

        Assert.That(exit, Is.Zero);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.That(root.GetProperty("changes").GetArrayLength(), Is.GreaterThan(0));
        Assert.That(root.GetProperty("rules")[0].GetProperty("overlays")[0].GetProperty("file").GetProperty("layer").GetString(), Is.EqualTo("region"));
        Assert.That(root.GetProperty("forms").EnumerateArray().Select(f => f.GetProperty("form").GetString()), Does.Contain("scia"));
        Assert.That(root.GetProperty("calendar").GetProperty("days")[0].GetProperty("day").GetInt32(), Is.EqualTo(7));
    }

    [TestCase("999999")]
    [TestCase("milano")]
    public async Task Diff_UnknownOrInvalidMunicipality_ExitsTwo(string code)
    {
        var (exit, _, error) = await RunAsync(null, "diff", "--municipality", code, "--date", "2025-06-01", "--rules", Rules);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("municipality."));
    }

    [Test]
    public async Task Diff_BadDate_ExitsTwo()
    {
        var (exit, _, error) = await RunAsync(null, "diff", "--municipality", "015146", "--date", "01/06/2025", "--rules", Rules);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("yyyy-MM-dd"));
    }

    [Test]
    public async Task Diff_WithoutAnyMode_ExitsTwoExplainingUsage()
    {
        var (exit, _, error) = await RunAsync(null, "diff");

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("--municipality"));
    }
}
