namespace StrategicCities.Core.Procedures.Clock;

/// <summary>Something that happened in a procedure on a legal date (filing, request for integrations, decision…).</summary>
/// <param name="Name">Event name, matched ordinally against the names in <see cref="LegalTermDefinition"/>.</param>
/// <param name="Date">The legal date of the event (e.g. the day the PEC was received).</param>
public sealed record ClockEvent(string Name, DateOnly Date);
