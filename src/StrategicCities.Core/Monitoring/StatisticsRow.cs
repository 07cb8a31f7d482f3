namespace StrategicCities.Core.Monitoring;

/// <summary>One row of a <see cref="StatisticsReport"/>: the figures of one group of applications (by filing cohort).</summary>
public sealed record StatisticsRow
{
    /// <summary>The group (null dimensions were not grouped by).</summary>
    public required StatisticsKey Key { get; init; }

    /// <summary>Applications filed.</summary>
    public long Filed { get; init; }

    /// <summary>Decided, express or tacit.</summary>
    public long Decided { get; init; }

    /// <summary>Filed, of a regime that ends in a decision, not yet decided.</summary>
    public long Pending { get; init; }

    /// <summary>Filed under a regime without a decision (CILA, CIL): not in decided nor pending.</summary>
    public long NoDecisionExpected { get; init; }

    /// <summary>Median of the days from filing to decision (continuous percentile, as PostgreSQL percentile_cont); null when none decided.</summary>
    public double? MedianDays { get; init; }

    /// <summary>90th percentile of the days from filing to decision (continuous); null when none decided.</summary>
    public double? P90Days { get; init; }

    /// <summary>Express decisions (acts of the office).</summary>
    public long ExpressDecisions { get; init; }

    /// <summary>Express decisions taken within the legal term (legal clock: the decision term was Met).</summary>
    public long WithinTerm { get; init; }

    /// <summary><see cref="WithinTerm"/> / <see cref="ExpressDecisions"/>, 0 to 1; null when no express decision.</summary>
    public double? WithinTermShare { get; init; }

    /// <summary>Silenzi-assensi formed.</summary>
    public long SilenziAssensi { get; init; }

    /// <summary>Interruptions of the decision term for integrations (or conformation).</summary>
    public long IntegrationRequests { get; init; }

    /// <summary>Mean calendar days an interruption lasted (closed ones); null when none.</summary>
    public double? MeanIntegrationDays { get; init; }
}
