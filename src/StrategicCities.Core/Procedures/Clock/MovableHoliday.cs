using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Procedures.Clock;

/// <summary>A holiday whose date changes every year with Easter, such as Easter Monday.</summary>
/// <param name="Rule">How the date is found.</param>
/// <param name="Name">Name of the holiday.</param>
public sealed record MovableHoliday(MovableHolidayRule Rule, LocalizedText Name)
{
    /// <summary>The law establishing the holiday.</summary>
    public IReadOnlyList<LegalBasis> LegalBasis { get; init; } = [];

    /// <summary>First day on which the holiday is in force; null when always in force in the past.</summary>
    public DateOnly? ValidFrom { get; init; }

    /// <summary>First day on which the holiday is no longer in force (exclusive); null when still in force.</summary>
    public DateOnly? ValidTo { get; init; }

    /// <summary>The date of the holiday in <paramref name="year"/> (whether or not in force that year).</summary>
    public DateOnly DateIn(int year) => Rule switch
    {
        MovableHolidayRule.EasterMonday => Easter.Monday(year),
        MovableHolidayRule.Ascension => Easter.Sunday(year).AddDays(39),
        MovableHolidayRule.CorpusDomini => Easter.Sunday(year).AddDays(60),
        _ => throw new InvalidOperationException($"Unknown movable holiday rule {Rule}."),
    };

    /// <summary>Whether <paramref name="date"/> is this holiday and the holiday is in force on that date.</summary>
    public bool FallsOn(DateOnly date) =>
        date.Year >= Easter.FirstGregorianYear
        && DateIn(date.Year) == date
        && Validity.Contains(ValidFrom, ValidTo, date);
}
