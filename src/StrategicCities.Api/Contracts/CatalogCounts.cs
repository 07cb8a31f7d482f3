using System.Text.Json.Serialization;

namespace StrategicCities.Api.Contracts;

/// <summary>Sizes of the catalog.</summary>
public sealed record CatalogCounts(
    [property: JsonPropertyName("ruleSets")] int RuleSets,
    [property: JsonPropertyName("versions")] int Versions,
    [property: JsonPropertyName("overlays")] int Overlays,
    [property: JsonPropertyName("municipalities")] int Municipalities);
