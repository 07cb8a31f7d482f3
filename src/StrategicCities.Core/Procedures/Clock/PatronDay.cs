using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Procedures.Clock;

/// <summary>
/// A municipality's patron-saint day, a local holiday in that municipality only
/// (e.g. Sant'Ambrogio, 7 December, in Milano).
/// </summary>
/// <param name="Month">Month, 1–12.</param>
/// <param name="Day">Day of the month.</param>
/// <param name="Name">Name of the patron saint's feast.</param>
public sealed record PatronDay(int Month, int Day, LocalizedText Name)
{
    /// <summary>The law or act making the day a local holiday, when the data cites one.</summary>
    public IReadOnlyList<LegalBasis> LegalBasis { get; init; } = [];

    /// <summary>First day on which the local holiday is in force; null when always in force in the past.</summary>
    public DateOnly? ValidFrom { get; init; }

    /// <summary>First day on which the local holiday is no longer in force (exclusive); null when still in force.</summary>
    public DateOnly? ValidTo { get; init; }

    /// <summary>Whether <paramref name="date"/> is this patron day and it is in force on that date.</summary>
    public bool FallsOn(DateOnly date) =>
        date.Month == Month && date.Day == Day && Validity.Contains(ValidFrom, ValidTo, date);
}
