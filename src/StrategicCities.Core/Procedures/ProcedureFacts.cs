using StrategicCities.Core.Catalog;

namespace StrategicCities.Core.Procedures;

/// <summary>
/// What guard rules see, as the parameter <c>application</c> of the <c>procedure-guards</c> rule set:
/// facts of the application given by the caller, and facts the machine derives from the events and
/// the legal clock on the day of the trigger.
/// </summary>
public sealed record ProcedureFacts
{
    /// <summary>The signature of the <c>procedure-guards</c> rule set (registered in <see cref="RuleSignature"/>).</summary>
    public static readonly RuleSignature Signature = new(
        [("application", typeof(ProcedureFacts))],
        [],
        () => [new ProcedureFacts()]);

    /// <summary>
    /// Given by the caller: the building is subject to constraints on hydrogeology, environment,
    /// landscape or cultural heritage (art. 20 c. 8 D.P.R. 380/2001).
    /// </summary>
    public bool Constraints { get; init; }

    /// <summary>Given by the caller: the consents those constraints need were already acquired and are valid.</summary>
    public bool ConstraintActsAcquired { get; init; }

    /// <summary>
    /// Given by the caller: the works are in a zona omogenea A (or an equivalent area) of the
    /// municipal plan, where works under a SCIA may not start before 30 days from filing
    /// (art. 23-bis c. 4 D.P.R. 380/2001). Terms with <c>"when": "zoneA"</c> apply only then.
    /// </summary>
    public bool ZoneA { get; init; }

    /// <summary>Derived: calendar days from the filing (the first event) to the day of the trigger; 0 before filing.</summary>
    public int DaysSinceFiling { get; init; }

    /// <summary>Derived: the triggers already fired, in order.</summary>
    public IReadOnlyList<string> Events { get; init; } = [];

    /// <summary>Derived: ids of the terms expired on the day of the trigger (legal clock).</summary>
    public IReadOnlyList<string> ExpiredTerms { get; init; } = [];

    /// <summary>Derived: the current state.</summary>
    public string State { get; init; } = "";
}
