using StrategicCities.Core.Catalog;

namespace StrategicCities.Core.Procedures.Clock;

/// <summary>What a deadline check found: the procedure in force, the state reached, the terms, what may follow.</summary>
public sealed record DeadlineReport
{
    /// <summary>The national procedure file in force on the first event's date.</summary>
    public required RuleFileHeader Procedure { get; init; }

    /// <summary>The state reached after the events.</summary>
    public required string State { get; init; }

    /// <summary>Every term of the procedure on <see cref="On"/>.</summary>
    public required IReadOnlyList<CheckedTerm> Terms { get; init; }

    /// <summary>The triggers some role may fire in the state reached, on <see cref="On"/> (guards evaluated), sorted.</summary>
    public required IReadOnlyList<string> PermittedTriggers { get; init; }

    /// <summary>The day of the computation.</summary>
    public required DateOnly On { get; init; }
}
