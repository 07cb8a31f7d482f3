namespace StrategicCities.Core.Monitoring;

/// <summary>What the legal clock says about one application, as kept on the row for the statistics.</summary>
public sealed record ClockAssessment
{
    /// <summary>The date of the first decision event (null while pending, or for procedures without a decision).</summary>
    public DateOnly? DecidedOn { get; init; }

    /// <summary>The outcome of that decision (see <see cref="MonitoredDecision.Outcome"/>).</summary>
    public string? Outcome { get; init; }

    /// <summary>
    /// For an express decision: whether the decision term was met (the legal clock says Met on the decision date,
    /// after interruptions, suspensions, national suspension periods and holidays). Null for tacit decisions,
    /// pending applications and procedures without a decision.
    /// </summary>
    public bool? WithinTerm { get; init; }

    /// <summary>How many times the decision term was interrupted for integrations (or conformation, for SCIA).</summary>
    public int IntegrationRequests { get; init; }

    /// <summary>Calendar days from each interruption to its restart event, summed (open ones are not counted).</summary>
    public int IntegrationDays { get; init; }
}
