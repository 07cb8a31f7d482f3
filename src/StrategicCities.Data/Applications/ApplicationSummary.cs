namespace StrategicCities.Data.Applications;

/// <summary>An application in a search result: the record without form data and pins.</summary>
public sealed record ApplicationSummary
{
    /// <summary>The id.</summary>
    public required Guid Id { get; init; }

    /// <summary>ISTAT code of the municipality.</summary>
    public required string Municipality { get; init; }

    /// <summary>The office.</summary>
    public Guid? OfficeId { get; init; }

    /// <summary>The regime.</summary>
    public string? Regime { get; init; }

    /// <summary>The form id.</summary>
    public required string Form { get; init; }

    /// <summary>The state.</summary>
    public required string State { get; init; }

    /// <summary>The concurrency version.</summary>
    public required long Version { get; init; }

    /// <summary>Created (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Last written (UTC).</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The filing date.</summary>
    public DateOnly? FiledOn { get; init; }

    /// <summary>The decision date.</summary>
    public DateOnly? DecidedOn { get; init; }

    /// <summary>The outcome.</summary>
    public string? Outcome { get; init; }
}
