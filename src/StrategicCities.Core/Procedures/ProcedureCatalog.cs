using StrategicCities.Core.Catalog;
using StrategicCities.Core.Law;
using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Procedures;

/// <summary>
/// Every procedure definition and overlay, verified at load (<see cref="ProcedureLoader"/>), and the
/// answer to "which procedure governs regime R for municipality M on legal date D". Immutable.
/// </summary>
public sealed class ProcedureCatalog
{
    /// <summary>Error code: no procedure with that id.</summary>
    public const string UnknownProcedure = Problems.ProblemCatalog.ProcedureUnknown;

    private readonly IReadOnlyDictionary<string, IReadOnlyList<ProcedureDefinition>> _national;
    private readonly IReadOnlyList<ProcedureOverlay> _overlays;
    private readonly IReadOnlyDictionary<string, ProcedureDefinition> _nationalByHash;
    private readonly IReadOnlyDictionary<string, ProcedureOverlay> _overlaysByHash;

    internal ProcedureCatalog(
        RuleCatalog rules,
        IReadOnlyDictionary<string, IReadOnlyList<ProcedureDefinition>> national,
        IReadOnlyList<ProcedureOverlay> overlays,
        IReadOnlyDictionary<string, ProcedureDefinition> nationalByHash,
        IReadOnlyDictionary<string, ProcedureOverlay> overlaysByHash)
    {
        _nationalByHash = nationalByHash;
        _overlaysByHash = overlaysByHash;
        Rules = rules;
        _national = national;
        _overlays = overlays;
    }

    /// <summary>The rule catalog the guards and the registry come from.</summary>
    public RuleCatalog Rules { get; }

    /// <summary>Ids of the procedures (the regimes), sorted.</summary>
    public IEnumerable<string> Ids => _national.Keys.Order(StringComparer.Ordinal);

    /// <summary>Every overlay.</summary>
    public IReadOnlyList<ProcedureOverlay> Overlays => _overlays;

    /// <summary>National versions of one procedure, oldest first (empty if unknown).</summary>
    public IReadOnlyList<ProcedureDefinition> Versions(string id) => _national.GetValueOrDefault(id) ?? [];

    /// <summary>The national version in force on <paramref name="date"/> (half-open validity), if any.</summary>
    public ProcedureDefinition? NationalAt(string id, DateOnly date) =>
        Versions(id).FirstOrDefault(v => v.Header.Validity.Contains(date));

    /// <summary>
    /// The national definition with the overlays of <paramref name="municipality"/> in force on
    /// <paramref name="date"/>, bound to the municipality (its population doubles terms where the
    /// definition says so, see <see cref="ProcedureDefinition.Municipality"/>).
    /// </summary>
    public (ProcedureDefinition? Definition, IReadOnlyList<RuleFileHeader> Layers) Compose(string id, Municipality municipality, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        var national = NationalAt(id, date);
        if (national is null)
        {
            return (null, []);
        }

        var overlays = new List<ProcedureOverlay>();
        if (OverlayAt(id, Layer.Region, municipality.Region, date) is { } region)
        {
            overlays.Add(region);
        }

        if (OverlayAt(id, Layer.Municipality, municipality.Code, date) is { } local)
        {
            overlays.Add(local);
        }

        var problems = new List<CatalogProblem>();
        var composed = ProcedureLoader.Compose(national, overlays, Rules, problems)
            ?? throw new InvalidOperationException($"Composition refused after a clean load: {string.Join("; ", problems)}");
        // The municipality's population decides the terms the law doubles (art. 20 c. 7 D.P.R. 380/2001).
        return (composed with { Municipality = municipality }, [national.Header, .. overlays.Select(o => o.Header)]);
    }

    /// <summary>
    /// The procedure of regime <paramref name="id"/> in force for a municipality on a legal date, with
    /// its compiled guard rule set, or an input error (unknown municipality or procedure, no version).
    /// </summary>
    public async Task<(EffectiveProcedure? Procedure, InputError? Error)> ResolveAsync(
        string id, string municipalityCode, DateOnly legalDate, CancellationToken cancellationToken = default)
    {
        var (municipality, error) = Rules.FindMunicipality(municipalityCode);
        if (municipality is null)
        {
            return (null, error);
        }

        if (!_national.ContainsKey(id))
        {
            return (null, new InputError(UnknownProcedure, "/procedure", new LocalizedText(
                $"Nessun procedimento \"{id}\" (noti: {string.Join(", ", Ids)}).",
                $"No procedure \"{id}\" (known: {string.Join(", ", Ids)}).")));
        }

        var (definition, layers) = Compose(id, municipality, legalDate);
        if (definition is null)
        {
            var first = Versions(id)[0].Header.Validity.From;
            return (null, new InputError(InputError.Codes.NoVersion, "/legalDate", new LocalizedText(
                $"Nessuna versione del procedimento '{id}' è in vigore alla data {legalDate:dd/MM/yyyy}. La prima è in vigore dal {first:dd/MM/yyyy}.",
                $"No version of the procedure '{id}' is in force on {legalDate:yyyy-MM-dd}. The first takes effect on {first:yyyy-MM-dd}.")));
        }

        EffectiveRuleSet? guards = null;
        var composedGuards = Rules.Compose(definition.GuardRuleSet, municipality, legalDate);
        if (composedGuards is not null)
        {
            guards = await Rules.CompileAsync(composedGuards, cancellationToken);
        }

        return (new EffectiveProcedure(definition, layers, guards, municipality, legalDate), null);
    }

    /// <summary>
    /// The procedure a filed application runs: exactly the procedure and guard files it pinned (found by content
    /// hash, so an older revision keeps running until the application is re-pinned), bound to its municipality.
    /// </summary>
    /// <returns>The procedure, or an error: <see cref="LawProblems.PinnedVersionMissing"/> when this deployment lacks a
    /// pinned file (a fault of the deployment, not of the caller), or the errors of <see cref="ResolveAsync"/>.</returns>
    public async Task<(EffectiveProcedure? Procedure, InputError? Error)> ResolvePinnedAsync(
        string id, string municipalityCode, DateOnly legalDate, IReadOnlyCollection<PinnedVersion> pins, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pins);
        var folder = $"{ProcedureFileReader.Folder}/{id}";
        if (!pins.Any(p => p.RuleSet == folder))
        {
            return await ResolveAsync(id, municipalityCode, legalDate, cancellationToken);
        }

        var (municipality, error) = Rules.FindMunicipality(municipalityCode);
        if (municipality is null)
        {
            return (null, error);
        }

        ProcedureDefinition? national = null;
        var overlays = new List<ProcedureOverlay>();
        foreach (var pin in pins.Where(p => p.RuleSet == folder))
        {
            if (pin.Layer == Layer.National.Name() && _nationalByHash.TryGetValue(pin.Hash, out var definition))
            {
                national = definition;
            }
            else if (pin.Layer != Layer.National.Name() && _overlaysByHash.TryGetValue(pin.Hash, out var overlay))
            {
                overlays.Add(overlay);
            }
            else
            {
                return (null, LawProblems.Missing(pin));
            }
        }

        if (national is null)
        {
            return (null, LawProblems.Missing(pins.First(p => p.RuleSet == folder)));
        }

        // Region before municipality, as at filing.
        overlays.Sort((a, b) => a.Header.Layer.CompareTo(b.Header.Layer));
        var problems = new List<CatalogProblem>();
        var composed = ProcedureLoader.Compose(national, overlays, Rules, problems)
            ?? throw new InvalidOperationException($"Composition of pinned files refused: {string.Join("; ", problems)}");
        composed = composed with { Municipality = municipality };

        var (composedGuards, missingGuard) = Rules.ComposePinned(composed.GuardRuleSet, municipality, legalDate, pins);
        if (missingGuard is not null)
        {
            return (null, LawProblems.Missing(missingGuard));
        }

        var guards = composedGuards is null ? null : await Rules.CompileAsync(composedGuards, cancellationToken);
        return (new EffectiveProcedure(composed, [national.Header, .. overlays.Select(o => o.Header)], guards, municipality, legalDate), null);
    }

    /// <summary>
    /// The newest revision of the procedure or rule file <paramref name="pin"/> names (same id, layer, jurisdiction and
    /// version), or null when this deployment has no such version.
    /// </summary>
    public PinnedVersion? NewestRevisionOf(PinnedVersion pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        var prefix = ProcedureFileReader.Folder + "/";
        if (!pin.RuleSet.StartsWith(prefix, StringComparison.Ordinal))
        {
            return Rules.NewestRevisionOf(pin);
        }

        var id = pin.RuleSet[prefix.Length..];
        var header = pin.Layer == Layer.National.Name()
            ? Versions(id).FirstOrDefault(v => v.Header.Version == pin.Version)?.Header
            : _overlays.FirstOrDefault(o => o.Overlays == id && o.Header.Layer.Name() == pin.Layer && o.Header.Jurisdiction == pin.Jurisdiction
                && o.Header.Version == pin.Version)?.Header;
        return header is null ? null : PinnedVersion.Of(pin.RuleSet, header);
    }

    private ProcedureOverlay? OverlayAt(string id, Layer layer, string jurisdiction, DateOnly date) =>
        _overlays.FirstOrDefault(o => o.Overlays == id && o.Header.Layer == layer && o.Header.Jurisdiction == jurisdiction && o.Header.Validity.Contains(date));
}
