namespace StrategicCities.Core.Procedures.Clock;

/// <summary>One event of a deadline check: a trigger fired on a legal date.</summary>
/// <param name="Trigger">Trigger id (e.g. <c>presentazione</c>).</param>
/// <param name="Date">Its legal date.</param>
public sealed record CheckEvent(string Trigger, DateOnly Date);
