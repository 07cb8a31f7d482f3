namespace StrategicCities.Core.Procedures.Clock;

/// <summary>Where a legal term stands on a given day.</summary>
public enum TermState
{
    /// <summary>The start event has not happened (yet).</summary>
    NotStarted,

    /// <summary>The term is running; its due date is known.</summary>
    Running,

    /// <summary>The term is suspended, or interrupted and waiting to restart; its due date is not known.</summary>
    Suspended,

    /// <summary>An event satisfying the term happened on or before the due date.</summary>
    Met,

    /// <summary>The due date has passed without an event satisfying the term.</summary>
    Expired,
}
