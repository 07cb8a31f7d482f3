using System.Collections.Frozen;
using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Procedures.Clock;

/// <summary>
/// The Italian legal calendar, built from data: weekly rest days (Sunday), fixed national
/// holidays, movable holidays (Easter Monday), municipal patron-saint days keyed by ISTAT
/// municipality code, and national suspension periods of administrative terms.
/// </summary>
/// <remarks>
/// Holidays decide where a term may end (art. 2963 c. 3 c.c., art. 155 c. 4 c.p.c.: a term
/// ending on a holiday is extended to the next working day); suspension periods decide which
/// days a term counts. A day inside a suspension period is not a holiday. Immutable and
/// thread-safe. Build one with <see cref="ItalianCalendarBuilder"/> or <see cref="CalendarLoader"/>.
/// </remarks>
public sealed class ItalianCalendar
{
    private static readonly LocalizedText WeeklyRestName = new("Giorno di riposo settimanale", "Weekly rest day");

    private readonly FixedHoliday[] _fixedHolidays;
    private readonly MovableHoliday[] _movableHolidays;
    private readonly FrozenSet<DayOfWeek> _weeklyRestDays;
    private readonly FrozenDictionary<string, PatronDay[]> _patronDays;
    private readonly SuspensionPeriod[] _suspensions;
    private readonly FrozenSet<string> _patronDaysMoveTerms;

    /// <summary>Creates a calendar from its data.</summary>
    /// <param name="fixedHolidays">National holidays on a fixed day of the year.</param>
    /// <param name="movableHolidays">National holidays on a computed day (Easter Monday).</param>
    /// <param name="weeklyRestDays">Days of the week that are always holidays (Sunday).</param>
    /// <param name="patronDays">Patron-saint days by ISTAT municipality code (6 digits).</param>
    /// <param name="suspensions">National suspension periods of administrative terms.</param>
    /// <param name="version">Version of the calendar data, recorded for audit; optional.</param>
    /// <param name="patronDaysMoveTerms">
    /// ISTAT codes of the municipalities that chose to treat their patron days as holidays for the end of
    /// terms (see <see cref="MovesTermEnd"/>); optional.
    /// </param>
    public ItalianCalendar(
        IEnumerable<FixedHoliday> fixedHolidays,
        IEnumerable<MovableHoliday> movableHolidays,
        IEnumerable<DayOfWeek> weeklyRestDays,
        IReadOnlyDictionary<string, IReadOnlyList<PatronDay>> patronDays,
        IEnumerable<SuspensionPeriod> suspensions,
        string? version = null,
        IEnumerable<string>? patronDaysMoveTerms = null)
    {
        ArgumentNullException.ThrowIfNull(fixedHolidays);
        ArgumentNullException.ThrowIfNull(movableHolidays);
        ArgumentNullException.ThrowIfNull(weeklyRestDays);
        ArgumentNullException.ThrowIfNull(patronDays);
        ArgumentNullException.ThrowIfNull(suspensions);

        _fixedHolidays = [.. fixedHolidays];
        _movableHolidays = [.. movableHolidays];
        _weeklyRestDays = weeklyRestDays.ToFrozenSet();
        _patronDays = patronDays.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _suspensions = [.. suspensions.OrderBy(s => s.From)];
        Version = version;
        _patronDaysMoveTerms = (patronDaysMoveTerms ?? []).ToFrozenSet(StringComparer.Ordinal);

        foreach (var suspension in _suspensions)
        {
            if (suspension.To < suspension.From)
            {
                throw new ArgumentException($"Suspension '{suspension.Name.It}' ends before it starts.", nameof(suspensions));
            }
        }
    }

    /// <summary>Version of the calendar data (e.g. the <c>version</c> of national.json), if known.</summary>
    public string? Version { get; }

    /// <summary>National holidays on a fixed day of the year.</summary>
    public IReadOnlyList<FixedHoliday> FixedHolidays => _fixedHolidays;

    /// <summary>National holidays on a computed day.</summary>
    public IReadOnlyList<MovableHoliday> MovableHolidays => _movableHolidays;

    /// <summary>Days of the week that are always holidays.</summary>
    public IReadOnlySet<DayOfWeek> WeeklyRestDays => _weeklyRestDays;

    /// <summary>National suspension periods, in order of start.</summary>
    public IReadOnlyList<SuspensionPeriod> Suspensions => _suspensions;

    /// <summary>ISTAT codes of the municipalities that have patron days in this calendar.</summary>
    public IReadOnlyCollection<string> Municipalities => _patronDays.Keys;

    /// <summary>The patron days of <paramref name="municipality"/> (empty when none are known).</summary>
    public IReadOnlyList<PatronDay> PatronDaysOf(string municipality) =>
        _patronDays.TryGetValue(municipality, out var days) ? days : [];

    /// <summary>
    /// The name of the holiday on <paramref name="date"/>, or null for a working day. National
    /// holidays win over the municipal patron day, which wins over the weekly rest day.
    /// </summary>
    /// <param name="date">The day.</param>
    /// <param name="municipality">ISTAT code whose patron day counts; null for national holidays only.</param>
    public LocalizedText? DescribeHoliday(DateOnly date, string? municipality = null)
    {
        foreach (var holiday in _fixedHolidays)
        {
            if (holiday.FallsOn(date))
            {
                return holiday.Name;
            }
        }

        foreach (var holiday in _movableHolidays)
        {
            if (holiday.FallsOn(date))
            {
                return holiday.Name;
            }
        }

        if (municipality is not null && _patronDays.TryGetValue(municipality, out var patronDays))
        {
            foreach (var patronDay in patronDays)
            {
                if (patronDay.FallsOn(date))
                {
                    return patronDay.Name;
                }
            }
        }

        return _weeklyRestDays.Contains(date.DayOfWeek) ? WeeklyRestName : null;
    }

    /// <summary>
    /// Whether <paramref name="date"/> is a holiday: a weekly rest day, a national holiday in force
    /// on that date, or the patron day of <paramref name="municipality"/>.
    /// </summary>
    public bool IsHoliday(DateOnly date, string? municipality = null) => DescribeHoliday(date, municipality) is not null;

    /// <summary>
    /// Whether a term whose last day is <paramref name="date"/> moves to the next day (art. 2963 c. 3
    /// c.c., art. 155 c. 4 c.p.c.: "se il giorno di scadenza è festivo"): Sundays and the national
    /// holidays; a patron-saint day only when the law makes it a public holiday (Rome's 29 June,
    /// D.P.R. 792/1985, whose data cites that law) or when <paramref name="municipality"/> chose so
    /// (<c>patronDaysMoveTerms</c> in its calendar file).
    /// </summary>
    /// <remarks>
    /// The other patron days are local holidays (offices closed by collective agreements), not
    /// public holidays in law; whether they move the end of a term is disputed, so the default
    /// follows the letter of the law (they do not) and each municipality may switch it on.
    /// </remarks>
    public bool MovesTermEnd(DateOnly date, string? municipality = null)
    {
        if (DescribeHoliday(date) is not null)
        {
            return true;
        }

        if (municipality is null || !_patronDays.TryGetValue(municipality, out var patronDays))
        {
            return false;
        }

        var switchedOn = _patronDaysMoveTerms.Contains(municipality);
        foreach (var patronDay in patronDays)
        {
            if (patronDay.FallsOn(date) && (switchedOn || patronDay.LegalBasis.Count > 0))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="municipality"/> chose to treat its patron days as holidays for the end of terms.</summary>
    public bool PatronDaysMoveTerms(string municipality) => _patronDaysMoveTerms.Contains(municipality);

    /// <summary>Whether <paramref name="date"/> is not a holiday (Saturdays are working days).</summary>
    public bool IsWorkingDay(DateOnly date, string? municipality = null) => !IsHoliday(date, municipality);

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date, string? municipality = null) =>
        WorkingDayOnOrAfter(date.AddDays(1), municipality);

    /// <summary><paramref name="date"/> itself if it is a working day, otherwise the next working day.</summary>
    public DateOnly WorkingDayOnOrAfter(DateOnly date, string? municipality = null)
    {
        var day = date;
        while (IsHoliday(day, municipality))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>Whether administrative terms are suspended on <paramref name="date"/> by a national suspension period.</summary>
    public bool IsInSuspensionPeriod(DateOnly date)
    {
        foreach (var suspension in _suspensions)
        {
            if (suspension.Contains(date))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The national suspension periods sharing at least one day with [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public IReadOnlyList<SuspensionPeriod> SuspensionsOverlapping(DateOnly from, DateOnly to) =>
        [.. _suspensions.Where(s => s.Overlaps(from, to))];
}
