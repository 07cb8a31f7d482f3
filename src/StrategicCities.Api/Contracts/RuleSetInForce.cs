using System.Text.Json.Serialization;

namespace StrategicCities.Api.Contracts;

/// <summary>One rule set as in force: its layers, national first, then regional and municipal overlays.</summary>
public sealed record RuleSetInForce(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("layers")] IReadOnlyList<VersionSummary> Layers);
