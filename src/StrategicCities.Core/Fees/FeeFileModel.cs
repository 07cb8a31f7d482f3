using System.Text.Json.Serialization;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Fees;

// The file format of rules/{national,regions/<rr>,municipalities/<istat>}/fees/<version>.json, read strictly
// (unknown members are refused). One shape serves the national structure and the overlays; the reader checks
// which parts each layer may carry. docs/fees/README.md documents every member.

/// <summary>One fee file (national structure or regional/municipal overlay).</summary>
internal sealed class FeeFileModel
{
    [JsonPropertyName("$schema")] public string? Schema { get; init; }
    public required string Id { get; init; }
    public required string Jurisdiction { get; init; }
    public required string Version { get; init; }
    public required string ValidFrom { get; init; }
    public string? ValidTo { get; init; }
    public string? Layer { get; init; }
    public string? Overlays { get; init; }
    public LocalizedText? Title { get; init; }
    public string? Note { get; init; }
    public required List<Instrument> Instruments { get; init; }
    public FeeRoundingModel? Rounding { get; init; }
    public List<FeeChargeModel>? Charges { get; init; }
    public FeeContributionModel? Contribution { get; init; }
    public List<FeeShareBoundsModel>? CostShareBounds { get; init; }
    public FeeCostClassesModel? CostClasses { get; init; }
    public FeeChangeOfUseModel? ChangeOfUse { get; init; }
    public List<FeeExemptionModel>? Exemptions { get; init; }
    public List<FeeReductionModel>? Reductions { get; init; }
    public List<string>? LocalReductionsAllowedFor { get; init; }
    public List<FeeTariffModel>? Tariffs { get; init; }
    public FeeInstalmentModel? Instalments { get; init; }
}

internal sealed class FeeRoundingModel
{
    public required int Scale { get; init; }
    public required string Mode { get; init; }
    public required List<LegalBasis> LegalBasis { get; init; }
}

internal sealed class FeeChargeModel
{
    public required string Id { get; init; }
    public required string Kind { get; init; }
    public required string Part { get; init; }
    public required LocalizedText Title { get; init; }
    public required List<string> SetBy { get; init; }
    public required List<LegalBasis> LegalBasis { get; init; }
}

internal sealed class FeeShareBoundsModel
{
    public required List<string> Uses { get; init; }
    public required decimal Min { get; init; }
    public required decimal Max { get; init; }
    public required List<string> SetBy { get; init; }
    public required List<LegalBasis> LegalBasis { get; init; }
}

internal sealed class FeeCostClassesModel
{
    public required decimal AccessoryWeight { get; init; }
    public required List<FeeBandModel> UnitSurfaceBands { get; init; }
    public required List<FeeBandModel> AccessoryRatioBands { get; init; }
    public required decimal IncrementPerFeature { get; init; }
    public required int MaxFeatures { get; init; }
    public required List<FeeClassModel> Classes { get; init; }
    public required List<LegalBasis> LegalBasis { get; init; }
}

internal sealed class FeeBandModel
{
    public decimal? UpTo { get; init; }
    public required decimal Increment { get; init; }
}

internal sealed class FeeClassModel
{
    public required string Class { get; init; }
    public decimal? UpTo { get; init; }
    public required decimal Increase { get; init; }
}

internal sealed class FeeChangeOfUseModel
{
    public required string Method { get; init; }
    public required List<LegalBasis> LegalBasis { get; init; }
}

internal sealed class FeeExemptionModel
{
    public required string Id { get; init; }
    public required LocalizedText Title { get; init; }
    public required List<string> Facts { get; init; }
    public List<string>? Categories { get; init; }
    public decimal? MaxEnlargementPercent { get; init; }
    public required List<string> Charges { get; init; }
    public required List<LegalBasis> LegalBasis { get; init; }
}

internal sealed class FeeReductionModel
{
    public required string Id { get; init; }
    public LocalizedText? Title { get; init; }
    public List<string>? Facts { get; init; }
    public List<string>? Categories { get; init; }
    public List<string>? Charges { get; init; }
    public required decimal Percent { get; init; }
    public decimal? MinPercent { get; init; }
    public List<string>? SetBy { get; init; }
    public bool Sample { get; init; }
    public required List<LegalBasis> LegalBasis { get; init; }
}

internal sealed class FeeTariffModel
{
    public required string Charge { get; init; }
    public string? Parameter { get; init; }
    public string? Use { get; init; }
    public string? Zone { get; init; }
    public List<string>? Categories { get; init; }
    public List<string>? Regimes { get; init; }
    public string? Unit { get; init; }
    public decimal? Rate { get; init; }
    public decimal? Amount { get; init; }
    public decimal? Percent { get; init; }
    public bool Sample { get; init; }
    public string? Note { get; init; }
    public required List<LegalBasis> LegalBasis { get; init; }
}

internal sealed class FeeInstalmentModel
{
    public required int Count { get; init; }
    public required int IntervalMonths { get; init; }
    public required bool Guarantee { get; init; }
    public required List<string> Charges { get; init; }
    public bool Sample { get; init; }
    public required List<LegalBasis> LegalBasis { get; init; }
}

internal sealed class FeeContributionModel
{
    public required List<string> Regimes { get; init; }
    public required List<string> Categories { get; init; }
    public required List<LegalBasis> LegalBasis { get; init; }
}
