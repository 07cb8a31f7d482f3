using System.Data.Common;
using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.Logging;

namespace StrategicCities.Data.Migrations;

/// <summary>
/// Applies the numbered scripts of one dialect, forward only, each in its own transaction together with its journal
/// row (<c>schema_journal</c>: name, applied_at, checksum). Refuses to run when an applied script's checksum changed or
/// the journal names a script this build does not have. Several instances may start at once: each script's
/// transaction first takes a database-wide lock (PostgreSQL advisory lock, SQL Server application lock, SQLite
/// <c>BEGIN IMMEDIATE</c>) and re-reads the journal under it.
/// </summary>
public sealed class MigrationRunner
{
    private const long PostgresLockKey = 7_202_604_011;
    private readonly DatabaseFactory _factory;
    private readonly ILogger _logger;
    private readonly IReadOnlyList<MigrationScript> _scripts;

    internal MigrationRunner(DatabaseFactory factory, ILogger logger, IReadOnlyList<MigrationScript>? scripts = null)
    {
        _factory = factory;
        _logger = logger;
        _scripts = scripts ?? MigrationScript.Embedded(factory.Dialect);
    }

    /// <summary>Applies what is pending.</summary>
    public async Task<MigrationReport> RunAsync(CancellationToken cancellationToken)
    {
        var dialect = _factory.Dialect;
        await using var connection = await _factory.OpenAsync(cancellationToken);
        await using (var tx = await connection.BeginTransactionAsync(cancellationToken))
        {
            await LockAsync(connection, tx, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(CreateJournalSql(dialect), transaction: tx, cancellationToken: cancellationToken));
            await tx.CommitAsync(cancellationToken);
        }

        var journal = await ReadJournalAsync(connection, null, cancellationToken);
        Verify(journal);

        var applied = new List<string>();
        foreach (var script in _scripts)
        {
            if (journal.ContainsKey(script.Name))
            {
                continue;
            }

            var watch = Stopwatch.StartNew();
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            await LockAsync(connection, tx, cancellationToken);
            // Another instance may have applied it between our read and our lock.
            var now = await ReadJournalAsync(connection, tx, cancellationToken);
            if (now.ContainsKey(script.Name))
            {
                Verify(now);
                await tx.RollbackAsync(cancellationToken);
                continue;
            }

            await connection.ExecuteAsync(new CommandDefinition(script.Sql, transaction: tx, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO schema_journal (name, applied_at, checksum) VALUES (@Name, @AppliedAt, @Checksum)
                """,
                new { script.Name, AppliedAt = DateTimeOffset.UtcNow, script.Checksum },
                tx,
                cancellationToken: cancellationToken));
            await tx.CommitAsync(cancellationToken);
            applied.Add(script.Name);
            Log.MigrationApplied(_logger, script.Name, dialect, watch.ElapsedMilliseconds);
        }

        if (applied.Count == 0)
        {
            Log.MigrationsUpToDate(_logger, dialect, journal.Count);
        }

        return new MigrationReport(dialect, applied, [.. journal.Keys.Order(StringComparer.Ordinal)]);
    }

    private void Verify(IReadOnlyDictionary<string, string> journal)
    {
        var known = _scripts.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (name, checksum) in journal.OrderBy(j => j.Key, StringComparer.Ordinal))
        {
            if (!known.TryGetValue(name, out var script))
            {
                problems.Add($"{name} is applied but this build has no such {_factory.Dialect} script (a newer build migrated this database)");
            }
            else if (!string.Equals(script.Checksum, checksum, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{name} was changed after it was applied (checksum {checksum} in the journal, {script.Checksum} now); " +
                             "applied scripts never change: add a new numbered script instead");
            }
        }

        if (problems.Count > 0)
        {
            var reason = string.Join("; ", problems);
            Log.MigrationsRefused(_logger, _factory.Dialect, reason);
            throw new MigrationException("Refusing to migrate: " + reason + ".");
        }
    }

    private static async Task<Dictionary<string, string>> ReadJournalAsync(DbConnection connection, DbTransaction? tx, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string Name, string Checksum)>(new CommandDefinition(
            """
            SELECT name, checksum FROM schema_journal
            """,
            transaction: tx,
            cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Name, r => r.Checksum, StringComparer.Ordinal);
    }

    private async Task LockAsync(DbConnection connection, DbTransaction tx, CancellationToken cancellationToken)
    {
        var sql = _factory.Dialect switch
        {
            // SQLite: Microsoft.Data.Sqlite begins transactions IMMEDIATE, which already holds the write lock.
            Dialect.Sqlite => null,
            Dialect.Postgres => """
                SELECT pg_advisory_xact_lock(@Key)
                """,
            _ => """
                DECLARE @result int;
                EXEC @result = sp_getapplock @Resource = N'strategiccities-migrations', @LockMode = N'Exclusive',
                                             @LockOwner = N'Transaction', @LockTimeout = 120000;
                IF @result < 0 THROW 50001, N'Could not take the migration lock', 1;
                """,
        };
        if (sql is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, new { Key = PostgresLockKey }, tx, cancellationToken: cancellationToken));
        }
    }

    private static string CreateJournalSql(Dialect dialect) => dialect switch
    {
        Dialect.Sqlite => """
            CREATE TABLE IF NOT EXISTS schema_journal (
                name        TEXT NOT NULL PRIMARY KEY,
                applied_at  TEXT NOT NULL,
                checksum    TEXT NOT NULL
            );
            """,
        Dialect.Postgres => """
            CREATE TABLE IF NOT EXISTS schema_journal (
                name        text        NOT NULL PRIMARY KEY,
                applied_at  timestamptz NOT NULL,
                checksum    text        NOT NULL
            );
            """,
        _ => """
            IF OBJECT_ID(N'dbo.schema_journal', N'U') IS NULL
            CREATE TABLE dbo.schema_journal (
                name        nvarchar(200)     NOT NULL PRIMARY KEY,
                applied_at  datetimeoffset(7) NOT NULL,
                checksum    nvarchar(64)      NOT NULL
            );
            """,
    };
}
