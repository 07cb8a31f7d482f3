using StrategicCities.Core.Catalog;

namespace StrategicCities.Core.Applications;

/// <summary>A stored application (pratica edilizia), as read back.</summary>
public sealed record ApplicationRecord
{
    /// <summary>The id.</summary>
    public required Guid Id { get; init; }

    /// <summary>ISTAT code of the municipality where the works are.</summary>
    public required string Municipality { get; init; }

    /// <summary>The office handling it (a joint office may serve several municipalities).</summary>
    public Guid? OfficeId { get; init; }

    /// <summary>The procedure regime (edilizia-libera, cil, cila, scia, scia-alternativa, permesso-di-costruire), if known.</summary>
    public string? Regime { get; init; }

    /// <summary>The form id (e.g. scia).</summary>
    public required string Form { get; init; }

    /// <summary>The procedure state (the procedure definition names it; the store treats it as text).</summary>
    public required string State { get; init; }

    /// <summary>The form data, JSON text exactly as stored.</summary>
    public required string Data { get; init; }

    /// <summary>The concurrency version: pass it back as the expected version of the next write.</summary>
    public required long Version { get; init; }

    /// <summary>When it was created (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was last written (UTC).</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The actor id that created it.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>The legal reference date (filing date); null while draft.</summary>
    public DateOnly? FiledOn { get; init; }

    /// <summary>The date of the decision, once decided.</summary>
    public DateOnly? DecidedOn { get; init; }

    /// <summary>The outcome of the decision, once decided.</summary>
    public string? Outcome { get; init; }

    /// <summary>The rule-set and form versions pinned at submission (empty while draft).</summary>
    public IReadOnlyList<PinnedVersion> PinnedVersions { get; init; } = [];

    /// <summary>The procedure definition pinned at submission (null while draft).</summary>
    public ProcedurePin? Procedure { get; init; }
}
