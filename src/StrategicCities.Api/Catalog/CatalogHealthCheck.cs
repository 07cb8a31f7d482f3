using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace StrategicCities.Api.Catalog;

/// <summary>Readiness: the rule catalog is loaded and verified.</summary>
public sealed class CatalogHealthCheck(LoadedCatalog loaded) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(loaded.IsLoaded
            ? HealthCheckResult.Healthy($"{loaded.Catalog.RuleSetIds.Count()} rule sets, {loaded.Catalog.Overlays.Count} overlays loaded")
            : HealthCheckResult.Unhealthy("The rule catalog is not loaded."));
}
