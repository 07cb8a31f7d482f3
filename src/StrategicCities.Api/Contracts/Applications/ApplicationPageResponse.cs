using System.Text.Json.Serialization;
using StrategicCities.Data.Applications;

namespace StrategicCities.Api.Contracts.Applications;

/// <summary>One page of applications in the caller's scope, newest first.</summary>
public sealed record ApplicationPageResponse(
    [property: JsonPropertyName("items")] IReadOnlyList<ApplicationSummary> Items,
    [property: JsonPropertyName("page")] int Page,
    [property: JsonPropertyName("pageSize")] int PageSize,
    [property: JsonPropertyName("total")] long Total);
