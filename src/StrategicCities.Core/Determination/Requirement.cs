using System.Text.Json.Serialization;
using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Determination;

/// <summary>An additional act or an attachment the intervention needs, with the rules and law requiring it.</summary>
public sealed record Requirement(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("rules")] IReadOnlyList<string> Rules,
    [property: JsonPropertyName("legalBasis")] IReadOnlyList<LegalBasis> LegalBasis,
    [property: JsonPropertyName("message")] LocalizedText Message);
