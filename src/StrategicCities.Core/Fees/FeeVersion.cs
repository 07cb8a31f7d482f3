using StrategicCities.Core.Catalog;

namespace StrategicCities.Core.Fees;

/// <summary>One fee file read and checked: its header (layer, jurisdiction, validity, hash) and its content.</summary>
internal sealed record FeeVersion(RuleFileHeader Header, FeeFileModel Model)
{
    public bool IsNational => Header.Layer == Layer.National;
}
