namespace StrategicCities.Core.Monitoring;

/// <summary>The exact counts of one group, as the database aggregates them (SQL <c>COUNT</c>/<c>SUM</c>).</summary>
public sealed record StatisticsCounts
{
    /// <summary>The group.</summary>
    public required StatisticsKey Key { get; init; }

    /// <summary>Applications filed.</summary>
    public long Filed { get; init; }

    /// <summary>Applications of a regime without a decision (CILA, CIL…): filed, never decided nor pending.</summary>
    public long NoDecisionExpected { get; init; }

    /// <summary>Decided (express or tacit).</summary>
    public long Decided { get; init; }

    /// <summary>Express decisions (the denominator of the within-term share).</summary>
    public long ExpressDecisions { get; init; }

    /// <summary>Express decisions within the legal term.</summary>
    public long WithinTerm { get; init; }

    /// <summary>Silenzi-assensi formed.</summary>
    public long SilenziAssensi { get; init; }

    /// <summary>Interruptions of the decision term for integrations.</summary>
    public long IntegrationRequests { get; init; }

    /// <summary>Calendar days of those interruptions (closed ones), summed.</summary>
    public long IntegrationDays { get; init; }
}
