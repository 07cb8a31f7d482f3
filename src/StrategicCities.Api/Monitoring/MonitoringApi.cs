using StrategicCities.Api.Intake.Auth;
using StrategicCities.Data;
using StrategicCities.Data.ApiKeys;
using StrategicCities.Data.Monitoring;

namespace StrategicCities.Api.Monitoring;

/// <summary>
/// Statistics, open data and the dashboard: <c>builder.Services.AddMonitoringApi()</c> and
/// <c>app.UseDashboard()</c>. Kept in one place so Program.cs merges cleanly.
/// </summary>
public static class MonitoringApi
{
    /// <summary>The policy of the statistics endpoints: supervisors (scoped to their office) and admins.</summary>
    public const string StatisticsPolicy = "statistics";

    /// <summary>The roles of <see cref="StatisticsPolicy"/>.</summary>
    public static readonly string[] StatisticsRoles = [ApiKeyRoles.Supervisor, ApiKeyRoles.Admin];

    /// <summary>Registers the monitoring store and the statistics policy.</summary>
    public static IServiceCollection AddMonitoringApi(this IServiceCollection services)
    {
        services.AddSingleton(sp => new MonitoringStore(sp.GetRequiredService<DatabaseFactory>()));
        services.AddSingleton(sp => new ClockRefresher(sp.GetRequiredService<DatabaseFactory>()));
        services.AddScoped<ClockRefresh>();
        services.AddAuthorizationBuilder()
            .AddPolicy(StatisticsPolicy, p => p.RequireClaim(IntakeClaims.Role, StatisticsRoles));
        return services;
    }
}
