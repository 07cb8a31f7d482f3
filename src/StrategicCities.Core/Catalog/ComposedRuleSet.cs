namespace StrategicCities.Core.Catalog;

/// <summary>
/// A rule set as in force for one municipality on one date: the national version with the regional
/// and municipal overlays applied. Not yet compiled.
/// </summary>
public sealed record ComposedRuleSet(
    RuleSetVersion National,
    OverlayVersion? Region,
    OverlayVersion? Municipality,
    IReadOnlyList<WorkflowDefinition> Workflows,
    IReadOnlyList<(OverlayVersion Overlay, DisabledRule Disabled)> Disabled)
{
    /// <summary>Rule-set id.</summary>
    public string Id => National.Header.Id;

    /// <summary>The file versions composed, national first.</summary>
    public IReadOnlyList<RuleFileHeader> Layers { get; } =
    [
        National.Header,
        .. Region is null ? Array.Empty<RuleFileHeader>() : [Region.Header],
        .. Municipality is null ? Array.Empty<RuleFileHeader>() : [Municipality.Header],
    ];

    /// <summary>
    /// Cache key: the rule set and the versions (and revisions) it is made of. Municipalities without overlays share
    /// one. The id is part of it: two rule sets may have versions of the same date (determination and
    /// procedure-guards both start on 2016-12-11) and must never share a compiled engine.
    /// </summary>
    public string Key => field ??= Id + "|" + string.Join('+', Layers.Select(l => l.Revision == 1 ? $"{l.Layer.Name()}:{l.Jurisdiction}@{l.Version}" : $"{l.Layer.Name()}:{l.Jurisdiction}@{l.Version}.r{l.Revision}"));

    /// <summary>Every rule in force.</summary>
    public IEnumerable<RuleDefinition> AllRules => Workflows.SelectMany(w => w.Rules);

    /// <summary>The instruments of every file composed, by file.</summary>
    public Instrument? FindInstrument(RuleOrigin origin, string instrumentId) =>
        Layers.FirstOrDefault(l => l.File == origin.File)?.Instruments.FirstOrDefault(i => i.Id == instrumentId)
        ?? National.Header.Instruments.FirstOrDefault(i => i.Id == instrumentId);
}
