using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Procedures.Clock;

/// <summary>
/// Builds an <see cref="ItalianCalendar"/> in code (tests, tools). The builder holds no legal data
/// of its own: every holiday and suspension is added explicitly.
/// </summary>
public sealed class ItalianCalendarBuilder
{
    private readonly List<FixedHoliday> _fixedHolidays = [];
    private readonly List<MovableHoliday> _movableHolidays = [];
    private readonly HashSet<DayOfWeek> _weeklyRestDays = [];
    private readonly Dictionary<string, List<PatronDay>> _patronDays = new(StringComparer.Ordinal);
    private readonly List<SuspensionPeriod> _suspensions = [];
    private readonly HashSet<string> _patronDaysMoveTerms = new(StringComparer.Ordinal);
    private string? _version;

    /// <summary>Sets the version recorded on the calendar.</summary>
    public ItalianCalendarBuilder WithVersion(string version)
    {
        _version = version;
        return this;
    }

    /// <summary>Adds a weekly rest day (Sunday in Italy).</summary>
    public ItalianCalendarBuilder AddWeeklyRestDay(DayOfWeek day)
    {
        _weeklyRestDays.Add(day);
        return this;
    }

    /// <summary>Adds a fixed holiday, optionally in force only in [<paramref name="validFrom"/>, <paramref name="validTo"/>).</summary>
    public ItalianCalendarBuilder AddFixedHoliday(
        int month, int day, LocalizedText name, DateOnly? validFrom = null, DateOnly? validTo = null, IReadOnlyList<LegalBasis>? legalBasis = null)
    {
        ValidateDayOfYear(month, day);
        ValidateValidity(validFrom, validTo);
        _fixedHolidays.Add(new FixedHoliday(month, day, name) { ValidFrom = validFrom, ValidTo = validTo, LegalBasis = legalBasis ?? [] });
        return this;
    }

    /// <summary>Adds a holiday of one day only (e.g. 17 March 2011, D.L. 5/2011), as a fixed holiday valid on that day.</summary>
    public ItalianCalendarBuilder AddSingleDay(DateOnly date, LocalizedText name, IReadOnlyList<LegalBasis>? legalBasis = null) =>
        AddFixedHoliday(date.Month, date.Day, name, date, date.AddDays(1), legalBasis);

    /// <summary>Adds a movable holiday such as Easter Monday.</summary>
    public ItalianCalendarBuilder AddMovableHoliday(
        MovableHolidayRule rule, LocalizedText name, DateOnly? validFrom = null, DateOnly? validTo = null, IReadOnlyList<LegalBasis>? legalBasis = null)
    {
        ValidateValidity(validFrom, validTo);
        _movableHolidays.Add(new MovableHoliday(rule, name) { ValidFrom = validFrom, ValidTo = validTo, LegalBasis = legalBasis ?? [] });
        return this;
    }

    /// <summary>Adds the patron-saint day of the municipality with ISTAT code <paramref name="municipality"/>.</summary>
    public ItalianCalendarBuilder AddPatronDay(
        string municipality,
        int month,
        int day,
        LocalizedText name,
        DateOnly? validFrom = null,
        DateOnly? validTo = null,
        IReadOnlyList<LegalBasis>? legalBasis = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(municipality);
        ValidateDayOfYear(month, day);
        ValidateValidity(validFrom, validTo);
        if (!_patronDays.TryGetValue(municipality, out var days))
        {
            days = [];
            _patronDays.Add(municipality, days);
        }

        days.Add(new PatronDay(month, day, name) { ValidFrom = validFrom, ValidTo = validTo, LegalBasis = legalBasis ?? [] });
        return this;
    }

    /// <summary>
    /// Records that <paramref name="municipality"/> treats its patron days as holidays for the end of
    /// terms (see <see cref="ItalianCalendar.MovesTermEnd"/>).
    /// </summary>
    public ItalianCalendarBuilder PatronDaysMoveTerms(string municipality)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(municipality);
        _patronDaysMoveTerms.Add(municipality);
        return this;
    }

    /// <summary>Adds a national suspension period, both ends included.</summary>
    public ItalianCalendarBuilder AddSuspension(
        DateOnly from, DateOnly to, LocalizedText name, IReadOnlyList<LegalBasis>? legalBasis = null, string? id = null, string? scope = null)
    {
        if (to < from)
        {
            throw new ArgumentException("A suspension period cannot end before it starts.", nameof(to));
        }

        _suspensions.Add(new SuspensionPeriod(from, to, name) { LegalBasis = legalBasis ?? [], Id = id, Scope = scope });
        return this;
    }

    /// <summary>Creates the calendar.</summary>
    public ItalianCalendar Build() => new(
        _fixedHolidays,
        _movableHolidays,
        _weeklyRestDays,
        _patronDays.ToDictionary(p => p.Key, p => (IReadOnlyList<PatronDay>)[.. p.Value], StringComparer.Ordinal),
        _suspensions,
        _version,
        _patronDaysMoveTerms);

    private static void ValidateDayOfYear(int month, int day)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(day, 1);
        // A leap year, so that 29 February is accepted.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(day, DateTime.DaysInMonth(2000, month));
    }

    private static void ValidateValidity(DateOnly? validFrom, DateOnly? validTo)
    {
        if (!Validity.IsWellFormed(validFrom, validTo))
        {
            throw new ArgumentException("validFrom must be earlier than validTo.", nameof(validTo));
        }
    }
}
