using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Procedures.Clock;

/// <summary>
/// A statutory extension of a term that would expire within a window: a due date from
/// <see cref="ExpiringFrom"/> to <see cref="ExpiringTo"/> (both included) becomes <see cref="ValidUntil"/>.
/// E.g. art. 103 c. 2 D.L. 18/2020 (as amended by D.L. 125/2020 and with the state of emergency ended
/// on 31 March 2022, D.L. 221/2021): permits, SCIA and the start and completion terms of art. 15
/// D.P.R. 380/2001 "in scadenza tra il 31 gennaio 2020 e la data della dichiarazione di cessazione
/// dello stato di emergenza … conservano la loro validità per i novanta giorni successivi": to
/// 29 June 2022. Automatic, unlike the extensions on request of D.L. 76/2020 art. 10 c. 4.
/// </summary>
public sealed record TermExtension
{
    /// <summary>First due date extended.</summary>
    public required DateOnly ExpiringFrom { get; init; }

    /// <summary>Last due date extended.</summary>
    public required DateOnly ExpiringTo { get; init; }

    /// <summary>The last day of the extended term (still moved off a holiday).</summary>
    public required DateOnly ValidUntil { get; init; }

    /// <summary>The law extending the term.</summary>
    public IReadOnlyList<LegalBasis> LegalBasis { get; init; } = [];
}
