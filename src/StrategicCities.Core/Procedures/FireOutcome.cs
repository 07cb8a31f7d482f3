using System.Text.Json.Serialization;
using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Procedures;

/// <summary>What happened when a trigger was fired. Refusals are outcomes, never exceptions.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FireStatus>))]
public enum FireStatus
{
    /// <summary>The transition was taken; append <see cref="FireOutcome.Event"/>. HTTP 200/201.</summary>
    Fired,

    /// <summary>The definition has no such trigger. HTTP 404.</summary>
    UnknownTrigger,

    /// <summary>The trigger exists but does not leave the current state. HTTP 409.</summary>
    NotPermittedInState,

    /// <summary>The trigger leaves the current state but the caller's role may not fire it. HTTP 403.</summary>
    NotPermittedForRole,

    /// <summary>The trigger and role are right but a guard rule does not hold (see <see cref="FireOutcome.Refusals"/>). HTTP 409.</summary>
    GuardRefused,

    /// <summary>The date is earlier than the last event: events are appended in legal-date order. HTTP 422.</summary>
    DateBeforeLastEvent,
}

/// <summary>A guard rule that did not hold, with its message and legal basis.</summary>
public sealed record GuardRefusal(
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("message")] LocalizedText Message,
    [property: JsonPropertyName("legalBasis")] IReadOnlyList<LegalBasis> LegalBasis);

/// <summary>A trigger the caller may fire now, where it leads and on what law.</summary>
public sealed record PermittedTrigger(
    [property: JsonPropertyName("trigger")] string Trigger,
    [property: JsonPropertyName("name")] LocalizedText Name,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("legalBasis")] IReadOnlyList<LegalBasis> LegalBasis);

/// <summary>The result of <see cref="ProcedureMachine.FireAsync"/>.</summary>
public sealed record FireOutcome
{
    /// <summary>Fired or why not.</summary>
    [JsonPropertyName("status")]
    public required FireStatus Status { get; init; }

    /// <summary>The trigger asked for.</summary>
    [JsonPropertyName("trigger")]
    public required string Trigger { get; init; }

    /// <summary>The state after the call (unchanged unless fired).</summary>
    [JsonPropertyName("state")]
    public required string State { get; init; }

    /// <summary>The event to append; null unless fired.</summary>
    [JsonPropertyName("event")]
    public ProcedureEvent? Event { get; init; }

    /// <summary>What the caller's role may fire in <see cref="State"/> (guards evaluated on the same date).</summary>
    [JsonPropertyName("permittedTriggers")]
    public required IReadOnlyList<PermittedTrigger> PermittedTriggers { get; init; }

    /// <summary>For <see cref="FireStatus.GuardRefused"/>: the rules that did not hold.</summary>
    [JsonPropertyName("refusals")]
    public IReadOnlyList<GuardRefusal> Refusals { get; init; } = [];

    /// <summary>Whether the trigger was fired.</summary>
    [JsonIgnore]
    public bool Succeeded => Status == FireStatus.Fired;
}
