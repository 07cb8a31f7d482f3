using StrategicCities.Cli;
using StrategicCities.Core.Tests.Support;

namespace StrategicCities.Core.Tests.Fees;

/// <summary><c>permits fees</c>: JSON, text, and input mistakes on standard error with exit code 2.</summary>
[TestFixture]
public sealed class FeesCommandTests
{
    private const string ChangeOfUse = """{ "regime": "scia", "category": "cambio-uso", "use": "residenziale", "previousUse": "commerciale", "volume": 300, "previousSurface": 100 }""";

    private static async Task<(int Exit, string Out, string Error)> RunAsync(string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PermitsCli.RunAsync([.. args, "--rules", Repository.Sources.RulesDirectory, "--input", "-"], output, error, new StringReader(input));
        return (exit, output.ToString(), error.ToString());
    }

    [Test]
    public async Task Fees_ChangeOfUseInRoma_PrintsTheAssessmentAsJson()
    {
        var (exit, output, error) = await RunAsync(ChangeOfUse, "fees", "-m", "058091", "-d", "2025-06-01");

        Assert.That(exit, Is.Zero, error);
        Assert.That(output, Does.Contain("\"total\": 22650.00"));
        Assert.That(output, Does.Contain("\"charge\": \"oneri-urbanizzazione-primaria\""));
    }

    [Test]
    public async Task Fees_Text_PrintsEachLineWithFormulaAndCitation()
    {
        var (exit, output, _) = await RunAsync(ChangeOfUse, "fees", "-m", "058091", "-d", "2025-06-01", "--text");

        Assert.That(exit, Is.Zero);
        Assert.That(output, Does.Contain("Oneri di urbanizzazione primaria / Primary urbanisation charges: EUR 9000.00"));
        Assert.That(output, Does.Contain("max(0, 300.00 m3 × 40.00 EUR/m3 − 100.00 m2 × 30.00 EUR/m2) = 9000.00"));
        Assert.That(output, Does.Contain("art. 16 c. 4"));
        Assert.That(output, Does.Contain("Totale / Total: EUR 22650.00"));
    }

    [Test]
    public async Task Fees_MissingFigure_ExitsTwoNamingItInBothLanguages()
    {
        var (exit, _, error) = await RunAsync("""{ "regime": "permesso-di-costruire", "category": "ristrutturazione-edilizia", "use": "residenziale", "worksCost": 1 }""",
            "fees", "-m", "058091", "-d", "2025-06-01");

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("fees.input.missing at /volume"));
        Assert.That(error, Does.Contain("Dato mancante"));
    }
}
