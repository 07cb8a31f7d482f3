namespace StrategicCities.Core.Monitoring;

/// <summary>A trigger that concludes a procedure for monitoring purposes, and what it means.</summary>
/// <param name="Trigger">The trigger (e.g. <c>rilascio</c>).</param>
/// <param name="Outcome">The outcome recorded on the application (<c>applications.outcome</c>, open-data column <c>outcome</c>).</param>
/// <param name="Tacit">
/// True when the law concludes the procedure without an act of the office (silenzio-assenso, SCIA consolidated when
/// the control term lapses): such decisions have no within-term flag.
/// </param>
public sealed record MonitoredDecision(string Trigger, string Outcome, bool Tacit);
