namespace StrategicCities.Core.Procedures.Clock;

/// <summary>How the date of a movable holiday is found each year.</summary>
public enum MovableHolidayRule
{
    /// <summary>The Monday after Easter Sunday (JSON <c>"easter-monday"</c>).</summary>
    EasterMonday,
}
