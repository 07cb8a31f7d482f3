using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Procedures.Clock;

/// <summary>One term as a deadline check reports it.</summary>
/// <param name="Id">Term id (e.g. <c>pdc-istruttoria</c>).</param>
/// <param name="Name">Its name.</param>
/// <param name="Start">Its start (the excluded first day), null when not started.</param>
/// <param name="Due">Its due date, moved off holidays; null when not started, suspended, or met while suspended.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="LegalBasis">The law setting it.</param>
public sealed record CheckedTerm(string Id, LocalizedText Name, DateOnly? Start, DateOnly? Due, TermState Status, IReadOnlyList<LegalBasis> LegalBasis)
{
    /// <summary>The status as written in the CLI's and the cases' JSON: <c>not-started</c>, <c>running</c>, <c>suspended</c>, <c>met</c>, <c>expired</c>.</summary>
    public string StatusName => StateName(Status);

    /// <summary>The JSON name of a term state.</summary>
    public static string StateName(TermState state) => state switch
    {
        TermState.NotStarted => "not-started",
        TermState.Running => "running",
        TermState.Suspended => "suspended",
        TermState.Met => "met",
        _ => "expired",
    };
}
