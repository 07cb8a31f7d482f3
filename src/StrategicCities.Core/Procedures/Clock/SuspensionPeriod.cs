using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Procedures.Clock;

/// <summary>
/// A national period during which administrative terms do not run, both ends included
/// (e.g. D.L. 18/2020 art. 103 c.1: 23 February to 15 April 2020, extended to 15 May 2020 by
/// D.L. 23/2020 art. 37). Successive extensions may be separate, adjacent periods.
/// </summary>
/// <param name="From">First day of the period (inclusive).</param>
/// <param name="To">Last day of the period (inclusive).</param>
/// <param name="Name">What the suspension is.</param>
public sealed record SuspensionPeriod(DateOnly From, DateOnly To, LocalizedText Name)
{
    /// <summary>Stable identifier from the data (e.g. <c>covid19-dl18-2020</c>), if any.</summary>
    public string? Id { get; init; }

    /// <summary>
    /// What the suspension concerns as stated by the data (e.g. <c>administrative-procedures</c>);
    /// informative: the clock applies every period of the calendar it is given.
    /// </summary>
    public string? Scope { get; init; }

    /// <summary>The law ordering the suspension.</summary>
    public IReadOnlyList<LegalBasis> LegalBasis { get; init; } = [];

    /// <summary>Whether <paramref name="date"/> falls inside the period.</summary>
    public bool Contains(DateOnly date) => date >= From && date <= To;

    /// <summary>Whether the period shares at least one day with [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public bool Overlaps(DateOnly from, DateOnly to) => From <= to && To >= from;
}
