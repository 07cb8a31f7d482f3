using StrategicCities.Core.Monitoring;
using StrategicCities.Core.Monitoring.Seeding;
using StrategicCities.Core.Procedures;
using StrategicCities.Data.Monitoring;
using StrategicCities.Data.Tests.Support;

namespace StrategicCities.Data.Tests;

/// <summary>
/// A hand-built dataset (applications and their events inserted directly) whose statistics are worked out by hand:
/// every figure of the report is asserted exactly.
/// </summary>
[TestFixture(Dialect.Sqlite)]
[TestFixture(Dialect.Postgres)]
public sealed class StatisticsKnownAnswerTests(Dialect dialect) : DialectFixture(dialect)
{
    private const string Milano = "015146";
    private const string Roma = "058091";
    private static readonly Guid NorthOffice = Guid.Parse("0197a000-0000-7000-8000-000000000001");
    private static readonly Guid RomeOffice = Guid.Parse("0197a000-0000-7000-8000-000000000002");
    private MonitoringStore _store = null!;

    /// <summary>
    /// Milano: PdC 40 days granted in term; PdC 90 days denied late after one 20-day integration; PdC silenzio-assenso
    /// at 30 days; PdC pending (istruttoria) after two integrations of 30 days in all; a CILA (no decision expected).
    /// Roma: SCIA forbidden at 30 days in term; SCIA pending (controllo).
    /// </summary>
    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        var writer = new BulkApplicationWriter(Factory);
        await writer.WriteOfficesAsync([new SeedOffice(NorthOffice, "Nord", [Milano]), new SeedOffice(RomeOffice, "Roma", [Roma])], Time.GetUtcNow());
        await writer.WriteApplicationsAsync(
        [
            App(Milano, NorthOffice, "permesso-di-costruire", "rilasciato", new(2025, 1, 10), new(2025, 2, 19), "rilascio", "rilasciato", true, 0, 0),
            App(Milano, NorthOffice, "permesso-di-costruire", "negato", new(2025, 1, 15), new(2025, 4, 15), "diniego", "negato", false, 1, 20),
            App(Milano, NorthOffice, "permesso-di-costruire", "assentito", new(2025, 2, 1), new(2025, 3, 3), "silenzio-assenso", MonitoredDecisions.SilenzioAssenso, null, 0, 0),
            App(Milano, NorthOffice, "permesso-di-costruire", "istruttoria", new(2025, 3, 1), null, null, null, null, 2, 30),
            App(Milano, NorthOffice, "cila", "presentata", new(2025, 2, 10), null, null, null, null, 0, 0),
            App(Roma, RomeOffice, "scia", "vietata", new(2025, 1, 20), new(2025, 2, 19), "divieto-prosecuzione", "vietata", true, 0, 0),
            App(Roma, RomeOffice, "scia", "controllo", new(2025, 3, 10), null, null, null, null, 0, 0),
        ]);
        _store = new MonitoringStore(Factory);
    }

    [Test]
    public async Task Total_HasTheHandComputedFigures()
    {
        var report = await _store.StatisticsAsync(new StatisticsQuery { GroupBy = [] });
        Assert.That(report.Rows.Single().Key, Is.EqualTo(StatisticsKey.Total));
        Assert.That(report.Total, Is.EqualTo(new StatisticsRow
        {
            Key = StatisticsKey.Total,
            Filed = 7,
            Decided = 4,
            Pending = 2,
            NoDecisionExpected = 1,
            MedianDays = 35, // 30, 30, 40, 90
            P90Days = 75, // rank 2.7: 40 + 0.7 × 50
            ExpressDecisions = 3,
            WithinTerm = 2,
            WithinTermShare = 2.0 / 3,
            SilenziAssensi = 1,
            IntegrationRequests = 3,
            MeanIntegrationDays = 50.0 / 3,
        }));
        Assert.That(report.Backlog, Is.EqualTo(new[]
        {
            new BacklogEntry("permesso-di-costruire", "istruttoria", 1),
            new BacklogEntry("scia", "controllo", 1),
        }));
    }

    [Test]
    public async Task ByMunicipality_HasTheHandComputedFigures()
    {
        var report = await _store.StatisticsAsync(new StatisticsQuery { GroupBy = [StatisticsDimension.Municipality] });
        Assert.That(report.Rows, Is.EqualTo(new[]
        {
            new StatisticsRow
            {
                Key = new StatisticsKey(Milano, null, null, null), Filed = 5, Decided = 3, Pending = 1, NoDecisionExpected = 1,
                MedianDays = 40, P90Days = 80, // 30, 40, 90: rank 1.8 → 40 + 0.8 × 50
                ExpressDecisions = 2, WithinTerm = 1, WithinTermShare = 0.5, SilenziAssensi = 1, IntegrationRequests = 3, MeanIntegrationDays = 50.0 / 3,
            },
            new StatisticsRow
            {
                Key = new StatisticsKey(Roma, null, null, null), Filed = 2, Decided = 1, Pending = 1, NoDecisionExpected = 0,
                MedianDays = 30, P90Days = 30, ExpressDecisions = 1, WithinTerm = 1, WithinTermShare = 1, SilenziAssensi = 0,
                IntegrationRequests = 0, MeanIntegrationDays = null,
            },
        }));
    }

    [Test]
    public async Task Filters_ByScopeRegimeAndFilingDate_SelectTheCohort()
    {
        var scoped = await _store.StatisticsAsync(new StatisticsQuery { Municipalities = [Roma], GroupBy = [] });
        var empty = await _store.StatisticsAsync(new StatisticsQuery { Municipalities = [], GroupBy = [] });
        var january = await _store.StatisticsAsync(new StatisticsQuery { Regime = "permesso-di-costruire", From = new(2025, 1, 1), To = new(2025, 1, 31), GroupBy = [] });
        var byMonth = await _store.StatisticsAsync(new StatisticsQuery { GroupBy = [StatisticsDimension.Month] });
        Assert.Multiple(() =>
        {
            Assert.That((scoped.Total.Filed, scoped.Total.Decided, scoped.Total.Pending), Is.EqualTo((2L, 1L, 1L)));
            Assert.That(empty.Total.Filed, Is.Zero);
            Assert.That((january.Total.Filed, january.Total.MedianDays, january.Total.WithinTermShare), Is.EqualTo((2L, (double?)65, (double?)0.5)));
            Assert.That(byMonth.Rows.Select(r => (r.Key.Month, r.Filed, r.Decided, r.Pending)), Is.EqualTo(new[]
            {
                ("2025-01", 3L, 3L, 0L), ("2025-02", 2L, 1L, 0L), ("2025-03", 2L, 0L, 2L),
            }));
        });
    }

    [Test]
    public async Task Durations_AreTheFilingToDecisionDays()
    {
        var days = new List<int>();
        await foreach (var d in _store.DurationsAsync(new StatisticsQuery()))
        {
            days.Add(d);
        }

        Assert.That(days.Order(), Is.EqualTo(new[] { 30, 30, 40, 90 }));
    }

    private static SeededApplication App(
        string municipality, Guid office, string regime, string state, DateOnly filed, DateOnly? decided, string? trigger, string? outcome,
        bool? withinTerm, int integrations, int integrationDays)
    {
        List<ProcedureEvent> events = [new("presentazione", "bozza", "presentata", "portal", filed, [])];
        if (decided is { } d)
        {
            events.Add(new ProcedureEvent(trigger!, "istruttoria", state, withinTerm is null ? "system" : "clerk", d, []));
        }

        return new SeededApplication
        {
            Id = Guid.CreateVersion7(),
            Municipality = municipality,
            OfficeId = office,
            Regime = regime,
            State = state,
            Data = "{}",
            FiledOn = filed,
            Procedure = (regime, "2025-01-01", "test"),
            Events = events,
            Clock = new ClockAssessment
            {
                DecidedOn = decided, Outcome = outcome, WithinTerm = withinTerm, IntegrationRequests = integrations, IntegrationDays = integrationDays,
            },
        };
    }
}
