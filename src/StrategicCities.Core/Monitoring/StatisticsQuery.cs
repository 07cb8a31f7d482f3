namespace StrategicCities.Core.Monitoring;

/// <summary>
/// Filters and grouping of a statistics request. Filters select applications by filing date (the cohort): an
/// application filed in the period counts as filed, and as decided or pending whatever the date of its decision.
/// </summary>
public sealed record StatisticsQuery
{
    /// <summary>ISTAT code of one municipality, or null for all.</summary>
    public string? Municipality { get; init; }

    /// <summary>
    /// Restricts to these ISTAT codes (a caller's scope: the municipalities of a supervisor's office), or null for no
    /// restriction. An empty list selects nothing.
    /// </summary>
    public IReadOnlyList<string>? Municipalities { get; init; }

    /// <summary>One office, or null for all.</summary>
    public Guid? OfficeId { get; init; }

    /// <summary>One regime (procedure id, e.g. <c>permesso-di-costruire</c>), or null for all.</summary>
    public string? Regime { get; init; }

    /// <summary>Filed on or after.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Filed on or before.</summary>
    public DateOnly? To { get; init; }

    /// <summary>The dimensions of each row (none: only the total).</summary>
    public IReadOnlyList<StatisticsDimension> GroupBy { get; init; } = [StatisticsDimension.Municipality, StatisticsDimension.Regime];
}
