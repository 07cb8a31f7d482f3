using Dapper;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Monitoring.Seeding;
using StrategicCities.Core.Procedures;
using StrategicCities.Core.Procedures.Clock;
using StrategicCities.Data.Monitoring;
using StrategicCities.Data.Tests.Support;

namespace StrategicCities.Data.Tests;

/// <summary>Rows whose clock facts are behind their version are assessed again, to the same values the seed computed.</summary>
[TestFixture(Dialect.Sqlite)]
[TestFixture(Dialect.Postgres)]
public sealed class ClockRefresherTests(Dialect dialect) : DialectFixture(dialect)
{
    [Test]
    public async Task StaleRows_AreAssessedAgain_FromTheirEvents()
    {
        var sources = CatalogSources.Discover();
        var rules = (await CatalogLoader.LoadAsync(sources)).Catalog!;
        var procedures = (await ProcedureLoader.LoadAsync(sources, rules)).GetCatalogOrThrow();
        var calendar = (await CalendarLoader.LoadAsync(Path.Combine(sources.RulesDirectory, "calendars"))).Calendar!;
        var generator = new SeedGenerator(procedures, calendar, new DateOnly(2025, 12, 31), 21);
        var seeded = generator.Generate(150).ToList();
        var writer = new BulkApplicationWriter(Factory);
        await writer.WriteOfficesAsync(generator.Offices, Time.GetUtcNow());
        await writer.WriteApplicationsAsync(seeded);
        var store = new MonitoringStore(Factory);
        var before = await store.StatisticsAsync(new() { GroupBy = [] });

        // As if triggers had been fired through the API since: the facts are wiped and the rows are behind their version.
        await using (var connection = await Factory.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE applications SET within_term = NULL, integration_requests = NULL, integration_days = NULL, clock_assessed_version = NULL");
        }

        var refresher = new ClockRefresher(Factory);
        var updated = await refresher.RefreshAsync(procedures, calendar);
        var again = await refresher.RefreshAsync(procedures, calendar);
        var after = await store.StatisticsAsync(new() { GroupBy = [] });
        Assert.Multiple(() =>
        {
            Assert.That(updated, Is.EqualTo(seeded.Count));
            Assert.That(again, Is.Zero, "fresh rows are left alone");
            Assert.That(after.Total, Is.EqualTo(before.Total));
            Assert.That(before.Total.ExpressDecisions, Is.GreaterThan(0));
        });
    }
}
