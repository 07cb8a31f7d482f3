using System.Text.Json.Serialization;
using StrategicCities.Core.Catalog;

namespace StrategicCities.Api.Contracts;

/// <summary>A municipality of the ISTAT list.</summary>
public sealed record MunicipalityInfo(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("province")] string Province,
    [property: JsonPropertyName("region")] string Region,
    [property: JsonPropertyName("regionName")] string RegionName,
    [property: JsonPropertyName("cadastralCode")] string CadastralCode,
    [property: JsonPropertyName("metropolitanCity")] bool MetropolitanCity)
{
    /// <summary>Maps Core's record.</summary>
    public static MunicipalityInfo From(Municipality m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new(m.Code, m.Name, m.Province, m.Region, m.RegionName, m.CadastralCode, m.MetropolitanCity);
    }
}
