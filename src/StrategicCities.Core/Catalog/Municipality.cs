using System.Text.Json.Serialization;

namespace StrategicCities.Core.Catalog;

/// <summary>An Italian municipality from the ISTAT list (rules/registry/municipalities.csv).</summary>
public sealed record Municipality(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("province")] string Province,
    [property: JsonPropertyName("region")] string Region,
    [property: JsonPropertyName("regionName")] string RegionName,
    [property: JsonPropertyName("cadastralCode")] string CadastralCode,
    [property: JsonPropertyName("metropolitanCity")] bool MetropolitanCity);
