namespace StrategicCities.Core.Procedures.Clock;

/// <summary>The outcome of loading calendar data: a calendar, or the problems that prevented it.</summary>
/// <param name="Calendar">The calendar; null when <paramref name="Errors"/> is not empty.</param>
/// <param name="Errors">Every problem found; empty on success.</param>
public sealed record CalendarLoadResult(ItalianCalendar? Calendar, IReadOnlyList<CalendarLoadError> Errors)
{
    /// <summary>Whether the calendar was loaded without problems.</summary>
    public bool IsSuccess => Calendar is not null && Errors.Count == 0;
}
