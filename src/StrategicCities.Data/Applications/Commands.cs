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


