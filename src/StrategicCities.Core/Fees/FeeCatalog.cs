using StrategicCities.Core.Catalog;

namespace StrategicCities.Core.Fees;

/// <summary>
/// The verified fee files: the national structures by date, the regional and municipal overlays, and every revision by
/// content hash. <see cref="Resolve"/> selects, for one municipality and legal date, the national version, its region's
/// overlay and its own (<see cref="Law.LawInForce.Fees"/> asks it; nothing else selects fee files by date).
/// </summary>
public sealed class FeeCatalog
{
    private readonly IReadOnlyList<FeeVersion> _national;
    private readonly IReadOnlyList<FeeVersion> _overlays;
    private readonly IReadOnlyDictionary<string, FeeVersion> _byHash;

    internal FeeCatalog(IReadOnlyList<FeeVersion> national, IReadOnlyList<FeeVersion> overlays, IReadOnlyDictionary<string, FeeVersion> byHash)
    {
        _national = national;
        _overlays = overlays;
        _byHash = byHash;
    }

    /// <summary>The headers of the national versions, oldest first.</summary>
    public IReadOnlyList<RuleFileHeader> NationalVersions => [.. _national.Select(v => v.Header)];

    /// <summary>The headers of the regional and municipal overlays (newest revisions).</summary>
    public IReadOnlyList<RuleFileHeader> Overlays => [.. _overlays.Select(v => v.Header)];

    /// <summary>How many files (all revisions) the catalog holds.</summary>
    public int FileCount => _byHash.Count;

    /// <summary>The fees in force for <paramref name="municipality"/> on <paramref name="legalDate"/>, or null when no national structure is.</summary>
    public EffectiveFees? Resolve(Municipality municipality, DateOnly legalDate)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        var national = _national.FirstOrDefault(v => v.Header.Validity.Contains(legalDate));
        if (national is null)
        {
            return null;
        }

        var region = _overlays.FirstOrDefault(o => o.Header.Layer == Layer.Region && o.Header.Jurisdiction == municipality.Region && o.Header.Validity.Contains(legalDate));
        var local = _overlays.FirstOrDefault(o => o.Header.Layer == Layer.Municipality && o.Header.Jurisdiction == municipality.Code && o.Header.Validity.Contains(legalDate));
        return new EffectiveFees(municipality, legalDate, national, region, local);
    }

    /// <summary>The file pinned by content hash (any revision), for a case that pinned its fees; null when this deployment lacks it.</summary>
    public RuleFileHeader? Find(string contentHash) => _byHash.TryGetValue(contentHash, out var version) ? version.Header : null;
}
