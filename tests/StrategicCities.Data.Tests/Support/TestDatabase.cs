using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace StrategicCities.Data.Tests.Support;

/// <summary>
/// A fresh, empty database of one dialect on a real engine: a temp SQLite file, or a uniquely named database on the
/// PostgreSQL / SQL Server named by STRATEGICCITIES_POSTGRES / STRATEGICCITIES_SQLSERVER, dropped on dispose.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "STRATEGICCITIES_POSTGRES";
    public const string SqlServerVariable = "STRATEGICCITIES_SQLSERVER";

    private readonly Func<Task> _drop;

    private TestDatabase(DatabaseFactory factory, Func<Task> drop)
    {
        Factory = factory;
        _drop = drop;
    }

    public DatabaseFactory Factory { get; }

    public Dialect Dialect => Factory.Dialect;

    /// <summary>Creates the database, or ignores (developer machine) / fails (CI) the calling fixture when the server is not configured.</summary>
    public static async Task<TestDatabase> CreateAsync(Dialect dialect)
    {
        var name = $"sc_test_{Guid.NewGuid():N}";
        switch (dialect)
        {
            case Dialect.Sqlite:
            {
                var folder = Path.Combine(Path.GetTempPath(), name);
                Directory.CreateDirectory(folder);
                var options = DataOptions.Parse($"sqlite:Data Source={Path.Combine(folder, "test.db")}", null, folder);
                return new TestDatabase(new DatabaseFactory(options), () =>
                {
                    SqliteConnection.ClearAllPools();
                    Directory.Delete(folder, recursive: true);
                    return Task.CompletedTask;
                });
            }

            case Dialect.Postgres:
            {
                var admin = Require(PostgresVariable, "PostgreSQL",
                    "run `export \"$(bash scripts/ci/postgres.sh)\"` (installs and starts " +
                    "PostgreSQL, creates the role) or set STRATEGICCITIES_POSTGRES to a connection string of a role with CREATEDB, " +
                    "e.g. Host=127.0.0.1;Port=5432;Username=strategiccities;Password=strategiccities;Database=postgres",
                    failInCi: true);
                await using (var connection = new NpgsqlConnection(admin))
                {
                    await connection.ExecuteAsync($"CREATE DATABASE \"{name}\"");
                }

                var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
                var options = DataOptions.Parse("postgres:" + builder.ConnectionString, null, Path.GetTempPath());
                return new TestDatabase(new DatabaseFactory(options), async () =>
                {
                    NpgsqlConnection.ClearAllPools();
                    await DropPostgresAsync(admin, name);
                });
            }

            default:
            {
                var admin = Require(SqlServerVariable, "SQL Server",
                    "set STRATEGICCITIES_SQLSERVER to a connection string of a login that may " +
                    "create databases (e.g. Server=127.0.0.1,1433;User ID=sa;Password=…;TrustServerCertificate=true) to run them",
                    failInCi: false);
                await using (var connection = new SqlConnection(admin))
                {
                    await connection.ExecuteAsync($"CREATE DATABASE [{name}]");
                }

                var builder = new SqlConnectionStringBuilder(admin) { InitialCatalog = name };
                var options = DataOptions.Parse("sqlserver:" + builder.ConnectionString, null, Path.GetTempPath());
                return new TestDatabase(new DatabaseFactory(options), async () =>
                {
                    SqlConnection.ClearAllPools();
                    await using var connection = new SqlConnection(admin);
                    await connection.ExecuteAsync($"ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}]");
                });
            }
        }
    }

    public async ValueTask DisposeAsync() => await _drop();

    /// <summary>
    /// Drops a test database. An autovacuum worker may be visiting the fresh tables; it belongs to the superuser,
    /// so <c>WITH (FORCE)</c> from our CREATEDB role may not end it (42501) — it finishes within moments, so
    /// retry; a database still left is only a leftover on a throw-away server, never a test's verdict.
    /// </summary>
    private static async Task DropPostgresAsync(string admin, string name)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(admin);
                await connection.ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
            {
                if (attempt == 20)
                {
                    await TestContext.Progress.WriteLineAsync($"test database {name} left behind: {ex.MessageText}");
                    return;
                }

                await Task.Delay(250);
            }
        }
    }

    private static string Require(string variable, string what, string howTo, bool failInCi)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        if (failInCi && string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{variable} is not set, and CI=true requires the {what} tests to run: {howTo}");
        }

        Assert.Ignore($"{what} tests skipped: {howTo}");
        return "";
    }
}
