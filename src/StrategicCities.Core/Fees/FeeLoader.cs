using StrategicCities.Core.Catalog;

namespace StrategicCities.Core.Fees;

/// <summary>
/// Loads and verifies every fee file under <c>rules/{national,regions/&lt;rr&gt;,municipalities/&lt;istat&gt;}/fees/</c>:
/// each file alone (<see cref="FeeFileReader"/>), the validity series, and every overlay against each national
/// version it meets — a region or municipality may set only the values the national structure opens to its layer
/// (<c>setBy</c>), within the bounds the law fixes. Any problem refuses the fees, as for rule sets.
/// </summary>
public static class FeeLoader
{
    /// <summary>Loads the fees under <paramref name="sources"/>, checking jurisdictions against the registry of <paramref name="rules"/>.</summary>
    public static async Task<FeeLoadResult> LoadAsync(CatalogSources sources, RuleCatalog rules, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(rules);
        var problems = new List<CatalogProblem>();
        var read = new List<FeeVersion>();
        foreach (var path in EnumerateFiles(sources.RulesDirectory))
        {
            var relative = Path.GetRelativePath(sources.RulesDirectory, path).Replace('\\', '/');
            if (FeeFileReader.Read(relative, await File.ReadAllBytesAsync(path, cancellationToken), problems) is { } version)
            {
                read.Add(version);
            }
        }

        var (current, byHash) = Revisions.Split(read, v => v.Header, problems);
        var national = current.Where(v => v.IsNational).OrderBy(v => v.Header.Validity.From).ToList();
        var overlays = current.Where(v => !v.IsNational).OrderBy(v => v.Header.File, StringComparer.Ordinal).ToList();
        CatalogLoader.CheckSeries([.. national.Select(v => v.Header)], requireContiguous: true, problems);
        foreach (var series in overlays.GroupBy(o => (o.Header.Layer, o.Header.Jurisdiction)))
        {
            CatalogLoader.CheckSeries([.. series.Select(o => o.Header).OrderBy(h => h.Validity.From)], requireContiguous: false, problems);
        }

        foreach (var version in national)
        {
            CheckTariffs(version, version, problems);
        }

        // Older revisions are checked as files by the reader; an overlay is checked against every national version it meets.
        foreach (var overlay in read.Where(v => !v.IsNational))
        {
            CheckOverlay(overlay, national, rules.Municipalities, problems);
        }

        return problems.Count > 0
            ? new FeeLoadResult(null, [.. problems.Distinct()])
            : new FeeLoadResult(new FeeCatalog(national, overlays, byHash), []);
    }

    /// <summary>Every .json under a <c>fees/</c> folder of a layer.</summary>
    public static IEnumerable<string> EnumerateFiles(string rulesDirectory)
    {
        IEnumerable<string> Under(string top, int depth)
        {
            var dir = Path.Combine(rulesDirectory, top);
            if (!Directory.Exists(dir))
            {
                return [];
            }

            var roots = depth == 0 ? [dir] : Directory.EnumerateDirectories(dir);
            return roots.Select(r => Path.Combine(r, FeeFileReader.Folder))
                .Where(Directory.Exists)
                .SelectMany(p => Directory.EnumerateFiles(p, "*.json", SearchOption.AllDirectories));
        }

        return Under("national", 0).Concat(Under("regions", 1)).Concat(Under("municipalities", 1)).Order(StringComparer.Ordinal);
    }

    private static void CheckOverlay(FeeVersion overlay, List<FeeVersion> national, MunicipalityRegistry registry, List<CatalogProblem> problems)
    {
        var header = overlay.Header;
        if (header.Layer == Layer.Municipality ? registry.Find(header.Jurisdiction) is null : !registry.HasRegion(header.Jurisdiction))
        {
            problems.Add(new(header.File, null, "overlay.unknown-jurisdiction", $"no {header.Layer.Name()} has ISTAT code {header.Jurisdiction}"));
        }

        if (national.Count > 0 && header.Validity.From < national[0].Header.Validity.From)
        {
            problems.Add(new(header.File, null, "validity.before-overlaid",
                $"valid from {header.Validity.From:yyyy-MM-dd}, before the first national fee structure ({national[0].Header.Validity.From:yyyy-MM-dd})"));
        }

        foreach (var version in national.Where(v => v.Header.Validity.Overlaps(header.Validity)))
        {
            CheckTariffs(version, overlay, problems);
            CheckReductions(version, overlay, problems);
            if (overlay.Model.Instalments is { } plan)
            {
                foreach (var charge in plan.Charges.Where(c => version.Model.Charges!.All(x => x.Id != c)))
                {
                    problems.Add(new(header.File, "instalments", "fees.unknown-charge", $"names charge '{charge}', which {version.Header.File} does not declare"));
                }
            }
        }
    }

    private static void CheckTariffs(FeeVersion national, FeeVersion file, List<CatalogProblem> problems)
    {
        var layer = file.Header.Layer;
        foreach (var tariff in file.Model.Tariffs ?? [])
        {
            var element = FeeTariff.Describe(tariff);
            void Problem(string code, string message) => problems.Add(new(file.Header.File, element, code, message));
            var charge = national.Model.Charges!.FirstOrDefault(c => c.Id == tariff.Charge);
            if (charge is null)
            {
                Problem("fees.unknown-charge", $"{national.Header.File} declares no charge '{tariff.Charge}'");
                continue;
            }

            if (layer != Layer.National && !charge.SetBy.Contains(layer.Name()))
            {
                Problem("fees.overlay-not-allowed",
                    $"charge '{charge.Id}' is set by {(charge.SetBy.Count == 0 ? "the State alone" : string.Join(" and ", charge.SetBy))} ({Citations(charge.LegalBasis)}), not by a {layer.Name()}");
                continue;
            }

            if (!FeeTariff.ParameterFits(charge.Kind, tariff.Parameter))
            {
                Problem("fees.tariff-value", charge.Kind == "construction-cost"
                    ? $"a construction-cost tariff gives \"parameter\": \"{FeeVocabulary.BaseCost}\" (a rate per m2) or \"{FeeVocabulary.Share}\" (a percent)"
                    : $"a {charge.Kind} tariff takes no \"parameter\"");
                continue;
            }

            var expected = charge.Kind switch
            {
                "per-quantity" => tariff.Rate is not null,
                "fixed" => tariff.Amount is not null,
                _ => tariff.Parameter == FeeVocabulary.BaseCost ? tariff.Rate is not null && tariff.Unit == "m2" : tariff.Percent is not null,
            };
            if (!expected)
            {
                Problem("fees.tariff-value", charge.Kind switch
                {
                    "per-quantity" => "a per-quantity charge takes a \"rate\" with a \"unit\"",
                    "fixed" => "a fixed charge takes an \"amount\"",
                    _ => tariff.Parameter == FeeVocabulary.BaseCost ? "the base cost is a \"rate\" per \"m2\"" : "the share is a \"percent\"",
                });
            }

            if (tariff.Parameter == FeeVocabulary.Share && tariff.Percent is { } percent)
            {
                var bounds = national.Model.CostShareBounds!.FirstOrDefault(b => tariff.Use is not null && b.Uses.Contains(tariff.Use));
                if (bounds is null)
                {
                    Problem("fees.share-without-use", "a share names the use it applies to; the national bounds are given per use");
                }
                else if (layer != Layer.National && !bounds.SetBy.Contains(layer.Name()))
                {
                    Problem("fees.overlay-not-allowed", $"the share for use '{tariff.Use}' is set by {string.Join(" and ", bounds.SetBy)} ({Citations(bounds.LegalBasis)}), not by a {layer.Name()}");
                }
                else if (percent < bounds.Min || percent > bounds.Max)
                {
                    Problem("fees.share-out-of-bounds", $"share {percent}% lies outside {bounds.Min}%–{bounds.Max}% ({Citations(bounds.LegalBasis)})");
                }
            }
        }
    }

    private static void CheckReductions(FeeVersion national, FeeVersion overlay, List<CatalogProblem> problems)
    {
        var layer = overlay.Header.Layer.Name();
        foreach (var reduction in overlay.Model.Reductions ?? [])
        {
            var element = $"reduction {reduction.Id}";
            var declared = national.Model.Reductions?.FirstOrDefault(r => r.Id == reduction.Id);
            if (declared is not null)
            {
                if (declared.SetBy is not { } setBy || !setBy.Contains(layer))
                {
                    problems.Add(new(overlay.Header.File, element, "fees.overlay-not-allowed", $"reduction '{reduction.Id}' is fixed by the law ({Citations(declared.LegalBasis)}); a {layer} may not change it"));
                }
                else if (declared.MinPercent is { } min && reduction.Percent < min)
                {
                    problems.Add(new(overlay.Header.File, element, "fees.reduction-below-minimum", $"percent {reduction.Percent} is below the minimum {min} of {Citations(declared.LegalBasis)}"));
                }

                continue;
            }

            if (national.Model.LocalReductionsAllowedFor is not { } allowed || !allowed.Contains(layer))
            {
                problems.Add(new(overlay.Header.File, element, "fees.overlay-not-allowed", $"{national.Header.File} lets no {layer} add reductions of its own"));
            }

            foreach (var charge in (reduction.Charges ?? []).Where(c => national.Model.Charges!.All(x => x.Id != c)))
            {
                problems.Add(new(overlay.Header.File, element, "fees.unknown-charge", $"names charge '{charge}', which {national.Header.File} does not declare"));
            }

            if (reduction.Charges is not { Count: > 0 })
            {
                problems.Add(new(overlay.Header.File, element, "fees.reduction-without-charges", "a local reduction names the charges it reduces"));
            }
        }
    }

    private static string Citations(IEnumerable<Legal.LegalBasis> bases) => string.Join("; ", bases);
}

/// <summary>The fee catalog, or every reason it was refused.</summary>
/// <param name="Catalog">The verified fees, or null.</param>
/// <param name="Problems">Every problem found.</param>
public sealed record FeeLoadResult(FeeCatalog? Catalog, IReadOnlyList<CatalogProblem> Problems)
{
    /// <summary>Whether the fees loaded without any problem.</summary>
    public bool Succeeded => Catalog is not null && Problems.Count == 0;
}
