using System.Text.Json.Serialization;
using StrategicCities.Core.Catalog;

namespace StrategicCities.Api.Contracts;

/// <summary><c>GET /api/v1/catalog/{municipality}</c>: what is in force for a municipality on a legal date.</summary>
public sealed record MunicipalCatalogResponse(
    [property: JsonPropertyName("municipality")] MunicipalityInfo Municipality,
    [property: JsonPropertyName("date")] DateOnly Date,
    [property: JsonPropertyName("ruleSets")] IReadOnlyList<RuleSetInForce> RuleSets)
{
    /// <summary>Maps the rule sets composed for the municipality and date (national layer first).</summary>
    public static MunicipalCatalogResponse From(Municipality municipality, DateOnly date, IEnumerable<ComposedRuleSet> inForce)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        ArgumentNullException.ThrowIfNull(inForce);
        return new MunicipalCatalogResponse(MunicipalityInfo.From(municipality), date,
            [.. inForce.Select(r => new RuleSetInForce(r.Id, [.. r.Layers.Select(VersionSummary.From)]))]);
    }
}
