using System.Text.Json.Serialization;

namespace StrategicCities.Core.Catalog;

/// <summary>
/// Everything in force for one municipality on one legal date: one compiled rule set per id.
/// </summary>
public sealed class EffectivePackage
{
    private readonly IReadOnlyDictionary<string, EffectiveRuleSet> _ruleSets;

    internal EffectivePackage(Municipality municipality, DateOnly legalDate, IReadOnlyDictionary<string, EffectiveRuleSet> ruleSets)
    {
        Municipality = municipality;
        LegalDate = legalDate;
        _ruleSets = ruleSets;
    }

    /// <summary>The municipality the package is for.</summary>
    public Municipality Municipality { get; }

    /// <summary>The legal reference date (tempus regit actum).</summary>
    public DateOnly LegalDate { get; }

    /// <summary>Rule sets in force, by id.</summary>
    public IEnumerable<EffectiveRuleSet> RuleSets => _ruleSets.Values.OrderBy(r => r.Id, StringComparer.Ordinal);

    /// <summary>The rule set with that id, if one is in force on the date.</summary>
    public EffectiveRuleSet? Find(string ruleSetId) => _ruleSets.GetValueOrDefault(ruleSetId);

    /// <summary>The versions in force, for pinning and display.</summary>
    public IReadOnlyList<PinnedVersion> Versions =>
    [
        .. RuleSets.SelectMany(r => r.Composed.Layers.Select(l => PinnedVersion.Of(r.Id, l))),
    ];
}
