namespace StrategicCities.Core.Monitoring;

/// <summary>Current backlog: applications filed (in the query's filters), awaiting a decision, now in one state.</summary>
/// <param name="Regime">The regime.</param>
/// <param name="State">The procedure state.</param>
/// <param name="Count">How many.</param>
public sealed record BacklogEntry(string? Regime, string State, long Count);
