using System.CommandLine;
using System.Data.Common;
using StrategicCities.Data;
using StrategicCities.Data.Migrations;

namespace StrategicCities.Cli.Commands;

/// <summary>
/// The database setting of the commands that use one: <c>--connection</c>, else the environment variables the API
/// reads (<c>Database__ConnectionString</c>, <c>Database__Provider</c>), else the service's own SQLite file. Relative
/// SQLite paths are resolved where the API resolves them (<see cref="DataOptions.HomeDirectory"/>), so that from
/// anywhere in a checkout the commands act on the data of the service started with <c>dotnet run</c>.
/// </summary>
internal static class DatabaseOptions
{
    /// <summary>The rule, as <c>permits --help</c> and <c>permits db info</c> print it.</summary>
    public const string Rule =
        "Database: --connection, else $Database__ConnectionString (with $Database__Provider), else the service's SQLite file " +
        "data/strategiccities.db; the file and relative SQLite paths are in the service's folder, src/StrategicCities.Api of " +
        "the checkout around the current folder (as for 'dotnet run --project src/StrategicCities.Api'), else the current " +
        "folder. 'permits db info' prints which database that is.";

    /// <summary>The setting, the provider and where they came from (for <c>db info</c>).</summary>
    public static (string? Setting, string? Provider, string Source) Resolve(string? connection)
    {
        if (connection is not null)
        {
            return (connection, null, "--connection");
        }

        var setting = Environment.GetEnvironmentVariable("Database__ConnectionString");
        var provider = Environment.GetEnvironmentVariable("Database__Provider");
        return string.IsNullOrWhiteSpace(setting) && string.IsNullOrWhiteSpace(provider)
            ? (null, null, "the default (no --connection, no Database__ConnectionString)")
            : (setting, provider, "the environment (Database__ConnectionString / Database__Provider)");
    }

    /// <summary>The options for the setting (see <see cref="Rule"/>); FormatException when it is refused.</summary>
    public static DataOptions Parse(string? connection)
    {
        var (setting, provider, _) = Resolve(connection);
        return DataOptions.Parse(setting, provider, DataOptions.HomeDirectory(Directory.GetCurrentDirectory()));
    }

    public static Option<string?> Connection() => new("--connection", "-c")
    {
        Description =
            "Database setting: a connection string with a provider prefix, e.g. 'sqlite:Data Source=data/strategiccities.db', " +
            "'postgres:Host=127.0.0.1;Database=strategiccities;Username=…;Password=…', 'sqlserver:Server=…;Database=…'. " +
            "Default: $Database__ConnectionString (with $Database__Provider), else the service's file " +
            "src/StrategicCities.Api/data/strategiccities.db of this checkout ('permits db info' prints it).",
    };

    /// <summary>The factory for the setting, or null after printing why the setting is refused.</summary>
    public static async Task<DatabaseFactory?> CreateFactoryAsync(CliContext context, string? connection)
    {
        try
        {
            return new DatabaseFactory(Parse(connection));
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
