using System.Text.Json;
using System.Text.Json.Serialization;
using StrategicCities.Core;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Law;
using StrategicCities.Core.Procedures;
using StrategicCities.Core.Procedures.Clock;
using StrategicCities.Core.Applications;

namespace StrategicCities.Data.Applications;

/// <summary>
/// Moves a filed application to the newest revision of the files it pinned, deliberately: one audited event with who,
/// why, and the pins and deadlines before and after. The API's admin operation and <c>permits applications repin</c>
/// run this one use case. A dry run plans without writing.
/// </summary>
public sealed class ApplicationRepin(ApplicationStore store)
{
    /// <summary>Re-pins (or plans the re-pin of) application <paramref name="id"/>.</summary>
    public async Task<RepinResult> RunAsync(
        Guid id, ProcedureCatalog procedures, ItalianCalendar calendar, Actor actor, string reason, bool dryRun,
        MunicipalityScope scope, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(procedures);
        ArgumentNullException.ThrowIfNull(actor);
        var application = await store.GetAsync(id, scope, cancellationToken);
        if (application is null)
        {
            return new RepinResult(RepinStatus.NotFound, null, null, null);
        }

        if (application.FiledOn is not { } filedOn || application.Regime is null)
        {
            return new RepinResult(RepinStatus.NotFiled, null, null, application.Version);
        }

        var events = ProcedureEvents.From(await store.ListEventsAsync(id, scope, cancellationToken) ?? []);
        var (plan, procedure, error) = await RepinPlan.ForAsync(
            procedures, application.Regime, application.Municipality, filedOn, application.PinnedVersions, events, calendar, today, cancellationToken);
        if (plan is null || procedure is null)
        {
            return new RepinResult(RepinStatus.Refused, null, error, application.Version);
        }

        if (!plan.Changes || dryRun)
        {
            return new RepinResult(plan.Changes ? RepinStatus.Planned : RepinStatus.Unchanged, plan, null, application.Version);
        }

        var header = procedure.Definition.Header;
        var written = await store.RepinAsync(new RepinApplication
        {
            Id = id,
            ExpectedVersion = application.Version,
            State = application.State,
            PinnedVersions = plan.To,
            Procedure = new ProcedurePin(header.Id, header.Version, header.ContentHash),
            Actor = actor,
            Payload = JsonSerializer.Serialize(new RepinPayload(today, actor.Role, reason, plan.From, plan.To, plan.Deadlines), JsonDefaults.Compact),
        }, scope, cancellationToken);
        return written.Status == WriteStatus.Ok
            ? new RepinResult(RepinStatus.Repinned, plan, null, written.Version)
            : new RepinResult(written.Status == WriteStatus.NotFound ? RepinStatus.NotFound : RepinStatus.Conflict, plan, null, written.Version);
    }

    private sealed record RepinPayload(
        [property: JsonPropertyName("date")] DateOnly Date,
        [property: JsonPropertyName("role")] string Role,
        [property: JsonPropertyName("reason")] string Reason,
        [property: JsonPropertyName("from")] IReadOnlyList<PinnedVersion> From,
        [property: JsonPropertyName("to")] IReadOnlyList<PinnedVersion> To,
        [property: JsonPropertyName("deadlines")] IReadOnlyList<DeadlineChange> Deadlines);
}

/// <summary>What a re-pin did.</summary>
public enum RepinStatus
{
    /// <summary>The pins moved; an event records it.</summary>
    Repinned,

    /// <summary>A dry run: the plan, nothing written.</summary>
    Planned,

    /// <summary>The application already runs the newest revisions.</summary>
    Unchanged,

    /// <summary>No such application in the scope.</summary>
    NotFound,

    /// <summary>A draft pins nothing yet.</summary>
    NotFiled,

    /// <summary>The newest revisions do not resolve (see the error).</summary>
    Refused,

    /// <summary>The application changed meanwhile; read it again.</summary>
    Conflict,
}

/// <summary>The outcome of a re-pin: status, plan, error, and the application's version after it.</summary>
public sealed record RepinResult(RepinStatus Status, RepinPlan? Plan, InputError? Error, long? Version);
