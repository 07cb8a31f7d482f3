using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Procedures.Clock;

/// <summary>A term that has expired and whose trigger has not been fired yet.</summary>
/// <param name="ApplicationId">The application.</param>
/// <param name="TermId">The expired term.</param>
/// <param name="DueDate">The last day of the term; the trigger takes effect from the day after.</param>
/// <param name="Trigger">The trigger to fire (e.g. <c>silenzio-assenso</c>); record it as a <see cref="ClockEvent"/> once fired.</param>
/// <param name="LegalBasis">The legal basis of the term.</param>
public sealed record ExpiredTerm(
    string ApplicationId,
    string TermId,
    DateOnly DueDate,
    string Trigger,
    IReadOnlyList<LegalBasis> LegalBasis);
