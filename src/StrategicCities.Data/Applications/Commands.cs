using StrategicCities.Core.Catalog;
using StrategicCities.Core.Applications;

namespace StrategicCities.Data.Applications;

/// <summary>Search filters and paging (all filters optional; pages count from 1).</summary>
public sealed record ApplicationQuery
{
    /// <summary>ISTAT code.</summary>
    public string? Municipality { get; init; }

    /// <summary>State.</summary>
    public string? State { get; init; }

    /// <summary>Regime.</summary>
    public string? Regime { get; init; }

    /// <summary>Office.</summary>
    public Guid? OfficeId { get; init; }

    /// <summary>Filed on or after.</summary>
    public DateOnly? FiledFrom { get; init; }

    /// <summary>Filed on or before.</summary>
    public DateOnly? FiledTo { get; init; }

    /// <summary>The page, from 1 (the API stops at <see cref="MaxPage"/>).</summary>
    public int Page { get; init; } = 1;

    /// <summary>The deepest page the API serves: an offset paging scans every row it skips, so depth is bounded.</summary>
    public const int MaxPage = 10_000;

    /// <summary>The largest page.</summary>
    public const int MaxPageSize = 500;

    /// <summary>Items per page, 1 to 500.</summary>
    public int PageSize { get; init; } = 50;
}

/// <summary>One page of results, newest first.</summary>
/// <param name="Items">The items.</param>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PageSize">The page size.</param>
/// <param name="Total">Matches over all pages.</param>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);

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

