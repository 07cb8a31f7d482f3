using StrategicCities.Api.Logging;
using StrategicCities.Data;

namespace StrategicCities.Api.Intake;

/// <summary>
/// Migrates the database before the server listens (when <c>Database:MigrateOnStart</c>), then, in Development
/// only, seeds an office and keys on an empty database (<see cref="DevelopmentSeed"/>).
/// </summary>
public sealed class DatabaseStartup(
    DatabaseFactory factory, IHostEnvironment environment, DevelopmentSeed seed, ILogger<DatabaseStartup> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var report = await factory.MigrateOnStartAsync(cancellationToken);
        IntakeLog.DatabaseReady(logger, factory.Options, report?.Applied.Count ?? 0);
        if (environment.IsDevelopment())
        {
            await seed.RunAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
