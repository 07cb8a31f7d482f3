using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Procedures.Clock;

/// <summary>
/// A further cause of suspension of a term, with its own resuming events and limits, for a term that
/// the law suspends for more than one reason with different rules: e.g. the istruttoria of a permesso
/// di costruire is suspended by the preavviso di rigetto until 10 days after the observations
/// (art. 10-bis L. 241/1990) and by a request for modest modifications until its outcome (art. 20
/// c. 4 D.P.R. 380/2001). The first cause is the one of <see cref="LegalTermDefinition.SuspendOn"/>.
/// </summary>
public sealed record TermSuspensionCause
{
    /// <summary>Events that suspend the term for this cause.</summary>
    public required IReadOnlyList<string> On { get; init; }

    /// <summary>Events that resume the term suspended for this cause (and only for it).</summary>
    public required IReadOnlyList<string> ResumeOn { get; init; }

    /// <summary>See <see cref="LegalTermDefinition.ResumeDelayDays"/>.</summary>
    public int ResumeDelayDays { get; init; }

    /// <summary>See <see cref="LegalTermDefinition.ResumeAfterDays"/>.</summary>
    public int? ResumeAfterDays { get; init; }

    /// <summary>How many suspensions for this cause the law allows; null for no limit.</summary>
    public int? MaxSuspensions { get; init; }

    /// <summary>The law suspending the term for this cause.</summary>
    public IReadOnlyList<LegalBasis> LegalBasis { get; init; } = [];
}
