using System.Text.Json.Serialization;

namespace StrategicCities.Core.Catalog;

/// <summary>An Italian municipality from the ISTAT list (rules/registry/municipalities.csv).</summary>
/// <param name="Code">ISTAT code, 6 digits.</param>
/// <param name="Name">ISTAT denomination.</param>
/// <param name="Province">Province abbreviation.</param>
/// <param name="Region">ISTAT region code, 2 digits.</param>
/// <param name="RegionName">ISTAT region denomination.</param>
/// <param name="CadastralCode">Belfiore code.</param>
/// <param name="MetropolitanCity">Whether it is the capital of a metropolitan city.</param>
/// <param name="Population">
/// ISTAT legal population of the 2011 census (reference date 9 October 2011), summed over the
/// predecessors of a municipality merged since; null when unknown (see tools/registry/README.md).
/// Rules that depend on it (e.g. the doubled terms of art. 20 c. 7 D.P.R. 380/2001) never guess.
/// </param>
public sealed record Municipality(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("province")] string Province,
    [property: JsonPropertyName("region")] string Region,
    [property: JsonPropertyName("regionName")] string RegionName,
    [property: JsonPropertyName("cadastralCode")] string CadastralCode,
    [property: JsonPropertyName("metropolitanCity")] bool MetropolitanCity,
    [property: JsonPropertyName("population")] int? Population = null);
