using StrategicCities.Core.Legal;
using StrategicCities.Core.Procedures.Clock;

namespace StrategicCities.Core.Procedures;

/// <summary>One application to scan: its pinned definition, current state, events and municipality.</summary>
public sealed record ProcedureApplication(
    string ApplicationId, ProcedureDefinition Definition, string State, IReadOnlyList<ProcedureEvent> Events, string Municipality);

/// <summary>An automatic trigger due because a term expired.</summary>
/// <param name="ApplicationId">The application.</param>
/// <param name="TermId">The term that expired.</param>
/// <param name="DueDate">Its last day.</param>
/// <param name="Trigger">The trigger to fire with role <c>system</c> (e.g. <c>silenzio-assenso</c>).</param>
/// <param name="EffectiveFrom">The day the effect arises (the day after the due date): the legal date to fire it with, unless a later event already exists.</param>
/// <param name="LegalBasis">The legal basis of the term.</param>
public sealed record DueTrigger(
    string ApplicationId, string TermId, DateOnly DueDate, string Trigger, DateOnly EffectiveFrom, IReadOnlyList<LegalBasis> LegalBasis);

/// <summary>
/// The deadline sweep: which applications have an expired term whose automatic trigger must now be
/// fired. Pure and idempotent (built on <see cref="ExpiryScanner"/>): once the trigger is fired and
/// its event appended, the application is no longer listed; a trigger that does not leave the
/// current state (the procedure moved on) is never listed.
/// </summary>
public static class ProcedureExpiry
{
    /// <summary>The triggers due on <paramref name="now"/>, at most one per application and trigger (the earliest term).</summary>
    public static IReadOnlyList<DueTrigger> Scan(IReadOnlyList<ProcedureApplication> applications, ItalianCalendar calendar, DateOnly now)
    {
        ArgumentNullException.ThrowIfNull(applications);
        var byId = applications.ToDictionary(a => a.ApplicationId, StringComparer.Ordinal);
        var expired = ExpiryScanner.Scan(
            [.. applications.Select(a => new ExpiryScanItem(a.ApplicationId, a.Definition.LegalTerms, [.. a.Events.Select(e => e.ToClockEvent())], a.Municipality))],
            calendar,
            now);
        return
        [
            .. expired
                .Where(e => byId[e.ApplicationId].Definition.TransitionsFrom(byId[e.ApplicationId].State).Any(t => t.Trigger == e.Trigger))
                .GroupBy(e => (e.ApplicationId, e.Trigger))
                .Select(g => g.OrderBy(e => e.DueDate).First())
                .Select(e => new DueTrigger(e.ApplicationId, e.TermId, e.DueDate, e.Trigger, e.DueDate.AddDays(1), e.LegalBasis))
                .OrderBy(d => d.DueDate)
                .ThenBy(d => d.ApplicationId, StringComparer.Ordinal),
        ];
    }
}
