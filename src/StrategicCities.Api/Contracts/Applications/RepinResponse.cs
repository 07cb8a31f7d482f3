using System.Text.Json.Serialization;
using StrategicCities.Core.Law;

namespace StrategicCities.Api.Contracts.Applications;

/// <summary>What a re-pin did (<c>repinned</c>, <c>planned</c> for a dry run, <c>unchanged</c>) and its plan.</summary>
public sealed record RepinResponse(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("version")] long? Version,
    [property: JsonPropertyName("plan")] RepinPlan? Plan);
