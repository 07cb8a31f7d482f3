using StrategicCities.Api.Intake;
using StrategicCities.Core.Procedures;
using StrategicCities.Data.Monitoring;

namespace StrategicCities.Api.Monitoring;

/// <summary>
/// Before statistics are computed, brings the clock facts of applications changed through the API since their last
/// assessment up to date (<see cref="ClockRefresher"/>): the within-term flags and integrations then count triggers
/// fired by clerks, not only the seeded histories.
/// </summary>
public sealed class ClockRefresh(ClockRefresher refresher, ProcedureCatalog procedures, LegalCalendarProvider calendars)
{
    /// <summary>Re-assesses every stale row; returns how many.</summary>
    public async Task<int> EnsureFreshAsync(CancellationToken cancellationToken) =>
        await refresher.RefreshAsync(procedures, await calendars.GetAsync(cancellationToken), cancellationToken);
}
