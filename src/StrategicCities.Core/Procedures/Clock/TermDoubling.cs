using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Procedures.Clock;

/// <summary>
/// How the law doubles a term in days, e.g. the terms of art. 20 c. 3 and c. 5 D.P.R. 380/2001
/// "raddoppiati per i comuni con più di 100.000 abitanti, nonché per i progetti particolarmente
/// complessi secondo la motivata risoluzione del responsabile del procedimento" (c. 7). A term is
/// doubled at most once: a further cause has no effect.
/// </summary>
public sealed record TermDoubling
{
    /// <summary>Length of the term in days once doubled (twice <see cref="LegalTermDefinition.Days"/>, or less where only part of it is doubled).</summary>
    public required int Days { get; init; }

    /// <summary>
    /// Events that double the term from then on (e.g. the officer's motivated decision): a running
    /// or paused term gets the extra days; a term already met or expired is not revived.
    /// </summary>
    public IReadOnlyList<string> On { get; init; } = [];

    /// <summary>Whether the term is doubled from its start (decided when the procedure is resolved for a municipality, e.g. by its population).</summary>
    public bool FromStart { get; init; }

    /// <summary>Why the term is, or is not, doubled from its start (e.g. "population unknown: not doubled"); shown in <see cref="TermStatus.Doubling"/>.</summary>
    public LocalizedText? Reason { get; init; }

    /// <summary>The law doubling the term.</summary>
    public IReadOnlyList<LegalBasis> LegalBasis { get; init; } = [];
}

/// <summary>Whether a term that the law may double is doubled on the day of the computation, and why.</summary>
public sealed record TermDoublingStatus
{
    /// <summary>Whether the term is doubled.</summary>
    public required bool Doubled { get; init; }

    /// <summary>Length of the term in days as it applies (doubled or not).</summary>
    public required int Days { get; init; }

    /// <summary>The event that doubled it; null when doubled from the start or not doubled.</summary>
    public string? Event { get; init; }

    /// <summary>Date of <see cref="Event"/>.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Why it is, or is not, doubled (e.g. the municipality's population, or that it is unknown).</summary>
    public required LocalizedText Reason { get; init; }

    /// <summary>The law doubling the term.</summary>
    public IReadOnlyList<LegalBasis> LegalBasis { get; init; } = [];
}
