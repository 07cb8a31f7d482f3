using System.Text.Json.Serialization;
using StrategicCities.Core.Legal;
using StrategicCities.Core.Procedures.Clock;

namespace StrategicCities.Core.Procedures;

/// <summary>One fired trigger, as appended to an application's event list (append-only).</summary>
/// <param name="Trigger">The trigger fired; also the event name the legal clock sees.</param>
/// <param name="From">State before.</param>
/// <param name="To">State after.</param>
/// <param name="Role">Role of the actor who fired it (see <see cref="ProcedureRoles"/>).</param>
/// <param name="Date">Legal date of the event (e.g. the day the PEC was received).</param>
/// <param name="LegalBasis">Legal basis of the transition taken.</param>
public sealed record ProcedureEvent(
    [property: JsonPropertyName("trigger")] string Trigger,
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("date")] DateOnly Date,
    [property: JsonPropertyName("legalBasis")] IReadOnlyList<LegalBasis> LegalBasis)
{
    /// <summary>The event as the legal clock sees it.</summary>
    public ClockEvent ToClockEvent() => new(Trigger, Date);
}
