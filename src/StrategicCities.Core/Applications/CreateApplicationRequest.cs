using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StrategicCities.Core.Applications;

/// <summary>A new draft application.</summary>
public sealed record CreateApplicationRequest
{
    /// <summary>ISTAT code of the municipality (must be one the caller's office serves).</summary>
    [JsonPropertyName("municipality"), Description("ISTAT code, 6 digits, e.g. 015146 (Milano).")]
    public string? Municipality { get; init; }

    /// <summary>The regime (procedure id): permesso-di-costruire, scia, scia-alternativa, cila, cil, agibilita.</summary>
    [JsonPropertyName("regime"), Description("Procedure id, e.g. scia or permesso-di-costruire.")]
    public string? Regime { get; init; }

    /// <summary>The form id; default the regime's own (pdc for permesso-di-costruire).</summary>
    [JsonPropertyName("form"), Description("Form id (GET /api/v1/forms); default: the regime's form.")]
    public string? Form { get; init; }

    /// <summary>The form data so far (a JSON object); default <c>{}</c>.</summary>
    [JsonPropertyName("data")]
    public JsonElement? Data { get; init; }
}
