using System.Text.Json.Serialization;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Fees;

/// <summary>
/// The fees of one intervention under the law in force: itemized lines, the exemptions that applied, totals, the
/// rounding used and the instalments the municipality allows, with the files it was computed from (to pin).
/// </summary>
public sealed record FeeAssessment
{
    /// <summary>The municipality.</summary>
    [JsonPropertyName("municipality")] public required Municipality Municipality { get; init; }

    /// <summary>The legal reference date.</summary>
    [JsonPropertyName("legalDate")] public required DateOnly LegalDate { get; init; }

    /// <summary>The regime the fees were computed for (given, or determined from the intervention).</summary>
    [JsonPropertyName("regime")] public required string Regime { get; init; }

    /// <summary>The intervention category.</summary>
    [JsonPropertyName("category")] public required string Category { get; init; }

    /// <summary>Always EUR.</summary>
    [JsonPropertyName("currency")] public string Currency { get; init; } = "EUR";

    /// <summary>The lines, contributo first, then desk charges.</summary>
    [JsonPropertyName("lines")] public required IReadOnlyList<FeeLine> Lines { get; init; }

    /// <summary>Exemptions that applied (art. 17 D.P.R. 380/2001, art. 19 c.1), with their law.</summary>
    [JsonPropertyName("exemptions")] public required IReadOnlyList<FeeExemptionApplied> Exemptions { get; init; }

    /// <summary>Total of the contributo di costruzione.</summary>
    [JsonPropertyName("contributo")] public required decimal Contributo { get; init; }

    /// <summary>Total of the desk charges.</summary>
    [JsonPropertyName("desk")] public required decimal Desk { get; init; }

    /// <summary>Everything due.</summary>
    [JsonPropertyName("total")] public required decimal Total { get; init; }

    /// <summary>How amounts were rounded, and why.</summary>
    [JsonPropertyName("rounding")] public required FeeRounding Rounding { get; init; }

    /// <summary>The instalments the municipality allows for the charges it names (art. 16 c.2), or empty.</summary>
    [JsonPropertyName("instalments")] public required IReadOnlyList<FeeInstalment> Instalments { get; init; }

    /// <summary>Notes for the reader: what was not computed and why, sample data used.</summary>
    [JsonPropertyName("notes")] public required IReadOnlyList<LocalizedText> Notes { get; init; }

    /// <summary>True when any amount rests on sample data rather than verified law.</summary>
    [JsonPropertyName("sample")] public required bool Sample { get; init; }

    /// <summary>The fee files used (national, region, municipality), to pin.</summary>
    [JsonPropertyName("ruleSets")] public required IReadOnlyList<PinnedVersion> RuleSets { get; init; }
}

/// <summary>An exemption that applied.</summary>
/// <param name="Id">The exemption id.</param>
/// <param name="Title">Its name.</param>
/// <param name="Charges">The charges it removes.</param>
/// <param name="LegalBasis">Its law.</param>
public sealed record FeeExemptionApplied(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] LocalizedText Title,
    [property: JsonPropertyName("charges")] IReadOnlyList<string> Charges,
    [property: JsonPropertyName("legalBasis")] IReadOnlyList<FeeCitation> LegalBasis);

/// <summary>The rounding of amounts.</summary>
/// <param name="Scale">Decimal places (2: euro cents).</param>
/// <param name="Mode"><c>half-up</c> (0.005 goes up) or <c>half-even</c>.</param>
/// <param name="Per">Where it applies: each line is rounded, totals are sums of rounded lines.</param>
/// <param name="LegalBasis">The rule's source.</param>
public sealed record FeeRounding(
    [property: JsonPropertyName("scale")] int Scale,
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("per")] string Per,
    [property: JsonPropertyName("legalBasis")] IReadOnlyList<FeeCitation> LegalBasis);

/// <summary>One instalment of the plan.</summary>
/// <param name="Number">1 for the first.</param>
/// <param name="DueMonthsAfterIssue">Months after the title is issued (0: at issue).</param>
/// <param name="Amount">Euros; the cents that do not divide go to the first instalment.</param>
/// <param name="Guarantee">Whether the municipality asks a guarantee (fideiussione) for the deferred amount.</param>
/// <param name="LegalBasis">The law and the municipal rule allowing it.</param>
/// <param name="Sample">True when the municipality's plan is sample data, not its verified rule.</param>
public sealed record FeeInstalment(
    [property: JsonPropertyName("number")] int Number,
    [property: JsonPropertyName("dueMonthsAfterIssue")] int DueMonthsAfterIssue,
    [property: JsonPropertyName("amount")] decimal Amount,
    [property: JsonPropertyName("guarantee")] bool Guarantee,
    [property: JsonPropertyName("legalBasis")] IReadOnlyList<FeeCitation> LegalBasis,
    [property: JsonPropertyName("sample")] bool Sample);
