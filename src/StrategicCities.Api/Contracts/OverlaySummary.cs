using System.Text.Json.Serialization;

namespace StrategicCities.Api.Contracts;

/// <summary>A regional or municipal overlay version of a rule set.</summary>
/// <param name="RuleSet">The rule set it overlays.</param>
/// <param name="Version">The overlay version (layer, jurisdiction, validity, hash).</param>
public sealed record OverlaySummary(
    [property: JsonPropertyName("ruleSet")] string RuleSet,
    [property: JsonPropertyName("version")] VersionSummary Version);
