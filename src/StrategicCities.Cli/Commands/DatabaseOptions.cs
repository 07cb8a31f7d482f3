using System.CommandLine;
using System.Data.Common;
using StrategicCities.Data;
using StrategicCities.Data.Migrations;

namespace StrategicCities.Cli.Commands;

/// <summary>
/// The database setting of the db, keys and offices commands: <c>--connection</c>, else the environment variables the
/// API reads (<c>Database__ConnectionString</c>, <c>Database__Provider</c>), else the SQLite file
/// <c>data/strategiccities.db</c> under the current folder.
/// </summary>
internal static class DatabaseOptions
{
    public static Option<string?> Connection() => new("--connection", "-c")
    {
        Description =
            "Database setting: a connection string with a provider prefix, e.g. 'sqlite:Data Source=data/strategiccities.db', " +
            "'postgres:Host=127.0.0.1;Database=strategiccities;Username=…;Password=…', 'sqlserver:Server=…;Database=…'. " +
            "Default: $Database__ConnectionString (with $Database__Provider), else data/strategiccities.db here.",
    };

    /// <summary>The factory for the setting, or null after printing why the setting is refused.</summary>
    public static async Task<DatabaseFactory?> CreateFactoryAsync(CliContext context, string? connection)
    {
        try
        {
            var setting = connection ?? Environment.GetEnvironmentVariable("Database__ConnectionString");
            var provider = connection is null ? Environment.GetEnvironmentVariable("Database__Provider") : null;
            return new DatabaseFactory(DataOptions.Parse(setting, provider, Directory.GetCurrentDirectory()));
        }
        catch (FormatException ex)
        {
            await context.Error.WriteLineAsync($"error: {ex.Message}");
            return null;
        }
    }

    /// <summary>
    /// Runs a command against the database: migrates first where the setting says so (SQLite by default), maps a
    /// refused migration or a database fault to a plain message and exit code 1.
    /// </summary>
    public static async Task<int> RunAsync(
        CliContext context, string? connection, Func<DatabaseFactory, Task<int>> action, CancellationToken cancellationToken, bool migrateFirst = true)
    {
        var factory = await CreateFactoryAsync(context, connection);
        if (factory is null)
        {
            return ExitCodes.BadInput;
        }

        try
        {
            if (migrateFirst)
            {
                await factory.MigrateOnStartAsync(cancellationToken);
            }

            return await action(factory);
        }
        catch (MigrationException ex)
        {
            await context.Error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.Failed;
        }
        catch (DbException ex)
        {
            await context.Error.WriteLineAsync(
                $"error: database {factory.Options.Describe()}: {ex.Message} (is it reachable, and migrated with 'permits db migrate'?)");
            return ExitCodes.Failed;
        }
    }
}
