namespace StrategicCities.Core.Monitoring;

/// <summary>
/// Which triggers of each procedure conclude it, and which legal term measures whether the office concluded it in time.
/// Settled decision: a table here rather than a flag in the procedure files, because released procedure files are
/// immutable and the monitoring definition may evolve on its own; the ids must match the files under
/// <c>rules/national/procedures</c> (a test checks that every trigger and term named here exists).
/// CILA and CIL have no decision: works start on filing, so they count as filed but never as decided or pending.
/// </summary>
public static class MonitoredDecisions
{
    /// <summary>Outcome of a silenzio-assenso (art. 20 c. 8 D.P.R. 380/2001).</summary>
    public const string SilenzioAssenso = "silenzio-assenso";

    private static readonly Dictionary<string, (string Term, MonitoredDecision[] Decisions)> Table = new(StringComparer.Ordinal)
    {
        ["permesso-di-costruire"] = ("pdc-silenzio-assenso",
        [
            new("rilascio", "rilasciato", Tacit: false),
            new("diniego", "negato", Tacit: false),
            new("silenzio-assenso", SilenzioAssenso, Tacit: true),
        ]),
        ["scia"] = ("scia-controllo",
        [
            new("divieto-prosecuzione", "vietata", Tacit: false),
            new("consolidamento", "consolidata", Tacit: true),
        ]),
        ["scia-alternativa"] = ("scia-alternativa-controllo",
        [
            new("ordine-di-non-effettuare", "vietata", Tacit: false),
            // Works may start only once the 30 days passed without an order (art. 23 c. 1): the start proves it.
            new("inizio-lavori", "efficace", Tacit: true),
        ]),
    };

    /// <summary>The procedures that end in a decision.</summary>
    public static IEnumerable<string> Procedures => Table.Keys.Order(StringComparer.Ordinal);

    /// <summary>Whether the procedure ends in a decision (false for CILA, CIL, agibilità and unknown ids).</summary>
    public static bool ExpectsDecision(string? procedureId) => procedureId is not null && Table.ContainsKey(procedureId);

    /// <summary>The id of the term that measures the decision (<c>pdc-silenzio-assenso</c>…), or null.</summary>
    public static string? DecisionTerm(string? procedureId) =>
        procedureId is not null && Table.TryGetValue(procedureId, out var entry) ? entry.Term : null;

    /// <summary>The decisions of a procedure (empty when none).</summary>
    public static IReadOnlyList<MonitoredDecision> DecisionsOf(string? procedureId) =>
        procedureId is not null && Table.TryGetValue(procedureId, out var entry) ? entry.Decisions : [];

    /// <summary>The decision <paramref name="trigger"/> makes in <paramref name="procedureId"/>, or null.</summary>
    public static MonitoredDecision? Find(string? procedureId, string trigger) =>
        DecisionsOf(procedureId).FirstOrDefault(d => d.Trigger == trigger);
}
