namespace StrategicCities.Core.Monitoring;

/// <summary>
/// Processing times and legal-deadline compliance for a <see cref="StatisticsQuery"/>: one row per group, the total,
/// and the current backlog by state. Counts are exact SQL aggregates; percentiles are computed over the decided
/// applications' durations; within-term flags come from the legal clock (<see cref="ApplicationClock"/>).
/// </summary>
public sealed record StatisticsReport
{
    /// <summary>The query answered.</summary>
    public required StatisticsQuery Query { get; init; }

    /// <summary>The rows, ordered by key.</summary>
    public required IReadOnlyList<StatisticsRow> Rows { get; init; }

    /// <summary>All applications of the query together.</summary>
    public required StatisticsRow Total { get; init; }

    /// <summary>Applications awaiting a decision (pending), by regime and current state.</summary>
    public required IReadOnlyList<BacklogEntry> Backlog { get; init; }
}
