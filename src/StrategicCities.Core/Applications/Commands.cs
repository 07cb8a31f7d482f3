using StrategicCities.Core.Catalog;

namespace StrategicCities.Core.Applications;

/// <summary>A new draft.</summary>
public sealed record NewApplication
{
    /// <summary>The id; a new one when null.</summary>
    public Guid? Id { get; init; }

    /// <summary>ISTAT code of the municipality.</summary>
    public required string Municipality { get; init; }

    /// <summary>The office, if already known.</summary>
    public Guid? OfficeId { get; init; }

    /// <summary>The form id.</summary>
    public required string Form { get; init; }

    /// <summary>The regime, if already determined.</summary>
    public string? Regime { get; init; }

    /// <summary>The form data (JSON text).</summary>
    public required string Data { get; init; }

    /// <summary>The initial state.</summary>
    public string State { get; init; } = "draft";

    /// <summary>Who creates it.</summary>
    public required Actor CreatedBy { get; init; }
}

/// <summary>
/// Filing a draft: the state change, the pins, the legal date and the first event, in one transaction.
/// </summary>
public sealed record SubmitApplication
{
    /// <summary>The application.</summary>
    public required Guid Id { get; init; }

    /// <summary>The version the caller read.</summary>
    public required long ExpectedVersion { get; init; }

    /// <summary>The state the caller read (checked, and recorded as the event's from-state).</summary>
    public required string FromState { get; init; }

    /// <summary>The state after filing.</summary>
    public required string ToState { get; init; }

    /// <summary>The trigger name recorded on the event.</summary>
    public string Trigger { get; init; } = "submit";

    /// <summary>The legal reference date (tempus regit actum).</summary>
    public required DateOnly FiledOn { get; init; }

    /// <summary>The rule-set and form versions in force on <see cref="FiledOn"/>.</summary>
    public required IReadOnlyList<PinnedVersion> PinnedVersions { get; init; }

    /// <summary>The procedure definition in force on <see cref="FiledOn"/>.</summary>
    public required ProcedurePin Procedure { get; init; }

    /// <summary>The regime (kept when null).</summary>
    public string? Regime { get; init; }

    /// <summary>The office (kept when null).</summary>
    public Guid? OfficeId { get; init; }

    /// <summary>Who files.</summary>
    public required Actor Actor { get; init; }

    /// <summary>Event payload (JSON text).</summary>
    public string? Payload { get; init; }
}

/// <summary>A fired trigger: the state change and its event, in one transaction.</summary>
public sealed record TransitionApplication
{
    /// <summary>The application.</summary>
    public required Guid Id { get; init; }

    /// <summary>The version the caller read.</summary>
    public required long ExpectedVersion { get; init; }

    /// <summary>The state the caller read.</summary>
    public required string FromState { get; init; }

    /// <summary>The state after (may equal <see cref="FromState"/> for an internal transition).</summary>
    public required string ToState { get; init; }

    /// <summary>The trigger.</summary>
    public required string Trigger { get; init; }

    /// <summary>Who fired it (role "system" for the deadline sweep).</summary>
    public required Actor Actor { get; init; }

    /// <summary>Event payload (JSON text).</summary>
    public string? Payload { get; init; }

    /// <summary>Set when the transition decides the case.</summary>
    public DateOnly? DecidedOn { get; init; }

    /// <summary>Set when the transition decides the case.</summary>
    public string? Outcome { get; init; }
}

/// <summary>
/// Re-pinning a filed application to the newest revision of the files it pinned: the pins change, the state does not,
/// and the event (trigger <see cref="Trigger"/>) records who, why and what changed.
/// </summary>
public sealed record RepinApplication
{
    /// <summary>The trigger name of a re-pin event; never a trigger of a procedure, so the legal clock skips it.</summary>
    public const string Trigger = "law.repin";

    /// <summary>The application.</summary>
    public required Guid Id { get; init; }

    /// <summary>The version read (optimistic concurrency).</summary>
    public required long ExpectedVersion { get; init; }

    /// <summary>The state read (unchanged by the re-pin, recorded as the event's from- and to-state).</summary>
    public required string State { get; init; }

    /// <summary>The new pins.</summary>
    public required IReadOnlyList<PinnedVersion> PinnedVersions { get; init; }

    /// <summary>The procedure file now pinned.</summary>
    public required ProcedurePin Procedure { get; init; }

    /// <summary>Who re-pins.</summary>
    public required Actor Actor { get; init; }

    /// <summary>The event payload (JSON): why, and the pins and deadlines before and after.</summary>
    public required string Payload { get; init; }
}
