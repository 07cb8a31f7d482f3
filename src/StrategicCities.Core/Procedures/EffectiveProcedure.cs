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
        .. Layers.Select(l => PinnedVersion.Of($"{ProcedureFileReader.Folder}/{l.Id}", l)),
        .. Guards is null ? [] : Guards.Composed.Layers.Select(l => PinnedVersion.Of(l.Id, l)),
    ];
}
