using StrategicCities.Core.Procedures;
using StrategicCities.Core.Procedures.Clock;

namespace StrategicCities.Core.Monitoring;

/// <summary>
/// Assesses one application with the same legal clock the API uses for its deadlines
/// (<see cref="ProcedureDeadlines.Compute"/> over the pinned definition and the events): decision, within-term flag,
/// interruptions for integrations. Pure.
/// </summary>
public static class ApplicationClock
{
    /// <summary>Assesses the events of one application.</summary>
    /// <param name="definition">The pinned definition, composed for the municipality (its population doubles terms).</param>
    /// <param name="events">The events, in order.</param>
    /// <param name="calendar">Holidays and national suspension periods.</param>
    /// <param name="municipality">ISTAT code of the municipality.</param>
    public static ClockAssessment Assess(
        ProcedureDefinition definition, IReadOnlyList<ProcedureEvent> events, ItalianCalendar calendar, string municipality)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(events);
        var procedureId = definition.Id;
        var termId = MonitoredDecisions.DecisionTerm(procedureId);
        var term = termId is null ? null : definition.Terms.FirstOrDefault(t => t.Id == termId);

        var decisionIndex = -1;
        MonitoredDecision? decision = null;
        for (var i = 0; i < events.Count && decision is null; i++)
        {
            decision = MonitoredDecisions.Find(procedureId, events[i].Trigger);
            decisionIndex = decision is null ? -1 : i;
        }

        var (requests, days) = term is null ? (0, 0) : Interruptions(term, events, decisionIndex < 0 ? events.Count : decisionIndex + 1);
        if (decision is null)
        {
            return new ClockAssessment { IntegrationRequests = requests, IntegrationDays = days };
        }

        var decidedOn = events[decisionIndex].Date;
        bool? withinTerm = null;
        if (!decision.Tacit && term is not null)
        {
            // The clock on the decision day over the events up to the decision: Met means decided by the due date.
            var upToDecision = events.Take(decisionIndex + 1).ToList();
            var status = ProcedureDeadlines.Compute(definition, upToDecision, calendar, municipality, decidedOn)
                .FirstOrDefault(s => s.TermId == term.Id);
            withinTerm = status?.State == TermState.Met;
        }

        return new ClockAssessment
        {
            DecidedOn = decidedOn,
            Outcome = decision.Outcome,
            WithinTerm = withinTerm,
            IntegrationRequests = requests,
            IntegrationDays = days,
        };
    }

    private static (int Requests, int Days) Interruptions(ProcedureTerm term, IReadOnlyList<ProcedureEvent> events, int count)
    {
        var requests = 0;
        var days = 0;
        DateOnly? open = null;
        for (var i = 0; i < count; i++)
        {
            var e = events[i];
            if (term.InterruptOn.Contains(e.Trigger, StringComparer.Ordinal) && open is null
                && (term.MaxInterruptions is null || requests < term.MaxInterruptions))
            {
                requests++;
                open = e.Date;
            }
            else if (term.RestartOn.Contains(e.Trigger, StringComparer.Ordinal) && open is { } since)
            {
                days += e.Date.DayNumber - since.DayNumber;
                open = null;
            }
        }

        return (requests, days);
    }
}
