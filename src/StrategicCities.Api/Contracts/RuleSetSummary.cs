using System.Text.Json.Serialization;

namespace StrategicCities.Api.Contracts;

/// <summary>A national rule set and its versions, oldest first.</summary>
/// <param name="Id">Rule-set id, e.g. <c>determination</c>.</param>
/// <param name="Versions">Its national versions.</param>
public sealed record RuleSetSummary(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("versions")] IReadOnlyList<VersionSummary> Versions);
