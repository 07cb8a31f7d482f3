using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Procedures.Clock;

/// <summary>
/// A holiday on the same day every year (e.g. 25 April), in force during the half-open interval
/// [<see cref="ValidFrom"/>, <see cref="ValidTo"/>): 2 June and 6 January, for instance, were not
/// holidays between 1977 and 2000 and between 1977 and 1985 (L. 54/1977).
/// </summary>
/// <param name="Month">Month, 1–12.</param>
/// <param name="Day">Day of the month.</param>
/// <param name="Name">Name of the holiday.</param>
public sealed record FixedHoliday(int Month, int Day, LocalizedText Name)
{
    /// <summary>The law establishing the holiday.</summary>
    public IReadOnlyList<LegalBasis> LegalBasis { get; init; } = [];

    /// <summary>First day on which the holiday is in force; null when always in force in the past.</summary>
    public DateOnly? ValidFrom { get; init; }

    /// <summary>First day on which the holiday is no longer in force (exclusive); null when still in force.</summary>
    public DateOnly? ValidTo { get; init; }

    /// <summary>Whether <paramref name="date"/> is this holiday and the holiday is in force on that date.</summary>
    public bool FallsOn(DateOnly date) =>
        date.Month == Month && date.Day == Day && Validity.Contains(ValidFrom, ValidTo, date);
}
