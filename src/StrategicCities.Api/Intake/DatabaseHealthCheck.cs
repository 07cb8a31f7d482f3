using Microsoft.Extensions.Diagnostics.HealthChecks;
using StrategicCities.Data;

namespace StrategicCities.Api.Intake;

/// <summary>
/// Readiness: the database answers a trivial query. The answer is public, so it says only whether the database
/// answered: no dialect, file, host or database name (the start-up log names them).
/// </summary>
public sealed class DatabaseHealthCheck(DatabaseFactory factory) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await factory.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("reachable");
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or IOException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("unreachable");
        }
    }
}
