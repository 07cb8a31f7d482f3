using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Procedures.Clock;

/// <summary>
/// A term in days that the law sets for an office or a party, e.g. the 60-day istruttoria of a
/// permesso di costruire (art. 20 c. 3 D.P.R. 380/2001), with the events that start, pause,
/// restart and satisfy it. See <see cref="LegalClock"/> for how days are counted.
/// </summary>
public sealed record LegalTermDefinition
{
    /// <summary>Stable identifier, e.g. <c>pdc-istruttoria</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Name in the wording of the law.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>The event that starts the term (its date is the excluded first day). Only its first occurrence counts.</summary>
    public required string StartEvent { get; init; }

    /// <summary>
    /// Further events that start the term exactly as <see cref="StartEvent"/> does (e.g. both the
    /// issue of a permit and its formation by silenzio-assenso start the year for starting works,
    /// art. 15 c. 2 D.P.R. 380/2001). Only the first start of any of them counts.
    /// </summary>
    public IReadOnlyList<string> AlternativeStartEvents { get; init; } = [];

    /// <summary>Length of the term in calendar days; at least 1 unless <see cref="Years"/> is set.</summary>
    public required int Days { get; init; }

    /// <summary>
    /// When set, the term is this many years instead of <see cref="Days"/>: it ends on the day of
    /// the same number in the month of the final year (art. 2963 c. 4 c.c.; 29 February → 28
    /// February). The length in days is fixed from the (re)start date.
    /// </summary>
    public int? Years { get; init; }

    /// <summary>
    /// When set, the term is this many months instead of <see cref="Days"/> (art. 2963 c. 4 c.c.: it
    /// ends on the day of the same number in the final month, or on that month's last day). The
    /// length in days is fixed from the (re)start date.
    /// </summary>
    public int? Months { get; init; }

    /// <summary>
    /// When not empty, the term's length depends on the day it starts: the last period whose
    /// <see cref="TermLengthPeriod.From"/> is on or before the start applies (the first one for an
    /// earlier start). Takes precedence over <see cref="Days"/>, <see cref="Months"/> and <see cref="Years"/>.
    /// </summary>
    public IReadOnlyList<TermLengthPeriod> Periods { get; init; } = [];

    /// <summary>What the term is in law; decides whether national suspension periods stop it (default procedural).</summary>
    public TermKind Kind { get; init; } = TermKind.Procedural;

    /// <summary>
    /// When set, the term also starts when the term with this id expires, on that term's due date
    /// (its excluded first day), e.g. the cap on self-redress runs from the end of the SCIA's 30-day
    /// control (art. 19 c. 4 L. 241/1990). The term named must come earlier in the list given to the clock
    /// or anywhere in it; a term cannot start on its own expiry.
    /// </summary>
    public string? StartOnExpiryOf { get; init; }

    /// <summary>Statutory extensions of a due date falling in a window (art. 103 c. 2 D.L. 18/2020 for validity terms).</summary>
    public IReadOnlyList<TermExtension> Extensions { get; init; } = [];

    /// <summary>Further causes of suspension, each with its own resuming events and limits.</summary>
    public IReadOnlyList<TermSuspensionCause> SuspensionCauses { get; init; } = [];

    /// <summary>Events that suspend the term: the days already run are kept, the term resumes on a <see cref="ResumeOn"/> event.</summary>
    public IReadOnlyList<string> SuspendOn { get; init; } = [];

    /// <summary>Events that resume a suspended term.</summary>
    public IReadOnlyList<string> ResumeOn { get; init; } = [];

    /// <summary>
    /// Calendar days after a <see cref="ResumeOn"/> event at which the term resumes (0: on the
    /// event itself). Art. 10-bis L. 241/1990 as amended by D.L. 76/2020: the terms "ricominciano a
    /// decorrere dieci giorni dopo la presentazione delle osservazioni".
    /// </summary>
    public int ResumeDelayDays { get; init; }

    /// <summary>
    /// When set, a suspended term resumes by itself this many calendar days after the suspending
    /// event if no <see cref="ResumeOn"/> event came by then (art. 10-bis L. 241/1990 as amended by
    /// D.L. 76/2020: "o, in mancanza delle stesse, dalla scadenza del termine" of 10 days for the
    /// observations).
    /// </summary>
    public int? ResumeAfterDays { get; init; }

    /// <summary>
    /// How many suspensions the law allows (e.g. 1 for art. 2 c. 7 L. 241/1990); null for no limit.
    /// Suspending events beyond the limit are ignored and reported in <see cref="TermStatus.IgnoredEvents"/>.
    /// </summary>
    public int? MaxSuspensions { get; init; }

    /// <summary>
    /// Events that interrupt the term: the days already run are lost and the term starts again in
    /// full. It restarts from the interrupting event itself when <see cref="RestartOn"/> is empty and
    /// <see cref="RestartAfterDays"/> is null, otherwise from the restarting event.
    /// </summary>
    public IReadOnlyList<string> InterruptOn { get; init; } = [];

    /// <summary>Events from which an interrupted term starts again in full (e.g. receipt of the integrations).</summary>
    public IReadOnlyList<string> RestartOn { get; init; } = [];

    /// <summary>
    /// When set, an interrupted term restarts by itself this many calendar days after the
    /// interruption if no <see cref="RestartOn"/> event came earlier (e.g. 10 days for the
    /// observations after a preavviso di rigetto, art. 10-bis L. 241/1990 as worded 2005–2020).
    /// </summary>
    public int? RestartAfterDays { get; init; }

    /// <summary>How many interruptions the law allows (e.g. 1 for art. 20 c. 5 D.P.R. 380/2001); null for no limit.</summary>
    public int? MaxInterruptions { get; init; }

    /// <summary>Events that satisfy the term (e.g. the decision).</summary>
    public IReadOnlyList<string> MetBy { get; init; } = [];

    /// <summary>How the law doubles the term (e.g. art. 20 c. 7 D.P.R. 380/2001); null when it never is.</summary>
    public TermDoubling? Doubling { get; init; }

    /// <summary>Trigger to fire when the term expires (e.g. <c>silenzio-assenso</c>); null for none.</summary>
    public string? OnExpiry { get; init; }

    /// <summary>The law setting the term and its pauses.</summary>
    public IReadOnlyList<LegalBasis> LegalBasis { get; init; } = [];
}
