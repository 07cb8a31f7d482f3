using System.Text.Json;
using System.Text.Json.Serialization;
using StrategicCities.Core.Legal;
using StrategicCities.Core.Procedures;

namespace StrategicCities.Core.Applications;

/// <summary>
/// The one reader of stored events as the procedure sees them, for the API, the sweep and monitoring: the legal date
/// and role come from the payload the intake wrote (the desk records applicant acts as the applicant's role), else
/// from the row. Administrative events (a re-pin) are not acts of the procedure and are skipped.
/// </summary>
public static class ProcedureEvents
{
    /// <summary>The procedure events of an application's audit trail, in sequence order.</summary>
    public static IReadOnlyList<ProcedureEvent> From(IReadOnlyList<ApplicationEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return [.. events.OrderBy(e => e.Sequence)
            .Select(e => Decode(e.Trigger, e.FromState, e.ToState, e.Actor.Role, e.Payload, e.OccurredAt))
            .OfType<ProcedureEvent>()];
    }

    /// <summary>One stored event as the procedure sees it, or null for an administrative event.</summary>
    public static ProcedureEvent? Decode(string trigger, string? fromState, string toState, string actorRole, string? payload, DateTimeOffset occurredAt)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        if (trigger.StartsWith("law.", StringComparison.Ordinal))
        {
            return null;
        }

        var facts = payload is null ? null : Read(payload);
        return new ProcedureEvent(trigger, fromState ?? "", toState, facts?.Role ?? actorRole,
            facts?.Date ?? DateOnly.FromDateTime(occurredAt.UtcDateTime), facts?.LegalBasis ?? []);
    }

    /// <summary>
    /// The payload of a procedure event as the use cases write it: the legal date of the act, the role the procedure saw,
    /// the legal basis, and the caller's note and attachments. <see cref="Decode"/> reads the same shape back.
    /// </summary>
    public static string Encode(DateOnly date, string role, IReadOnlyList<LegalBasis> legalBasis, string? note, IReadOnlyList<AttachmentReference>? attachments) =>
        JsonSerializer.Serialize(new Facts(date, role, legalBasis, note, attachments), JsonDefaults.Compact);

    /// <summary>The payload of a re-pin's audit event: when, by which role, why, and the pins and deadlines before and after.</summary>
    public static string EncodeRepin(DateOnly date, string role, string reason, Law.RepinPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return JsonSerializer.Serialize(new RepinFacts(date, role, reason, plan.From, plan.To, plan.Deadlines), JsonDefaults.Compact);
    }

    private static Facts? Read(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<Facts>(payload);
        }
        catch (JsonException)
        {
            // Seeded histories may carry payloads of another shape: the row's own role and time then stand.
            return null;
        }
    }

    private sealed record Facts(
        [property: JsonPropertyName("date")] DateOnly? Date,
        [property: JsonPropertyName("role")] string? Role,
        [property: JsonPropertyName("legalBasis")] IReadOnlyList<LegalBasis>? LegalBasis,
        [property: JsonPropertyName("note")] string? Note = null,
        [property: JsonPropertyName("attachments")] IReadOnlyList<AttachmentReference>? Attachments = null);

    private sealed record RepinFacts(
        [property: JsonPropertyName("date")] DateOnly Date,
        [property: JsonPropertyName("role")] string Role,
        [property: JsonPropertyName("reason")] string Reason,
        [property: JsonPropertyName("from")] IReadOnlyList<Catalog.PinnedVersion> From,
        [property: JsonPropertyName("to")] IReadOnlyList<Catalog.PinnedVersion> To,
        [property: JsonPropertyName("deadlines")] IReadOnlyList<Law.DeadlineChange> Deadlines);
}
