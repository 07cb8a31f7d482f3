using System.Text.Json.Serialization;

namespace StrategicCities.Core.Catalog;

/// <summary>Which file version a rule comes from: the answer to "which rule set version produced this".</summary>
public sealed record RuleOrigin(
    [property: JsonPropertyName("ruleSet")] string RuleSet,
    [property: JsonPropertyName("layer")] string Layer,
    [property: JsonPropertyName("jurisdiction")] string Jurisdiction,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonIgnore] string File);
