using System.Text.Json.Serialization;

namespace StrategicCities.Api.Contracts;

/// <summary>Temporary works (documentation of the intervention vocabulary).</summary>
/// <param name="Days">How long the works stay, in days.</param>
public sealed record TemporaryWorksRequest([property: JsonPropertyName("days")] int Days);
