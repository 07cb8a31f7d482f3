using StrategicCities.Core.Catalog;

namespace StrategicCities.Core.Applications;

/// <summary>One entry of an application's audit trail (append-only; <see cref="Sequence"/> is gapless from 1).</summary>
public sealed record ApplicationEvent
{
    /// <summary>The application.</summary>
    public required Guid ApplicationId { get; init; }

    /// <summary>1, 2, 3… per application.</summary>
    public required long Sequence { get; init; }

    /// <summary>When (UTC).</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Who: actor id and role.</summary>
    public required Actor Actor { get; init; }

    /// <summary>The trigger fired.</summary>
    public required string Trigger { get; init; }

    /// <summary>The state before.</summary>
    public string? FromState { get; init; }

    /// <summary>The state after.</summary>
    public required string ToState { get; init; }

    /// <summary>Trigger payload, JSON text.</summary>
    public string? Payload { get; init; }

    /// <summary>The versions pinned on the application when the event happened.</summary>
    public IReadOnlyList<PinnedVersion> PinnedVersions { get; init; } = [];

    /// <summary>The procedure pinned when the event happened.</summary>
    public ProcedurePin? Procedure { get; init; }
}
