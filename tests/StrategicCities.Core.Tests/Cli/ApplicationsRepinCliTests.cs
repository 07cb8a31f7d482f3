using Dapper;
using StrategicCities.Cli;
using StrategicCities.Core.Tests.Support;
using StrategicCities.Data;

namespace StrategicCities.Core.Tests.Cli;

/// <summary><c>permits applications repin</c> on a seeded SQLite database, as an operator runs it.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ApplicationsRepinCliTests
{
    private string _folder = null!;
    private string _connection = null!;

    [SetUp]
    public void Create()
    {
        _folder = Path.Combine(Path.GetTempPath(), "sc-repin-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _connection = $"sqlite:Data Source={Path.Combine(_folder, "permits.db")}";
    }

    [TearDown]
    public void Delete()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task<(int Exit, string Out)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PermitsCli.RunAsync(args, output, error, new StringReader(""));
        return (exit, output + error.ToString());
    }

    [Test]
    public async Task Repin_PermitsPinnedToRevisionOne_DryRunWritesNothingThenRepinRecordsEventsAndLeavesOthersUnchanged()
    {
        var rules = Repository.Sources.RulesDirectory;
        var (seedExit, seeded) = await RunAsync("seed", "--applications", "60", "--today", "2026-06-30", "--connection", _connection);
        Assert.That(seedExit, Is.Zero, seeded);
        var firstRevision = await Core.Catalog.ContentHash.OfFileAsync(Path.Combine(rules, "national/procedures/permesso-di-costruire/2020-07-17.json"));
        var factory = new DatabaseFactory(DataOptions.Parse(_connection, null, _folder));
        int pinnedToFirst;
        await using (var connection = await factory.OpenAsync(CancellationToken.None))
        {
            // As the applications filed before the correction were left: pinned to revision 1's hash.
            var pins = System.Text.Json.JsonSerializer.Serialize(new[]
            {
                new Core.Catalog.PinnedVersion("procedures/permesso-di-costruire", "national", "IT", "2020-07-17", firstRevision),
            });
            pinnedToFirst = await connection.ExecuteAsync(
                "UPDATE applications SET pinned_versions = @Pins WHERE regime = 'permesso-di-costruire' AND procedure_version = '2020-07-17'",
                new { Pins = pins });
        }

        Assume.That(pinnedToFirst, Is.GreaterThan(0), "the seed made no permit on the 2020 version");

        var (dryExit, dry) = await RunAsync("applications", "repin", "--reason", "CHANGELOG art. 20 c. 7", "--dry-run", "--procedure", "permesso-di-costruire", "--connection", _connection);
        var (exit, output) = await RunAsync("applications", "repin", "--reason", "CHANGELOG art. 20 c. 7", "--connection", _connection);
        var (againExit, again) = await RunAsync("applications", "repin", "--reason", "again", "--connection", _connection);
        await using var check = await factory.OpenAsync(CancellationToken.None);
        var events = await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM application_events WHERE trigger_name = 'law.repin'");
        var stillFirst = await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM applications WHERE pinned_versions LIKE '%' || @First || '%'", new { First = firstRevision });

        Assert.That(dryExit, Is.Zero, dry);
        Assert.That(dry, Does.Contain($"{pinnedToFirst} planned"));
        Assert.That(exit, Is.Zero, output);
        Assert.That(output, Does.Contain($"{pinnedToFirst} repinned"));
        Assert.That(events, Is.EqualTo(pinnedToFirst));
        Assert.That(stillFirst, Is.Zero);
        Assert.That(againExit, Is.Zero, again);
        Assert.That(again, Does.Not.Contain("repinned"));
    }

    [Test]
    public async Task Repin_WithoutReason_ExitsTwo()
    {
        var (exit, output) = await RunAsync("applications", "repin", "--connection", _connection);

        Assert.That(exit, Is.EqualTo(2), output);
        Assert.That(output, Does.Contain("--reason"));
    }
}
