using System.Text.Json.Serialization;
using StrategicCities.Core.Procedures.Clock;

namespace StrategicCities.Api.Contracts.Applications;

/// <summary>The legal terms of an application on a day (Europe/Rome).</summary>
public sealed record DeadlinesResponse(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("today")] DateOnly Today,
    [property: JsonPropertyName("terms")] IReadOnlyList<TermStatus> Terms);
