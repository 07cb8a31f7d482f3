namespace StrategicCities.Core.Procedures.Clock;

/// <summary>
/// Easter in the Gregorian calendar, computed with the anonymous Gregorian algorithm
/// (Meeus/Jones/Butcher), valid for every Gregorian year.
/// </summary>
public static class Easter
{
    /// <summary>The first Gregorian year (1583, the first full year after the 1582 reform).</summary>
    public const int FirstGregorianYear = 1583;

    /// <summary>Easter Sunday of <paramref name="year"/>, e.g. 2025-04-20.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is before 1583 or after 9999.</exception>
    public static DateOnly Sunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstGregorianYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);

        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>Easter Monday ("Lunedì dell'Angelo") of <paramref name="year"/>, the day after Easter Sunday.</summary>
    public static DateOnly Monday(int year) => Sunday(year).AddDays(1);
}
