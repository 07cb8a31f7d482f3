using StrategicCities.Core.Procedures.Clock;
using static StrategicCities.Core.Tests.Procedures.Clock.TestCalendars;

namespace StrategicCities.Core.Tests.Procedures.Clock;

[TestFixture]
public sealed class ExpiryScannerTests
{
    private const string SilenzioAssenso = "silenzio-assenso";

    private static readonly ItalianCalendar Calendar = Italy();

    private static readonly LegalTermDefinition Decision = new()
    {
        Id = "pdc-decisione",
        Name = Text("Termine per il provvedimento finale", "Term for the final decision"),
        StartEvent = "proposta-di-provvedimento",
        Days = 30,
        MetBy = ["provvedimento"],
        OnExpiry = SilenzioAssenso,
    };

    private static readonly LegalTermDefinition ResponsibleNamed = new()
    {
        Id = "pdc-responsabile",
        Name = Text("Comunicazione del responsabile", "Naming of the responsible officer"),
        StartEvent = "domanda-presentata",
        Days = 10,
        MetBy = ["responsabile-nominato"],
    };

    private static ExpiryScanItem Application(string id, params ClockEvent[] events) =>
        new(id, [ResponsibleNamed, Decision], events, Milano);

    [Test]
    public void Scan_ExpiredTermWithTrigger_ReturnsIt()
    {
        var now = new DateOnly(2025, 5, 1);
        var applications = new[]
        {
            Application("A-1", new("domanda-presentata", new(2025, 1, 10)), new("proposta-di-provvedimento", new(2025, 3, 20))),
            Application("A-2", new("domanda-presentata", new(2025, 1, 10)), new("proposta-di-provvedimento", new(2025, 4, 10))),
        };

        var expired = ExpiryScanner.Scan(applications, Calendar, now);

        // due 19 April, expired. A-2: still running. The responsible-officer terms expired too but have no trigger.
        Assert.That(expired, Has.Count.EqualTo(1));
        Assert.That(expired[0], Is.EqualTo(new ExpiredTerm("A-1", "pdc-decisione", new DateOnly(2025, 4, 19), SilenzioAssenso, [])).Using<ExpiredTerm>(SameTerm));
    }

    [Test]
    public void Scan_AfterFiringTheTrigger_ReturnsNothing()
    {
        var now = new DateOnly(2025, 5, 1);
        var events = new List<ClockEvent>
        {
            new("domanda-presentata", new(2025, 1, 10)),
            new("proposta-di-provvedimento", new(2025, 3, 20)),
        };

        var first = ExpiryScanner.Scan([Application("A-1", [.. events])], Calendar, now);
        foreach (var term in first)
        {
            events.Add(new ClockEvent(term.Trigger, now));
        }

        var second = ExpiryScanner.Scan([Application("A-1", [.. events])], Calendar, now);
        var later = ExpiryScanner.Scan([Application("A-1", [.. events])], Calendar, now.AddDays(30));

        Assert.That(first, Has.Count.EqualTo(1));
        Assert.That(second, Is.Empty);
        Assert.That(later, Is.Empty);
    }

    [Test]
    public void Scan_TriggerEventBeforeDueDate_DoesNotCountAsFired()
    {
        var now = new DateOnly(2025, 5, 1);

        var expired = ExpiryScanner.Scan(
            [Application("A-1", new("proposta-di-provvedimento", new(2025, 3, 20)), new(SilenzioAssenso, new(2025, 4, 1)))],
            Calendar,
            now);

        Assert.That(expired, Has.Count.EqualTo(1));
    }

    [Test]
    public void Scan_TermMetBeforeDueDate_ReturnsNothing()
    {
        var expired = ExpiryScanner.Scan(
            [Application("A-1", new("proposta-di-provvedimento", new(2025, 3, 20)), new("provvedimento", new(2025, 4, 18)))],
            Calendar,
            new DateOnly(2025, 5, 1));

        Assert.That(expired, Is.Empty);
    }

    private static bool SameTerm(ExpiredTerm x, ExpiredTerm y) =>
        x.ApplicationId == y.ApplicationId && x.TermId == y.TermId && x.DueDate == y.DueDate && x.Trigger == y.Trigger;
}
