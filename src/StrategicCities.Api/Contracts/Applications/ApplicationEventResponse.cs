using System.Text.Json;
using System.Text.Json.Serialization;
using StrategicCities.Core.Applications;

namespace StrategicCities.Api.Contracts.Applications;

/// <summary>One event of an application, in order.</summary>
public sealed record ApplicationEventResponse
{
    /// <summary>Sequence number from 1, gapless.</summary>
    [JsonPropertyName("sequence")] public required long Sequence { get; init; }
    /// <summary>When it was recorded (UTC).</summary>
    [JsonPropertyName("occurredAt")] public required DateTimeOffset OccurredAt { get; init; }
    /// <summary>Actor id (key id, or system:&lt;instance&gt;).</summary>
    [JsonPropertyName("actorId")] public required string ActorId { get; init; }
    /// <summary>Actor role.</summary>
    [JsonPropertyName("actorRole")] public required string ActorRole { get; init; }
    /// <summary>Trigger.</summary>
    [JsonPropertyName("trigger")] public required string Trigger { get; init; }
    /// <summary>State before.</summary>
    [JsonPropertyName("from")] public string? From { get; init; }
    /// <summary>State after.</summary>
    [JsonPropertyName("to")] public required string To { get; init; }
    /// <summary>The recorded payload: legal date, procedure role, legal basis, note, attachments.</summary>
    [JsonPropertyName("payload")] public JsonElement? Payload { get; init; }
}
