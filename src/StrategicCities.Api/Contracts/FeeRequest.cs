using System.ComponentModel;
using System.Text.Json.Serialization;

namespace StrategicCities.Api.Contracts;

/// <summary>
/// The input of a fee computation (docs/fees/README.md), for the OpenAPI document only: the endpoint reads the raw body
/// and Core reads it strictly (unknown members refused, every mistake with its JSON pointer).
/// </summary>
[Description("Fee computation input (docs/fees/README.md). Give regime and category, or an intervention to determine them. Unknown fields are refused.")]
public sealed record FeeRequest
{
    /// <summary>The regime, when no intervention is given.</summary>
    [JsonPropertyName("regime"), Description("edilizia-libera | cil | cila | scia | scia-alternativa | permesso-di-costruire")]
    public string? Regime { get; init; }

    /// <summary>The intervention (DESIGN.md §4): its regime is determined and its category taken.</summary>
    [JsonPropertyName("intervention"), Description("An intervention (DESIGN.md §4); the regime is determined from it")]
    public InterventionRequest? Intervention { get; init; }

    /// <summary>The intervention category (art. 3 D.P.R. 380/2001).</summary>
    [JsonPropertyName("category"), Description("Intervention category, as in the intervention vocabulary")]
    public string? Category { get; init; }

    /// <summary>The use after the works (art. 23-ter).</summary>
    [JsonPropertyName("use"), Description("residenziale | turistico-ricettiva | produttiva-direzionale | commerciale | rurale")]
    public string? Use { get; init; }

    /// <summary>The use before a change of use.</summary>
    [JsonPropertyName("previousUse"), Description("The use before a change of use: the oneri due are the difference, never negative")]
    public string? PreviousUse { get; init; }

    /// <summary>The tariff zone of the municipality.</summary>
    [JsonPropertyName("zone"), Description("Tariff zone as the municipal deliberation names it (e.g. centrale, periferica in Milano)")]
    public string? Zone { get; init; }

    /// <summary>Volume in m³.</summary>
    [JsonPropertyName("volume"), Description("Volume in m3 (tariffs per m3)")]
    public decimal? Volume { get; init; }

    /// <summary>Surface in m².</summary>
    [JsonPropertyName("surface"), Description("Surface in m2 (tariffs per m2)")]
    public decimal? Surface { get; init; }

    /// <summary>Volume before a change of use, when it differs.</summary>
    [JsonPropertyName("previousVolume"), Description("Volume in m3 of the previous use, when it differs")]
    public decimal? PreviousVolume { get; init; }

    /// <summary>Surface before a change of use, when it differs.</summary>
    [JsonPropertyName("previousSurface"), Description("Surface in m2 of the previous use, when it differs")]
    public decimal? PreviousSurface { get; init; }

    /// <summary>Documented cost of the works in euros.</summary>
    [JsonPropertyName("worksCost"), Description("Documented cost of the works in euros (art. 16 c.10, art. 19 c.2)")]
    public decimal? WorksCost { get; init; }

    /// <summary>Enlargement as a percentage of the existing building.</summary>
    [JsonPropertyName("enlargementPercent"), Description("Enlargement in percent (art. 17 c.3 lett. b)")]
    public decimal? EnlargementPercent { get; init; }

    /// <summary>Surfaces of a new residential building (D.M. 801/1977).</summary>
    [JsonPropertyName("residential"), Description("{ usefulSurface, accessorySurface, unitSurfaces[], specialFeatures } of a new residential building (D.M. 801/1977)")]
    public Dictionary<string, object>? Residential { get; init; }

    /// <summary>Facts declared for exemptions and reductions.</summary>
    [JsonPropertyName("facts"), Description("true/false: agriculturalEntrepreneur, singleFamily, publicWorks, calamity, renewableEnergy, conventionedHousing, regeneration, industrialOrArtisanal, carbonNeutral")]
    public Dictionary<string, bool>? Facts { get; init; }
}
