using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using StrategicCities.Data.Migrations;
using StrategicCities.Data.Tests.Support;

namespace StrategicCities.Data.Tests;

/// <summary>Each test migrates its own empty database.</summary>
[TestFixture(Dialect.Sqlite)]
[TestFixture(Dialect.Postgres)]
[TestFixture(Dialect.SqlServer)]
public sealed class MigrationTests(Dialect dialect)
{
    [Test]
    public async Task Migrate_FromEmpty_AppliesEveryScript_ThenIsANoOp()
    {
        await using var db = await TestDatabase.CreateAsync(dialect);
        var expected = MigrationScript.Embedded(dialect).Select(s => s.Name).ToList();

        var first = await db.Factory.MigrateAsync();
        var second = await db.Factory.MigrateAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(expected, Does.Contain("0001_initial"));
            Assert.That(first.Applied, Is.EqualTo(expected));
            Assert.That(second.Applied, Is.Empty);
            Assert.That(second.AlreadyApplied, Is.EqualTo(expected));
            await using var connection = await db.Factory.OpenAsync();
            var journal = (await connection.QueryAsync<string>("SELECT checksum FROM schema_journal ORDER BY name")).ToList();
            Assert.That(journal, Is.EqualTo(MigrationScript.Embedded(dialect).Select(s => s.Checksum)));
            foreach (var table in new[] { "applications", "application_events", "offices", "office_municipalities", "api_keys", "idempotency_records", "expiry_claims" })
            {
                Assert.That(await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}"), Is.Zero, table);
            }
        });
    }

    [Test]
    public async Task Migrate_FromSeveralInstancesAtOnce_AppliesEachScriptOnce()
    {
        await using var db = await TestDatabase.CreateAsync(dialect);

        var reports = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => db.Factory.MigrateAsync())));

        Assert.That(reports.SelectMany(r => r.Applied).Count(n => n == "0001_initial"), Is.EqualTo(1));
        await using var connection = await db.Factory.OpenAsync();
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_journal"), Is.EqualTo(MigrationScript.Embedded(dialect).Count));
    }

    [Test]
    public async Task Migrate_WhenAnAppliedScriptChanged_Refuses()
    {
        await using var db = await TestDatabase.CreateAsync(dialect);
        await db.Factory.MigrateAsync();
        var tampered = MigrationScript.Embedded(dialect)
            .Select(s => s.Name == "0001_initial" ? s with { Sql = s.Sql + "\n-- edited after release\n" } : s)
            .ToList();

        var runner = new MigrationRunner(db.Factory, NullLogger.Instance, tampered);

        Assert.That(async () => await runner.RunAsync(CancellationToken.None),
            Throws.TypeOf<MigrationException>().With.Message.Contains("0001_initial was changed after it was applied"));
    }

    [Test]
    public async Task Migrate_WhenTheJournalNamesAnUnknownScript_Refuses()
    {
        await using var db = await TestDatabase.CreateAsync(dialect);
        await db.Factory.MigrateAsync();
        await using (var connection = await db.Factory.OpenAsync())
        {
            await connection.ExecuteAsync(
                "INSERT INTO schema_journal (name, applied_at, checksum) VALUES ('9999_from_the_future', @Now, 'abc')",
                new { Now = DateTimeOffset.UtcNow });
        }

        Assert.That(async () => await db.Factory.MigrateAsync(),
            Throws.TypeOf<MigrationException>().With.Message.Contains("9999_from_the_future is applied but this build has no such"));
    }

    [Test]
    public async Task Migrate_AppliesANewScriptForwardOnly_InItsOwnTransaction()
    {
        await using var db = await TestDatabase.CreateAsync(dialect);
        await db.Factory.MigrateAsync();
        var broken = MigrationScript.Embedded(dialect)
            .Append(new MigrationScript("0002_broken", "CREATE TABLE probe_0002 (id int NOT NULL); CREATE TABLE probe_0002 (id int NOT NULL);"))
            .ToList();
        var fixedScripts = MigrationScript.Embedded(dialect)
            .Append(new MigrationScript("0002_fixed", "CREATE TABLE probe_0002 (id int NOT NULL);"))
            .ToList();

        Assert.That(async () => await new MigrationRunner(db.Factory, NullLogger.Instance, broken).RunAsync(CancellationToken.None), Throws.Exception);
        var report = await new MigrationRunner(db.Factory, NullLogger.Instance, fixedScripts).RunAsync(CancellationToken.None);

        // The failed script left neither its first table nor a journal row.
        Assert.That(report.Applied, Is.EqualTo(new[] { "0002_fixed" }));
    }
}
