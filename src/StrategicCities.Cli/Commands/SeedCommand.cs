using System.CommandLine;
using System.Diagnostics;
using StrategicCities.Core.Monitoring.Seeding;
using StrategicCities.Data.Monitoring;

namespace StrategicCities.Cli.Commands;

/// <summary><c>permits seed --applications N [--seed 42] [--today yyyy-MM-dd]</c>: realistic demo data for monitoring.</summary>
internal static class SeedCommand
{
    public static Command Create(CliContext context)
    {
        var connection = DatabaseOptions.Connection();
        var count = new Option<int>("--applications", "-n") { Description = "How many applications to generate.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same data).", DefaultValueFactory = _ => 42 };
        var today = new Option<DateOnly?>("--today") { Description = "The last possible event date (default: today); filings span the two years before." };
        var rules = Options.Rules();
        var command = new Command("seed",
            "Fill the database with fake but realistic applications (14 metropolitan capitals, joint offices, legal event histories). Demo and load tests only.")
        {
            count, seed, today, connection, rules,
        };
        command.SetAction(async (parse, ct) =>
        {
            var (procedures, calendar) = await MonitoringLoader.LoadAsync(context, parse.GetValue(rules), ct);
            if (procedures is null || calendar is null)
            {
                return ExitCodes.Failed;
            }

            return await DatabaseOptions.RunAsync(context, parse.GetValue(connection), async factory =>
            {
                var day = parse.GetValue(today) ?? DateOnly.FromDateTime(DateTime.UtcNow);
                var generator = new SeedGenerator(procedures, calendar, day, parse.GetValue(seed));
                var writer = new BulkApplicationWriter(factory);
                var clock = Stopwatch.StartNew();
                await writer.WriteOfficesAsync(generator.Offices, DateTimeOffset.UtcNow, ct);
                var written = await writer.WriteApplicationsAsync(generator.Generate(parse.GetValue(count)), cancellationToken: ct);
                await context.Out.WriteLineAsync(
                    $"seeded {generator.Offices.Count} offices and {written} applications in {clock.Elapsed.TotalSeconds:F1} s ({factory.Options.Describe()})");
                return ExitCodes.Ok;
            }, ct);
        });
        return command;
    }
}
