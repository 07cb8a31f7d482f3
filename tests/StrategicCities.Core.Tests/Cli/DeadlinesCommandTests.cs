using System.Text.Json;
using StrategicCities.Cli;
using StrategicCities.Core.Tests.Support;

namespace StrategicCities.Core.Tests.Cli;

/// <summary><c>permits deadlines</c> as a desk or a lawyer runs it: events in, the public JSON (or a table) and an exit code out.</summary>
[TestFixture]
public sealed class DeadlinesCommandTests
{
    private const string Cinisello = "015077";

    private const string FiledAndNamed = """[{"trigger":"presentazione","date":"2025-03-03"},{"trigger":"nomina-responsabile","date":"2025-03-05"}]""";

    private static string Rules => Repository.Sources.RulesDirectory;

    private static async Task<(int Exit, string Out, string Err)> RunAsync(string? stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(stdin ?? "");
        var exit = await PermitsCli.RunAsync(args, output, error, input);
        return (exit, output.ToString(), error.ToString());
    }

    private static Task<(int Exit, string Out, string Err)> DeadlinesAsync(string events, string procedure = "permesso-di-costruire", string municipality = Cinisello, params string[] more) =>
        RunAsync(events, ["deadlines", "--procedure", procedure, "--municipality", municipality, "--events", "-", "--on", "2025-03-10", "--rules", Rules, .. more]);

    [Test]
    public async Task Deadlines_PermitFiledAndOfficerNamed_PrintsTheJsonContract()
    {
        var (exit, output, error) = await DeadlinesAsync(FiledAndNamed);

        Assert.That(exit, Is.Zero, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.That(root.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "procedure", "state", "terms", "permittedTriggers" }));
        Assert.That(root.GetProperty("procedure").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "id", "version", "revision" }));
        Assert.That(root.GetProperty("procedure").GetProperty("id").GetString(), Is.EqualTo("permesso-di-costruire"));
        Assert.That(root.GetProperty("procedure").GetProperty("version").GetString(), Is.EqualTo("2020-07-17"));
        Assert.That(root.GetProperty("procedure").GetProperty("revision").GetInt32(), Is.EqualTo(3), "the newest revision in force on the date");
        Assert.That(root.GetProperty("state").GetString(), Is.EqualTo("in-istruttoria"));
        var istruttoria = root.GetProperty("terms").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "pdc-istruttoria");
        Assert.That(istruttoria.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "id", "start", "due", "status" }));
        Assert.That(istruttoria.GetProperty("start").GetString(), Is.EqualTo("2025-03-03"));
        Assert.That(istruttoria.GetProperty("due").GetString(), Is.EqualTo("2025-05-02"));
        Assert.That(istruttoria.GetProperty("status").GetString(), Is.EqualTo("running"));
        var notStarted = root.GetProperty("terms").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "pdc-provvedimento");
        Assert.That(notStarted.GetProperty("due").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(notStarted.GetProperty("status").GetString(), Is.EqualTo("not-started"));
        Assert.That(root.GetProperty("permittedTriggers").EnumerateArray().Select(t => t.GetString()),
            Is.EqualTo(new[] { "proposta", "raddoppio-termini", "richiesta-integrazioni", "richiesta-modifiche", "silenzio-assenso" }));
    }

    [Test]
    public async Task Deadlines_EventsFromAFile_SameAsFromStandardInput()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sc-events-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, FiledAndNamed);
        try
        {
            var (exit, output, _) = await RunAsync(null, "deadlines", "--procedure", "permesso-di-costruire", "--municipality", Cinisello,
                "--events", file, "--on", "2025-03-10", "--rules", Rules);
            var (_, fromStdin, _) = await DeadlinesAsync(FiledAndNamed);

            Assert.That(exit, Is.Zero);
            Assert.That(output, Is.EqualTo(fromStdin));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [TestCase("it", "Procedimento: permesso-di-costruire, versione 2020-07-17, revisione 3", "02/05/2025", "in corso", "Trigger consentiti:")]
    [TestCase("en", "Procedure: permesso-di-costruire, version 2020-07-17, revision 3", "2025-05-02", "running", "Permitted triggers:")]
    public async Task Deadlines_Text_PrintsATableInTheLanguageAsked(string lang, string header, string due, string status, string permitted)
    {
        var (exit, output, _) = await DeadlinesAsync(FiledAndNamed, more: ["--text", "--lang", lang]);

        Assert.That(exit, Is.Zero);
        Assert.That(output, Does.StartWith(header));
        var row = output.Split('\n').Single(l => l.StartsWith("pdc-istruttoria", StringComparison.Ordinal));
        Assert.That(row, Does.Contain(due).And.Contain(status).And.Contain("dpr380 art. 20 c. 3"));
        Assert.That(output, Does.Contain(permitted));
    }

    [Test]
    public async Task Deadlines_TriggerNotPermittedInTheStateReached_ExitsTwoWithStateAndPermittedTriggers()
    {
        var (exit, output, error) = await DeadlinesAsync("""[{"trigger":"presentazione","date":"2025-03-03"},{"trigger":"rilascio","date":"2025-03-05"}]""");

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(output, Is.Empty);
        Assert.That(error, Does.Contain("events.trigger-not-permitted at /events/1/trigger"));
        Assert.That(error, Does.Contain("state \"presentata\"").And.Contain("Permitted: nomina-responsabile, silenzio-assenso"));
        Assert.That(error, Does.Contain("stato \"presentata\""), "Italian too");
    }

    [TestCase("permesso-di-demolire", Cinisello, """[{"trigger":"presentazione","date":"2025-03-03"}]""", "procedure.unknown")]
    [TestCase("permesso-di-costruire", "999999", """[{"trigger":"presentazione","date":"2025-03-03"}]""", "municipality.unknown")]
    [TestCase("permesso-di-costruire", "F205", """[{"trigger":"presentazione","date":"2025-03-03"}]""", "municipality.invalid")]
    [TestCase("permesso-di-costruire", Cinisello, """[{"trigger":"presentazione","date":"2025-03-03"}""", "events.malformed")]
    [TestCase("permesso-di-costruire", Cinisello, """{"trigger":"presentazione","date":"2025-03-03"}""", "events.malformed at /events")]
    [TestCase("permesso-di-costruire", Cinisello, """[{"trigger":"presentazione"}]""", "events.malformed at /events/0")]
    [TestCase("permesso-di-costruire", Cinisello, """[{"trigger":"presentazione","date":"03/03/2025"}]""", "events.date-invalid at /events/0/date")]
    [TestCase("permesso-di-costruire", Cinisello, """[{"trigger":"presentazione","date":"2025-02-30"}]""", "events.date-invalid at /events/0/date")]
    [TestCase("permesso-di-costruire", Cinisello, "[]", "events.empty")]
    [TestCase("permesso-di-costruire", Cinisello, """[{"trigger":"presentazione","date":"2025-03-03"},{"trigger":"nomina-responsabile","date":"2025-03-01"}]""", "events.out-of-order at /events/1/date")]
    [TestCase("permesso-di-costruire", Cinisello, """[{"trigger":"presentazione","date":"2025-03-03"},{"trigger":"approvazione","date":"2025-03-04"}]""", "events.trigger-unknown at /events/1/trigger")]
    [TestCase("permesso-di-costruire", Cinisello, """[{"trigger":"presentazione","date":"1990-03-03"}]""", "legal-date.no-version")]
    public async Task Deadlines_BadInput_ExitsTwoWithAClearMessage(string procedure, string municipality, string events, string expected)
    {
        var (exit, output, error) = await DeadlinesAsync(events, procedure, municipality);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(output, Is.Empty);
        Assert.That(error, Does.Contain(expected));
        Assert.That(error, Does.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    public async Task Deadlines_MissingEventsFile_ExitsTwo()
    {
        var (exit, _, error) = await RunAsync(null, "deadlines", "--procedure", "scia", "--municipality", Cinisello, "--events", "/nonexistent/e.json", "--rules", Rules);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("does not exist"));
    }

    [Test]
    public async Task Deadlines_OnNotADate_ExitsTwo()
    {
        var (exit, _, error) = await RunAsync(FiledAndNamed, "deadlines", "--procedure", "scia", "--municipality", Cinisello, "--events", "-", "--on", "10/03/2025");

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("yyyy-MM-dd"));
    }

    [Test]
    [Description("Art. 23-bis c. 4 D.P.R. 380/2001: in zone A works under a SCIA may not start before 30 days from filing; elsewhere no such term.")]
    public async Task Deadlines_ScaInZoneA_AddsTheThirtyDayWaitOnlyWhenAsked()
    {
        const string filed = """[{"trigger":"presentazione","date":"2025-03-03"}]""";

        var (_, zoneA, _) = await DeadlinesAsync(filed, "scia", Cinisello, "--zone-a");
        var (_, elsewhere, _) = await DeadlinesAsync(filed, "scia", Cinisello);

        using var withWait = JsonDocument.Parse(zoneA);
        using var without = JsonDocument.Parse(elsewhere);
        var wait = withWait.RootElement.GetProperty("terms").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "scia-zona-a-attesa");
        Assert.That(wait.GetProperty("due").GetString(), Is.EqualTo("2025-04-02"));
        Assert.That(wait.GetProperty("status").GetString(), Is.EqualTo("running"));
        Assert.That(without.RootElement.GetProperty("terms").EnumerateArray().Select(t => t.GetProperty("id").GetString()), Does.Not.Contain("scia-zona-a-attesa"));
    }
}
