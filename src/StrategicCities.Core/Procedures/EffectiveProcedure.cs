using StrategicCities.Core.Catalog;

namespace StrategicCities.Core.Procedures;

/// <summary>
/// The procedure in force for one municipality on one legal date: the national definition with the
/// regional and municipal overlays applied, and the compiled guard rule set. What an application
/// pins (see <see cref="Pins"/>) and what <see cref="ProcedureMachine"/> runs.
/// </summary>
public sealed class EffectiveProcedure
{
    internal EffectiveProcedure(
        ProcedureDefinition definition,
        IReadOnlyList<RuleFileHeader> layers,
        EffectiveRuleSet? guards,
        Municipality municipality,
        DateOnly legalDate)
    {
        Definition = definition;
        Layers = layers;
        Guards = guards;
        Municipality = municipality;
        LegalDate = legalDate;
    }

    /// <summary>The composed definition (national states and transitions plus the overlays' steps).</summary>
    public ProcedureDefinition Definition { get; }

    /// <summary>The procedure files composed, national first.</summary>
    public IReadOnlyList<RuleFileHeader> Layers { get; }

    /// <summary>The guard rule set in force (null when no version is in force on the date).</summary>
    public EffectiveRuleSet? Guards { get; }

    /// <summary>The municipality.</summary>
    public Municipality Municipality { get; }

    /// <summary>The legal reference date.</summary>
    public DateOnly LegalDate { get; }

    /// <summary>
    /// What an application pins: every procedure file (<c>ruleSet</c> = <c>procedures/&lt;regime&gt;</c>)
    /// and every guard rule-set file, each with version and content hash.
    /// </summary>
    public IReadOnlyList<PinnedVersion> Pins =>
    [
        .. Layers.Select(l => new PinnedVersion($"{ProcedureFileReader.Folder}/{l.Id}", l.Layer.Name(), l.Jurisdiction, l.Version, l.ContentHash)),
        .. Guards is null ? [] : Guards.Composed.Layers.Select(l => new PinnedVersion(l.Id, l.Layer.Name(), l.Jurisdiction, l.Version, l.ContentHash)),
    ];

    /// <summary>
    /// Whether <paramref name="pinned"/> (stored with an application) names exactly these files
    /// with the same hashes: false means a released file changed, which must never happen.
    /// </summary>
    public bool Matches(IEnumerable<PinnedVersion> pinned) =>
        Pins.ToHashSet().SetEquals(pinned ?? throw new ArgumentNullException(nameof(pinned)));
}
