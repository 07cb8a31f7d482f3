namespace StrategicCities.Core.Catalog;

/// <summary>One version of a regional or municipal overlay of a rule set.</summary>
public sealed record OverlayVersion(
    RuleFileHeader Header,
    string Overlays,
    IReadOnlyList<RuleDefinition> Add,
    IReadOnlyList<RuleDefinition> Override,
    IReadOnlyList<DisabledRule> Disable);
