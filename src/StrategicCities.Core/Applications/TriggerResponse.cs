using System.Text.Json.Serialization;
using StrategicCities.Core.Procedures;

namespace StrategicCities.Core.Applications;

/// <summary>A fired trigger: the new state, the recorded event, and what the caller may fire next.</summary>
public sealed record TriggerResponse
{
    /// <summary>The application.</summary>
    [JsonPropertyName("id")] public required Guid Id { get; init; }
    /// <summary>The state now.</summary>
    [JsonPropertyName("state")] public required string State { get; init; }
    /// <summary>The new version (ETag).</summary>
    [JsonPropertyName("version")] public required long Version { get; init; }
    /// <summary>The event's sequence number (gapless per application, from 1).</summary>
    [JsonPropertyName("sequence")] public required long Sequence { get; init; }
    /// <summary>The event.</summary>
    [JsonPropertyName("event")] public required ProcedureEvent Event { get; init; }
    /// <summary>What the caller's role may fire next.</summary>
    [JsonPropertyName("permittedTriggers")] public required IReadOnlyList<PermittedTrigger> PermittedTriggers { get; init; }
}
