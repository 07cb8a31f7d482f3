using System.Collections.Concurrent;
using System.Collections.Frozen;
using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Catalog;

/// <summary>
/// Every rule-set version and overlay under rules/, verified at load, and the answer to
/// <c>Resolve(municipality, legalDate)</c>. Immutable after load; compiled rule sets are cached by
/// their version tuple so thousands of municipalities share one compiled national package.
/// </summary>
public sealed class RuleCatalog
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<RuleSetVersion>> _national;
    private readonly IReadOnlyList<OverlayVersion> _overlays;
    private readonly IReadOnlyDictionary<string, RuleSetVersion> _nationalByHash;
    private readonly IReadOnlyDictionary<string, OverlayVersion> _overlaysByHash;

    // The overlays of each rule set, layer and jurisdiction, in catalog order: OverlayAt runs on every form validation,
    // and a scan of every overlay grows with the municipalities that have one.
    private readonly FrozenDictionary<(string RuleSetId, Layer Layer, string Jurisdiction), OverlayVersion[]> _overlaysBy;
    private readonly Law.LawCache<EffectiveRuleSet> _compiled = new();
    private readonly ConcurrentDictionary<(RuleSetVersion National, OverlayVersion? Region, OverlayVersion? Municipality), ComposedRuleSet> _composed =
        new(IdentityTupleComparer.Instance);

    internal RuleCatalog(
        MunicipalityRegistry municipalities,
        IReadOnlyDictionary<string, IReadOnlyList<RuleSetVersion>> national,
        IReadOnlyList<OverlayVersion> overlays,
        IReadOnlyDictionary<string, RuleSetVersion> nationalByHash,
        IReadOnlyDictionary<string, OverlayVersion> overlaysByHash,
        string rulesDirectory)
    {
        _nationalByHash = nationalByHash;
        _overlaysByHash = overlaysByHash;
        Municipalities = municipalities;
        _national = national;
        _overlays = overlays;
        _overlaysBy = overlays.GroupBy(o => (o.Overlays, o.Header.Layer, o.Header.Jurisdiction)).ToFrozenDictionary(g => g.Key, g => g.ToArray());
        RulesDirectory = rulesDirectory;
    }

    /// <summary>The ISTAT registry.</summary>
    public MunicipalityRegistry Municipalities { get; }

    /// <summary>The folder the catalog was loaded from.</summary>
    public string RulesDirectory { get; }

    /// <summary>Ids of the national rule sets.</summary>
    public IEnumerable<string> RuleSetIds => _national.Keys.OrderBy(k => k, StringComparer.Ordinal);

    /// <summary>Versions of one national rule set, oldest first (empty if unknown).</summary>
    public IReadOnlyList<RuleSetVersion> Versions(string ruleSetId) => _national.GetValueOrDefault(ruleSetId) ?? [];

    /// <summary>Every overlay version.</summary>
    public IReadOnlyList<OverlayVersion> Overlays => _overlays;

    /// <summary>Number of compiled rule sets in the cache (for diagnostics and tests).</summary>
    public int CompiledCount => _compiled.Count;

    /// <summary>The municipality, or an error if the code is malformed or unknown.</summary>
    public (Municipality? Municipality, InputError? Error) FindMunicipality(string code)
    {
        if (code.Length != 6 || code.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return (null, new InputError(InputError.Codes.MunicipalityInvalid, "/municipality", new LocalizedText(
                $"Il codice ISTAT del comune deve avere 6 cifre (ad es. 015146 per Milano): ricevuto \"{code}\".",
                $"The municipality's ISTAT code must be 6 digits (e.g. 015146 for Milano): got \"{code}\".")));
        }

        var municipality = Municipalities.Find(code);
        return municipality is null
            ? (null, new InputError(InputError.Codes.MunicipalityUnknown, "/municipality", new LocalizedText(
                $"Nessun comune ha il codice ISTAT {code}.",
                $"No municipality has ISTAT code {code}.")))
            : (municipality, null);
    }

    /// <summary>The national version of a rule set in force on a date, if any.</summary>
    public RuleSetVersion? NationalVersionAt(string ruleSetId, DateOnly date)
    {
        // A loop, not FirstOrDefault with a closure and an enumerator: this runs on every form validation.
        var versions = Versions(ruleSetId);
        for (var i = 0; i < versions.Count; i++)
        {
            if (versions[i].Header.Validity.Contains(date))
            {
                return versions[i];
            }
        }

        return null;
    }

    /// <summary>The overlay of a rule set for a layer and jurisdiction in force on a date, if any.</summary>
    public OverlayVersion? OverlayAt(string ruleSetId, Layer layer, string jurisdiction, DateOnly date)
    {
        if (_overlaysBy.TryGetValue((ruleSetId, layer, jurisdiction), out var overlays))
        {
            foreach (var overlay in overlays)
            {
                if (overlay.Header.Validity.Contains(date))
                {
                    return overlay;
                }
            }
        }

        return null;
    }

    /// <summary>Composes (without compiling) one rule set for a municipality and date.</summary>
    public ComposedRuleSet? Compose(string ruleSetId, Municipality municipality, DateOnly date)
    {
        var national = NationalVersionAt(ruleSetId, date);
        if (national is null)
        {
            return null;
        }

        var region = OverlayAt(ruleSetId, Layer.Region, municipality.Region, date);
        var local = OverlayAt(ruleSetId, Layer.Municipality, municipality.Code, date);

        return ComposeOnce(national, region, local);
    }

    // Composition is pure in the three file versions: compose each combination once.
    private ComposedRuleSet ComposeOnce(RuleSetVersion national, OverlayVersion? region, OverlayVersion? local) =>
        _composed.GetOrAdd((national, region, local), key =>
        {
            var problems = new List<CatalogProblem>();

            // The loader composed every reachable combination already, so a refusal here is a bug.
            return OverlayComposer.Compose(key.National, key.Region, key.Municipality, problems)
                ?? throw new InvalidOperationException($"Composition refused after a clean load: {string.Join("; ", problems)}");
        });

    /// <summary>Every revision of every national version and overlay, by content hash (newest revisions included).</summary>
    public int RevisionCount => _nationalByHash.Count + _overlaysByHash.Count;

    /// <summary>
    /// Composes a rule set as a pinned case sees it: exactly the files it pinned (by content hash), whatever revision
    /// or version a date would select today; without a pin of this rule set, what the date selects.
    /// </summary>
    /// <returns>The composition, or the pin whose file this deployment does not hold.</returns>
    public (ComposedRuleSet? Composed, PinnedVersion? Missing) ComposePinned(
        string ruleSetId, Municipality municipality, DateOnly date, IReadOnlyCollection<PinnedVersion> pins)
    {
        ArgumentNullException.ThrowIfNull(pins);
        RuleSetVersion? national = null;
        OverlayVersion? region = null, local = null;
        var pinned = false;
        foreach (var pin in pins)
        {
            if (pin.RuleSet != ruleSetId)
            {
                continue;
            }

            pinned = true;
            if (pin.Layer == Layer.National.Name())
            {
                if (!_nationalByHash.TryGetValue(pin.Hash, out national))
                {
                    return (null, pin);
                }
            }
            else if (!_overlaysByHash.TryGetValue(pin.Hash, out var overlay))
            {
                return (null, pin);
            }
            else if (overlay.Header.Layer == Layer.Region)
            {
                region = overlay;
            }
            else
            {
                local = overlay;
            }
        }

        if (!pinned)
        {
            return (Compose(ruleSetId, municipality, date), null);
        }

        return national is null ? (null, null) : (ComposeOnce(national, region, local), null);
    }

    /// <summary>
    /// The newest revision of the file <paramref name="pin"/> names (same rule set, layer, jurisdiction and version),
    /// or null when this catalog has no such version: what a re-pin moves an application to. Never another version.
    /// </summary>
    public PinnedVersion? NewestRevisionOf(PinnedVersion pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        if (pin.Layer == Layer.National.Name())
        {
            return Versions(pin.RuleSet).FirstOrDefault(v => v.Header.Version == pin.Version) is { } version
                ? PinnedVersion.Of(pin.RuleSet, version.Header) : null;
        }

        var layer = pin.Layer == Layer.Region.Name() ? Layer.Region : Layer.Municipality;
        return _overlaysBy.TryGetValue((pin.RuleSet, layer, pin.Jurisdiction), out var overlays)
            && overlays.FirstOrDefault(o => o.Header.Version == pin.Version) is { } overlay
            ? PinnedVersion.Of(pin.RuleSet, overlay.Header) : null;
    }

    /// <summary>
    /// Everything in force for a municipality on a legal date, compiled (cached by version tuple).
    /// </summary>
    public async Task<(EffectivePackage? Package, InputError? Error)> ResolveAsync(
        string municipalityCode, DateOnly legalDate, CancellationToken cancellationToken = default)
    {
        var (municipality, error) = FindMunicipality(municipalityCode);
        if (municipality is null)
        {
            return (null, error);
        }

        // Cold rule sets compile in parallel (CompileAsync starts each on the thread pool); warm ones are cached.
        var compiling = new List<(string Id, Task<EffectiveRuleSet> Task)>();
        foreach (var id in _national.Keys)
        {
            if (Compose(id, municipality, legalDate) is { } composed)
            {
                compiling.Add((id, CompileAsync(composed, cancellationToken)));
            }
        }

        var ruleSets = new Dictionary<string, EffectiveRuleSet>(compiling.Count, StringComparer.Ordinal);
        foreach (var (id, task) in compiling)
        {
            ruleSets[id] = await task;
        }

        if (ruleSets.Count == 0)
        {
            return (null, NoVersionError(null, legalDate));
        }

        return (new EffectivePackage(municipality, legalDate, ruleSets), null);
    }

    /// <summary>The error for a date with no version of a rule set (or of any, when <paramref name="ruleSetId"/> is null).</summary>
    public InputError NoVersionError(string? ruleSetId, DateOnly legalDate)
    {
        var first = (ruleSetId is null ? _national.Values.SelectMany(v => v) : Versions(ruleSetId))
            .Select(v => v.Header.Validity.From).DefaultIfEmpty().Min();
        var what = ruleSetId is null ? "" : $" '{ruleSetId}'";
        var fromIt = first == default ? "" : $" La prima versione è in vigore dal {first:dd/MM/yyyy}.";
        var fromEn = first == default ? "" : $" The first version takes effect on {first:yyyy-MM-dd}.";
        return new InputError(InputError.Codes.NoVersion, "/legalDate", new LocalizedText(
            $"Nessuna versione delle regole{what} è in vigore alla data {legalDate:dd/MM/yyyy}.{fromIt}",
            $"No version of the rules{what} is in force on {legalDate:yyyy-MM-dd}.{fromEn}"));
    }

    internal Task<EffectiveRuleSet> CompileAsync(ComposedRuleSet composed, CancellationToken cancellationToken)
    {
        var signature = RuleSignature.For(composed.Id)
            ?? throw new InvalidOperationException($"No rule signature is registered for rule set '{composed.Id}'.");
        // composed.Key names the rule set and its layer versions: two rule sets (forms/cil and forms/agibilita,
        // both 2017-06-30) share the versions but never a compiled engine.
        return _compiled.GetOrAddAsync(composed.Key, () => Task.Run(() =>
        {
            var effective = new EffectiveRuleSet(composed, signature);
            effective.WarmUp();
            return effective;
        })).WaitAsync(cancellationToken);
    }
}

/// <summary>Compares the file versions of a composition by identity: they are immutable and loaded once.</summary>
internal sealed class IdentityTupleComparer : IEqualityComparer<(RuleSetVersion, OverlayVersion?, OverlayVersion?)>
{
    public static readonly IdentityTupleComparer Instance = new();

    public bool Equals((RuleSetVersion, OverlayVersion?, OverlayVersion?) x, (RuleSetVersion, OverlayVersion?, OverlayVersion?) y) =>
        ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2) && ReferenceEquals(x.Item3, y.Item3);

    public int GetHashCode((RuleSetVersion, OverlayVersion?, OverlayVersion?) obj) => HashCode.Combine(
        System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item1),
        obj.Item2 is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item2),
        obj.Item3 is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item3));
}
