using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using StrategicCities.Data.Migrations;

namespace StrategicCities.Data;

/// <summary>
/// Opens connections of the configured dialect. Register one per process (singleton): it is thread-safe, and the
/// stores open one connection per call, so parallel requests never share a connection.
/// </summary>
public sealed class DatabaseFactory
{
    private readonly ILogger _logger;
    private int _walChecked;

    /// <summary>Creates the factory; also installs the Dapper type handlers (GUIDs, instants, legal dates) once per process.</summary>
    public DatabaseFactory(DataOptions options, ILogger<DatabaseFactory>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        SqlTypeHandlers.Register();
    }

    /// <summary>The options.</summary>
    public DataOptions Options { get; }

    /// <summary>The dialect.</summary>
    public Dialect Dialect => Options.Dialect;

    /// <summary>Opens a new connection (asynchronously; the caller disposes it).</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        DbConnection connection = Dialect switch
        {
            Dialect.Sqlite => new SqliteConnection(Options.ConnectionString),
            Dialect.Postgres => new NpgsqlConnection(Options.ConnectionString),
            _ => new SqlConnection(Options.ConnectionString),
        };
        try
        {
            if (Dialect == Dialect.Sqlite)
            {
                var file = new SqliteConnectionStringBuilder(Options.ConnectionString).DataSource;
                var folder = Path.GetDirectoryName(file);
                if (!string.IsNullOrEmpty(folder) && Path.IsPathRooted(file))
                {
                    Directory.CreateDirectory(folder);
                }
            }

            await connection.OpenAsync(cancellationToken);
            if (Dialect == Dialect.Sqlite && Interlocked.CompareExchange(ref _walChecked, 1, 0) == 0)
            {
                // WAL lets readers go on while one writer commits; the mode is stored in the file, so once is enough.
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA journal_mode = WAL;";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Applies the pending migrations of this dialect (see <see cref="MigrationRunner"/>).</summary>
    /// <exception cref="MigrationException">An applied script was changed or is unknown to this build.</exception>
    public Task<MigrationReport> MigrateAsync(CancellationToken cancellationToken = default) =>
        new MigrationRunner(this, _logger).RunAsync(cancellationToken);

    /// <summary>Applies the pending migrations when <see cref="DataOptions.MigrateOnStart"/> is set; the host calls this at start-up.</summary>
    /// <returns>The report, or null when migrating at start-up is off.</returns>
    public async Task<MigrationReport?> MigrateOnStartAsync(CancellationToken cancellationToken = default) =>
        Options.MigrateOnStart ? await MigrateAsync(cancellationToken) : null;
}
