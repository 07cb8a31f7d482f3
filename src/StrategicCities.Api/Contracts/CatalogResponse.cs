using System.Text.Json.Serialization;
using StrategicCities.Core.Catalog;

namespace StrategicCities.Api.Contracts;

/// <summary><c>GET /api/v1/catalog</c>: every rule set with its versions, every overlay, and counts.</summary>
public sealed record CatalogResponse(
    [property: JsonPropertyName("ruleSets")] IReadOnlyList<RuleSetSummary> RuleSets,
    [property: JsonPropertyName("overlays")] IReadOnlyList<OverlaySummary> Overlays,
    [property: JsonPropertyName("counts")] CatalogCounts Counts)
{
    /// <summary>Maps the loaded catalog.</summary>
    public static CatalogResponse From(RuleCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var ruleSets = catalog.RuleSetIds
            .Select(id => new RuleSetSummary(id, [.. catalog.Versions(id).Select(v => VersionSummary.From(v.Header))]))
            .ToList();
        var overlays = catalog.Overlays
            .OrderBy(o => o.Overlays, StringComparer.Ordinal)
            .ThenBy(o => o.Header.Layer)
            .ThenBy(o => o.Header.Jurisdiction, StringComparer.Ordinal)
            .ThenBy(o => o.Header.Validity.From)
            .Select(o => new OverlaySummary(o.Overlays, VersionSummary.From(o.Header)))
            .ToList();
        return new CatalogResponse(ruleSets, overlays,
            new CatalogCounts(ruleSets.Count, ruleSets.Sum(r => r.Versions.Count), overlays.Count, catalog.Municipalities.Count));
    }
}
