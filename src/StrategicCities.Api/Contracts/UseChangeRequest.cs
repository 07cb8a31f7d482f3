using System.ComponentModel;
using System.Text.Json.Serialization;

namespace StrategicCities.Api.Contracts;

/// <summary>A change of use (documentation of the intervention vocabulary).</summary>
public sealed record UseChangeRequest
{
    /// <summary>Current functional category.</summary>
    [JsonPropertyName("from"), Description("residenziale | turistico-ricettiva | produttiva-direzionale | commerciale | rurale")]
    public string? From { get; init; }

    /// <summary>New functional category.</summary>
    [JsonPropertyName("to"), Description("residenziale | turistico-ricettiva | produttiva-direzionale | commerciale | rurale")]
    public string? To { get; init; }

    /// <summary>With building works.</summary>
    [JsonPropertyName("withWorks")]
    public bool? WithWorks { get; init; }

    /// <summary>Urbanistically relevant.</summary>
    [JsonPropertyName("urbanisticallyRelevant")]
    public bool? UrbanisticallyRelevant { get; init; }
}
