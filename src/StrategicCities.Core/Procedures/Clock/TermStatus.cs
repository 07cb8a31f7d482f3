using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Procedures.Clock;

/// <summary>The status of one legal term on a given day, as computed by <see cref="LegalClock"/>.</summary>
public sealed record TermStatus
{
    /// <summary>The term's <see cref="LegalTermDefinition.Id"/>.</summary>
    public required string TermId { get; init; }

    /// <summary>The term's name.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>Where the term stands.</summary>
    public required TermState State { get; init; }

    /// <summary>Date of the start event (the excluded first day); null when not started.</summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>Date from which the term last started again in full after an interruption; null when never interrupted.</summary>
    public DateOnly? RestartedOn { get; init; }

    /// <summary>
    /// Last day on which the term can be met, already moved off holidays: set when
    /// <see cref="State"/> is Running or Expired, and for Met when the term was running when met.
    /// </summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>
    /// Calendar days from the day of the computation to <see cref="DueDate"/>: 0 on the due date,
    /// negative once expired (days overdue); null unless Running or Expired.
    /// </summary>
    public int? DaysRemaining { get; init; }

    /// <summary>
    /// Days of the term not yet used up: for a Suspended term, the days it will still run once
    /// resumed; for a Running term, the counted days still ahead. Null otherwise.
    /// </summary>
    public int? TermDaysLeft { get; init; }

    /// <summary>
    /// Calendar days of the current run (since the start, or the last restart) that did not
    /// count because of a suspension, by event or national. For a running term,
    /// DueDate = start + Days + SuspendedDays, before moving off a holiday.
    /// </summary>
    public int SuspendedDays { get; init; }

    /// <summary>
    /// For a Suspended term whose resumption is already known (a delayed or automatic resume, see
    /// <see cref="LegalTermDefinition.ResumeDelayDays"/> and <see cref="LegalTermDefinition.ResumeAfterDays"/>,
    /// or an interruption with <see cref="LegalTermDefinition.RestartAfterDays"/>): the day it will
    /// run again from (excluded, like a start). Null otherwise.
    /// </summary>
    public DateOnly? ResumesOn { get; init; }

    /// <summary>Suspensions applied (ignored ones excluded).</summary>
    public int Suspensions { get; init; }

    /// <summary>Interruptions applied (ignored ones excluded).</summary>
    public int Interruptions { get; init; }

    /// <summary>Date of the event that met the term; null unless Met.</summary>
    public DateOnly? MetOn { get; init; }

    /// <summary>The trigger to fire on expiry (from the definition).</summary>
    public string? OnExpiry { get; init; }

    /// <summary>
    /// For a term the law may double (<see cref="LegalTermDefinition.Doubling"/>): whether it is
    /// doubled, why or why not, and on what law; null for any other term.
    /// </summary>
    public TermDoublingStatus? Doubling { get; init; }

    /// <summary>The legal basis of the term (from the definition).</summary>
    public IReadOnlyList<LegalBasis> LegalBasis { get; init; } = [];

    /// <summary>
    /// Events naming this term that had no effect: a suspension beyond <see cref="LegalTermDefinition.MaxSuspensions"/>,
    /// a resume while not suspended, a second start, an event after expiry…, kept for the audit trail.
    /// </summary>
    public IReadOnlyList<ClockEvent> IgnoredEvents { get; init; } = [];
}
