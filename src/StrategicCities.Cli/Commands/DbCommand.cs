using System.CommandLine;
using StrategicCities.Data;

namespace StrategicCities.Cli.Commands;

/// <summary><c>permits db migrate [--connection &lt;setting&gt;]</c>: applies the pending numbered scripts of the dialect.</summary>
internal static class DbCommand
{
    public static Command Create(CliContext context)
    {
        var connection = DatabaseOptions.Connection();
        var migrate = new Command("migrate",
            "Apply the pending migrations (forward only, one transaction per script, journal table schema_journal). " +
            "Refuses, with exit code 1, if an applied script was changed or the database was migrated by a newer build.")
        {
            connection,
        };
        migrate.SetAction(async (parse, ct) =>
        {
            // Migrates explicitly, whatever Database:MigrateOnStart says.
            return await DatabaseOptions.RunAsync(context, parse.GetValue(connection), async f =>
            {
                var report = await f.MigrateAsync(ct);
                foreach (var name in report.Applied)
                {
                    await context.Out.WriteLineAsync($"applied {name}");
                }

                await context.Out.WriteLineAsync(
                    $"ok: {f.Options.Describe()} is up to date ({report.Applied.Count} applied now, {report.AlreadyApplied.Count} before)");
                return ExitCodes.Ok;
            }, ct, migrateFirst: false);
        });
        var infoConnection = DatabaseOptions.Connection();
        var info = new Command("info",
            "Print which database the commands (and the service, by the same rule) use, without opening or creating it.")
        {
            infoConnection,
        };
        info.SetAction(async (parse, ct) =>
        {
            var connectionValue = parse.GetValue(infoConnection);
            DataOptions options;
            try
            {
                options = DatabaseOptions.Parse(connectionValue);
            }
            catch (FormatException ex)
            {
                await context.Error.WriteLineAsync($"error: {ex.Message}");
                return ExitCodes.BadInput;
            }

            await context.Out.WriteLineAsync($"database: {options.Describe()}");
            await context.Out.WriteLineAsync($"from: {DatabaseOptions.Resolve(connectionValue).Source}");
            await context.Out.WriteLineAsync(DatabaseOptions.Rule);
            return ExitCodes.Ok;
        });
        return new Command("db", "Database operations.") { migrate, info };
    }
}
