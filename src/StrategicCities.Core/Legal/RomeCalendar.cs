namespace StrategicCities.Core.Legal;

/// <summary>"Today" for Italian law: the calendar date in Europe/Rome, from an injected <see cref="TimeProvider"/>.</summary>
public static class RomeCalendar
{
    private static readonly TimeZoneInfo? Rome = FindRome();

    /// <summary>Today's date in Rome.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var utc = clock.GetUtcNow();
        var local = Rome is not null ? TimeZoneInfo.ConvertTime(utc, Rome) : utc.ToOffset(EuropeanOffset(utc.UtcDateTime));
        return DateOnly.FromDateTime(local.DateTime);
    }

    private static TimeZoneInfo? FindRome()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // Minimal containers ship without tzdata: fall back to the EU rule (CET, CEST from the last
            // Sunday of March to the last Sunday of October, switching at 01:00 UTC).
            return null;
        }
    }

    internal static TimeSpan EuropeanOffset(DateTime utc)
    {
        var start = LastSunday(utc.Year, 3).AddHours(1);
        var end = LastSunday(utc.Year, 10).AddHours(1);
        return utc >= start && utc < end ? TimeSpan.FromHours(2) : TimeSpan.FromHours(1);
    }

    private static DateTime LastSunday(int year, int month)
    {
        var last = new DateTime(year, month, DateTime.DaysInMonth(year, month), 0, 0, 0, DateTimeKind.Utc);
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
