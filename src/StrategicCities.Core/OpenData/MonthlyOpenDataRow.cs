namespace StrategicCities.Core.OpenData;

/// <summary>
/// One cell of the monthly open data (permits-monthly.csv / .json): the applications filed in one month, in one
/// municipality, under one regime, for one intervention category, counted. A cell never holds fewer than
/// <see cref="MonthlyAggregation.MinimumCell"/> applications (docs/opendata/permits-dictionary.md, "Monthly").
/// The columns and their meaning are a stable contract.
/// </summary>
public sealed record MonthlyOpenDataRow
{
    /// <summary>The column names, in order (the CSV header; the JSON property names).</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "month", "municipality_istat", "regime", "intervention_category", "filed", "decided", "express_decisions",
        "within_term", "tacit_outcomes", "integration_requests", "median_days_taken",
    ];

    /// <summary>Month of filing, <c>yyyy-MM</c>.</summary>
    public required string Month { get; init; }

    /// <summary>ISTAT code of the municipality, 6 digits.</summary>
    public required string MunicipalityIstat { get; init; }

    /// <summary>The regime (procedure id); null when the application has none.</summary>
    public string? Regime { get; init; }

    /// <summary>
    /// One of <see cref="InterventionCategories"/>, <see cref="MonthlyAggregation.OtherCategories"/> for the merged
    /// small cells, or null (not declared).
    /// </summary>
    public string? InterventionCategory { get; init; }

    /// <summary>Applications filed (at least <see cref="MonthlyAggregation.MinimumCell"/>).</summary>
    public required long Filed { get; init; }

    /// <summary>Of those, the ones with a concluding decision.</summary>
    public required long Decided { get; init; }

    /// <summary>Of those, express decisions of the office (the within-term flag applies to them).</summary>
    public required long ExpressDecisions { get; init; }

    /// <summary>Express decisions within the legal term.</summary>
    public required long WithinTerm { get; init; }

    /// <summary>Tacit outcomes (silenzio-assenso, consolidata, efficace).</summary>
    public required long TacitOutcomes { get; init; }

    /// <summary>Interruptions of the decision term for integrations, summed.</summary>
    public required long IntegrationRequests { get; init; }

    /// <summary>Median days from filing to decision; null when fewer than <see cref="MonthlyAggregation.MinimumCell"/> were decided.</summary>
    public double? MedianDaysTaken { get; init; }
}
