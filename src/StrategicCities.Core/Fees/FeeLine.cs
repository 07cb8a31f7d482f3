using System.Text.Json.Serialization;

namespace StrategicCities.Core.Fees;

/// <summary>One line of the bill: what is due for one charge, how it was computed and on what law.</summary>
/// <param name="Charge">The charge id (e.g. <c>oneri-urbanizzazione-primaria</c>).</param>
/// <param name="Part"><c>contributo</c> (art. 16 D.P.R. 380/2001) or <c>desk</c> (diritti di segreteria, imposta di bollo).</param>
/// <param name="Title">The charge's name in Italian and English.</param>
/// <param name="Amount">The amount due, in euros, rounded as the assessment's rounding says.</param>
/// <param name="Formula">The computation written out with its figures, e.g. <c>600 m3 × 68.00 EUR/m3 = 40800.00</c>.</param>
/// <param name="Inputs">The figures the formula used, by name.</param>
/// <param name="Tariffs">The tariff values applied, each with the file and layer that gave it.</param>
/// <param name="Reductions">Reductions applied to this line, in order.</param>
/// <param name="Exemption">The exemption that makes the line nothing, if any.</param>
/// <param name="LegalBasis">The law of the charge and of its tariffs.</param>
/// <param name="Sample">True when a value used is sample data, not verified law: the amount is an example.</param>
public sealed record FeeLine(
    [property: JsonPropertyName("charge")] string Charge,
    [property: JsonPropertyName("part")] string Part,
    [property: JsonPropertyName("title")] Legal.LocalizedText Title,
    [property: JsonPropertyName("amount")] decimal Amount,
    [property: JsonPropertyName("formula")] string Formula,
    [property: JsonPropertyName("inputs")] IReadOnlyDictionary<string, decimal> Inputs,
    [property: JsonPropertyName("tariffs")] IReadOnlyList<FeeTariffApplied> Tariffs,
    [property: JsonPropertyName("reductions")] IReadOnlyList<FeeReductionApplied> Reductions,
    [property: JsonPropertyName("exemption")] string? Exemption,
    [property: JsonPropertyName("legalBasis")] IReadOnlyList<FeeCitation> LegalBasis,
    [property: JsonPropertyName("sample")] bool Sample);

/// <summary>One tariff value applied to a line.</summary>
/// <param name="Name">What the value is: <c>rate</c>, <c>amount</c>, <c>base-cost</c>, <c>share</c>, <c>rate-previous-use</c>.</param>
/// <param name="Value">The value.</param>
/// <param name="Unit"><c>EUR/m3</c>, <c>EUR/m2</c>, <c>EUR</c> or <c>%</c>.</param>
/// <param name="Selector">Which tariff of the file (charge, use, zone, categories, regimes).</param>
/// <param name="Layer">national, region or municipality.</param>
/// <param name="File">The rule file.</param>
/// <param name="Sample">True when the file marks the value as sample data.</param>
/// <param name="Note">The file's note on the value.</param>
public sealed record FeeTariffApplied(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] decimal Value,
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("selector")] string Selector,
    [property: JsonPropertyName("layer")] string Layer,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("sample")] bool Sample,
    [property: JsonPropertyName("note")] string? Note);

/// <summary>A reduction applied to a line.</summary>
/// <param name="Id">The reduction id.</param>
/// <param name="Percent">The percent taken off the amount left by the reductions before it.</param>
/// <param name="Amount">The euros it takes off (unrounded until the line is).</param>
/// <param name="LegalBasis">Its law or deliberation.</param>
/// <param name="Sample">True when the percent is sample data.</param>
public sealed record FeeReductionApplied(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("percent")] decimal Percent,
    [property: JsonPropertyName("amount")] decimal Amount,
    [property: JsonPropertyName("legalBasis")] IReadOnlyList<FeeCitation> LegalBasis,
    [property: JsonPropertyName("sample")] bool Sample);
