using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Procedures.Clock;

/// <summary>
/// The length a term has when it starts on or after <see cref="From"/>, for a term whose length the
/// law changed over time and which follows the law in force on the day it starts (e.g. the cap on
/// self-redress of art. 21-nonies L. 241/1990: 18 months from 28 August 2015, 12 from 1 June 2021,
/// 6 from 18 December 2025). Exactly one of <see cref="Days"/> and <see cref="Months"/> is set.
/// </summary>
public sealed record TermLengthPeriod
{
    /// <summary>First start date (the excluded first day of the term) the length applies to.</summary>
    public required DateOnly From { get; init; }

    /// <summary>Length in calendar days.</summary>
    public int? Days { get; init; }

    /// <summary>Length in months (art. 2963 c. 4 c.c.: the same day of the final month, or its last day).</summary>
    public int? Months { get; init; }

    /// <summary>The law setting this length.</summary>
    public IReadOnlyList<LegalBasis> LegalBasis { get; init; } = [];

    /// <summary>The length in days of a run starting on <paramref name="start"/>.</summary>
    public int LengthFrom(DateOnly start) =>
        Months is { } months ? start.AddMonths(months).DayNumber - start.DayNumber : Days ?? 0;
}
