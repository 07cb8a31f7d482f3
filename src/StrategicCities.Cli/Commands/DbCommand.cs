using System.CommandLine;

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
        return new Command("db", "Database operations.") { migrate };
    }
}
