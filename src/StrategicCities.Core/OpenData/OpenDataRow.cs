namespace StrategicCities.Core.OpenData;

/// <summary>
/// One application as published in the open data (permits.csv / permits.json). Only enumerated codes, dates and
/// counts: no names, tax codes, addresses, cadastral references, free text, nor the internal application or office
/// ids. The columns and their meaning are a stable contract (docs/opendata/permits-dictionary.md).
/// </summary>
public sealed record OpenDataRow
{
    /// <summary>The column names, in order (the CSV header; the JSON property names).</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "regime", "municipality_istat", "filed_on", "decided_on", "outcome", "days_taken", "within_term",
        "intervention_category", "state", "integration_requests", "integration_days",
    ];

    /// <summary>The regime (procedure id).</summary>
    public string? Regime { get; init; }

    /// <summary>ISTAT code of the municipality, 6 digits.</summary>
    public required string MunicipalityIstat { get; init; }

    /// <summary>Filing date.</summary>
    public DateOnly? FiledOn { get; init; }

    /// <summary>Decision date.</summary>
    public DateOnly? DecidedOn { get; init; }

    /// <summary>Outcome code.</summary>
    public string? Outcome { get; init; }

    /// <summary>Calendar days from filing to decision.</summary>
    public int? DaysTaken => FiledOn is { } f && DecidedOn is { } d ? d.DayNumber - f.DayNumber : null;

    /// <summary>Express decision within the legal term (null: tacit, pending or no decision).</summary>
    public bool? WithinTerm { get; init; }

    /// <summary>Category of the intervention (art. 3 D.P.R. 380/2001), one of <see cref="InterventionCategories"/> or null.</summary>
    public string? InterventionCategory { get; init; }

    /// <summary>Current procedure state.</summary>
    public required string State { get; init; }

    /// <summary>Interruptions of the decision term for integrations.</summary>
    public int? IntegrationRequests { get; init; }

    /// <summary>Days of those interruptions.</summary>
    public int? IntegrationDays { get; init; }
}
