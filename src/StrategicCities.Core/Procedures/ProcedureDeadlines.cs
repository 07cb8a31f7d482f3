using StrategicCities.Core.Procedures.Clock;

namespace StrategicCities.Core.Procedures;

/// <summary>
/// The legal clock over a procedure definition: the status of every term of the definition for
/// an application's events. Pure, so the API and the deadline sweep compute the same dates.
/// </summary>
public static class ProcedureDeadlines
{
    /// <summary>Every term's status on <paramref name="today"/>, in the order of the definition's terms.</summary>
    /// <param name="definition">The pinned definition.</param>
    /// <param name="events">The application's events (fired triggers), in order.</param>
    /// <param name="calendar">Holidays and national suspension periods.</param>
    /// <param name="municipality">ISTAT code of the municipality whose office must act (its patron day is a holiday).</param>
    /// <param name="today">The day of the computation (never the system clock).</param>
    public static IReadOnlyList<TermStatus> Compute(
        ProcedureDefinition definition, IReadOnlyList<ProcedureEvent> events, ItalianCalendar calendar, string municipality, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(events);
        return LegalClock.Compute(definition.LegalTerms, [.. events.Select(e => e.ToClockEvent())], calendar, municipality, today);
    }

    /// <summary>As <see cref="Compute"/>, with the terms that apply to an application with <paramref name="facts"/> (e.g. the zone A wait).</summary>
    public static IReadOnlyList<TermStatus> ComputeFor(
        ProcedureDefinition definition, IReadOnlyList<ProcedureEvent> events, ProcedureFacts facts, ItalianCalendar calendar, string municipality, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(events);
        return LegalClock.Compute(definition.LegalTermsFor(facts), [.. events.Select(e => e.ToClockEvent())], calendar, municipality, today);
    }
}
