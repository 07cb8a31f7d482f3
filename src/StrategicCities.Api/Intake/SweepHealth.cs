using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace StrategicCities.Api.Intake;

/// <summary>
/// What the deadline sweep could not run on its last pass (applications whose pinned files are missing, or whose data
/// faults): readiness says degraded while any remain, and each is logged once, not on every tick.
/// </summary>
public sealed class SweepHealth
{
    private readonly ConcurrentDictionary<Guid, byte> _logged = new();
    private volatile int _unrunnable;

    /// <summary>How many applications the last sweep could not run.</summary>
    public int Unrunnable => _unrunnable;

    /// <summary>Whether <paramref name="id"/> is reported for the first time (then it is logged).</summary>
    public bool FirstTime(Guid id) => _logged.TryAdd(id, 0);

    /// <summary>Records the applications the last pass could not run; ones that run again may be logged again later.</summary>
    public void Record(IReadOnlySet<Guid> unrunnable)
    {
        ArgumentNullException.ThrowIfNull(unrunnable);
        foreach (var id in _logged.Keys.Where(id => !unrunnable.Contains(id)))
        {
            _logged.TryRemove(id, out _);
        }

        _unrunnable = unrunnable.Count;
    }
}

/// <summary>Readiness: degraded while the deadline sweep leaves applications it cannot run (counts only, no ids).</summary>
public sealed class SweepHealthCheck(DeadlineSweep sweep) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(sweep.Health.Unrunnable == 0
            ? HealthCheckResult.Healthy("every filed application runs")
            : HealthCheckResult.Degraded($"{sweep.Health.Unrunnable} filed application(s) cannot be run by the deadline sweep (see the log, code law.pinned-version-missing)"));
}
