using RulesEngine.ExpressionBuilders;

namespace StrategicCities.Core.Catalog;

/// <summary>
/// Loads and verifies every rule file under rules/: syntax and meta-schema, paths, validity series,
/// instruments, expressions (compiled once), and every overlay composed with every national and
/// regional version it meets. Any problem refuses the whole catalog: a service must not run on
/// half-checked law.
/// </summary>
public static class CatalogLoader
{
    /// <summary>Loads the catalog from <paramref name="sources"/>.</summary>
    public static async Task<CatalogLoadResult> LoadAsync(CatalogSources sources, CancellationToken cancellationToken = default)
    {
        var problems = new List<CatalogProblem>();

        // Cold start is dominated by JIT: the registry, the meta-schemas (NJsonSchema) and the
        // expression parser (Dynamic LINQ) warm up on separate threads.
        var registryTask = Task.Run(() => ReadRegistryAsync(sources.RulesDirectory, cancellationToken), cancellationToken);
        var parserWarmUp = Task.Run(WarmUpExpressionParser, cancellationToken);
        var reader = await RuleFileReader.CreateAsync(sources.SchemasDirectory, cancellationToken);
        var files = EnumerateRuleFiles(sources.RulesDirectory)
            .Select(path => (Path: path, Relative: Path.GetRelativePath(sources.RulesDirectory, path).Replace('\\', '/')))
            .ToList();
        var read = new (RuleSetVersion? National, OverlayVersion? Overlay, List<CatalogProblem> Problems)[files.Count];
        await Parallel.ForAsync(0, files.Count, cancellationToken, async (i, ct) =>
        {
            var fileProblems = new List<CatalogProblem>();
            var bytes = await File.ReadAllBytesAsync(files[i].Path, ct);
            var (n, o) = reader.Read(files[i].Relative, bytes, fileProblems);
            read[i] = (n, o, fileProblems);
        });
        var (registry, registryProblems) = await registryTask;
        problems.AddRange(registryProblems);
        problems.AddRange(read.SelectMany(r => r.Problems));
        var allNational = read.Where(r => r.National is not null).Select(r => r.National!).ToList();
        var allOverlays = read.Where(r => r.Overlay is not null).Select(r => r.Overlay!).ToList();
        var (national, nationalByHash) = Revisions.Split(allNational, v => v.Header, problems);
        var (overlays, overlaysByHash) = Revisions.Split(allOverlays, o => o.Header, problems);
        overlays.Sort((a, b) => StringComparer.Ordinal.Compare(a.Header.File, b.Header.File));
        await parserWarmUp;
        var expressions = new List<(RuleFileHeader Header, RuleDefinition Rule)>();

        // Every revision is checked as its own file (a pinned case may still run an older one); series and
        // compositions are checked on the newest revisions, which are what dates select.
        foreach (var version in allNational.Except(national))
        {
            CheckFile(version.Header, version.AllRules, expressions, problems);
        }

        foreach (var overlay in allOverlays.Except(overlays))
        {
            CheckFile(overlay.Header, overlay.Add.Concat(overlay.Override), expressions, problems);
        }

        foreach (var version in national)
        {
            CheckFile(version.Header, version.AllRules, expressions, problems);
            CheckNationalRules(version, problems);
        }

        var byId = national.GroupBy(v => v.Header.Id)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<RuleSetVersion>)[.. g.OrderBy(v => v.Header.Validity.From)], StringComparer.Ordinal);
        foreach (var (id, versions) in byId)
        {
            CheckSeries(versions.Select(v => v.Header).ToList(), requireContiguous: true, problems);
            if (RuleSignature.For(id) is null)
            {
                problems.Add(new(versions[0].Header.File, null, "ruleset.unknown-kind",
                    $"the service does not know how to run rule set '{id}' (no rule signature registered)"));
            }
        }

        foreach (var overlay in overlays)
        {
            CheckFile(overlay.Header, overlay.Add.Concat(overlay.Override), expressions, problems);
            CheckOverlay(overlay, byId, registry, problems);
        }

        CheckExpressions(expressions, problems);
        foreach (var series in overlays.GroupBy(o => (o.Overlays, o.Header.Layer, o.Header.Jurisdiction)))
        {
            CheckSeries([.. series.Select(o => o.Header).OrderBy(h => h.Validity.From)], requireContiguous: false, problems);
        }

        if (problems.Count == 0 && registry is not null)
        {
            CheckCompositions(byId, overlays, registry, problems);
        }

        if (problems.Count > 0 || registry is null)
        {
            return new CatalogLoadResult(null, Deduplicate(problems));
        }

        return new CatalogLoadResult(new RuleCatalog(registry, byId, overlays, nationalByHash, overlaysByHash, sources.RulesDirectory), []);
    }

    /// <summary>Rule files: every .json under national/, regions/ and municipalities/ except other kinds (procedures).</summary>
    internal static IEnumerable<string> EnumerateRuleFiles(string rulesDirectory)
    {
        foreach (var top in new[] { "national", "regions", "municipalities" })
        {
            var dir = Path.Combine(rulesDirectory, top);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(dir, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(rulesDirectory, file).Replace('\\', '/');
                var location = RuleFileLocation.Parse(relative);
                if (location is not null && RuleFileLocation.IsOtherKind(location.RuleSet))
                {
                    continue;
                }

                yield return file;
            }
        }
    }

    private static void WarmUpExpressionParser()
    {
        var signature = RuleSignature.Determination;
        new RuleExpressionParser(EffectiveRuleSet.CreateSettings(signature))
            .Parse("intervention.Category == \"x\" && Regimes.AtLeast(regime, \"scia\")", signature.ParameterExpressions(), typeof(bool));
    }

    private static async Task<(MunicipalityRegistry? Registry, List<CatalogProblem> Problems)> ReadRegistryAsync(
        string rulesDirectory, CancellationToken cancellationToken)
    {
        var problems = new List<CatalogProblem>();
        var path = Path.Combine(rulesDirectory, "registry", "municipalities.csv");
        if (!File.Exists(path))
        {
            problems.Add(new("registry/municipalities.csv", null, "registry.missing", "the ISTAT municipality registry is missing"));
            return (null, problems);
        }

        try
        {
            using var reader = new StreamReader(path);
            var text = await reader.ReadToEndAsync(cancellationToken);
            return (MunicipalityRegistry.ReadCsv(new StringReader(text)), problems);
        }
        catch (InvalidDataException ex)
        {
            problems.Add(new("registry/municipalities.csv", null, "registry.invalid", ex.Message));
            return (null, problems);
        }
    }

    private static void CheckFile(
        RuleFileHeader header, IEnumerable<RuleDefinition> rules, List<(RuleFileHeader, RuleDefinition)> expressions, List<CatalogProblem> problems)
    {
        var ruleList = rules.ToList();
        var declared = header.Instruments.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var rule in ruleList)
        {
            foreach (var basis in rule.LegalBasis.Where(b => !declared.Contains(b.Instrument)))
            {
                problems.Add(new(header.File, rule.Name, "instrument.unknown",
                    $"legal basis cites instrument '{basis.Instrument}', which the file does not declare in \"instruments\""));
            }

            if (rule.Effect is { } effect && !RuleEffect.Kinds.Contains(effect.Kind))
            {
                problems.Add(new(header.File, rule.Name, "effect.invalid", $"unknown effect '{effect.Kind}'"));
            }
        }

        foreach (var duplicate in ruleList.GroupBy(r => r.Name).Where(g => g.Count() > 1))
        {
            problems.Add(new(header.File, duplicate.Key, "rule.duplicate-name", $"rule name '{duplicate.Key}' is used more than once in the file"));
        }

        expressions.AddRange(ruleList.Select(rule => (header, rule)));
    }

    /// <summary>
    /// Compiles every expression once: versions repeat most of them, so each distinct (signature, text)
    /// is parsed once, in parallel, and a failure is reported on every rule that uses it.
    /// </summary>
    private static void CheckExpressions(List<(RuleFileHeader Header, RuleDefinition Rule)> expressions, List<CatalogProblem> problems)
    {
        var distinct = expressions
            .Select(e => (Signature: RuleSignature.For(e.Header.Id), e.Rule.Expression))
            .Where(e => e.Signature is not null)
            .Distinct()
            .ToList();
        var failures = new System.Collections.Concurrent.ConcurrentDictionary<(RuleSignature, string), string>();
        Parallel.ForEach(
            distinct.GroupBy(e => e.Signature!),
            group =>
            {
                var parser = new RuleExpressionParser(EffectiveRuleSet.CreateSettings(group.Key));
                var parameters = group.Key.ParameterExpressions();
                foreach (var (_, expression) in group)
                {
                    try
                    {
                        parser.Parse(expression, parameters, typeof(bool));
                    }
#pragma warning disable CA1031 // Any parser failure is a problem of the rule file, reported to its author.
                    catch (Exception ex)
#pragma warning restore CA1031
                    {
                        failures[(group.Key, expression)] = ex.Message;
                    }
                }
            });
        foreach (var (header, rule) in expressions)
        {
            if (RuleSignature.For(header.Id) is { } signature && failures.TryGetValue((signature, rule.Expression), out var message))
            {
                problems.Add(new(header.File, rule.Name, "expression.invalid", $"expression does not compile: {message}"));
            }
        }
    }

    private static void CheckNationalRules(RuleSetVersion version, List<CatalogProblem> problems)
    {
        foreach (var rule in version.AllRules.Where(r => r.Extends is not null))
        {
            problems.Add(new(version.Header.File, rule.Name, "rule.extends-in-national",
                "only overlay rules plug into extension points; remove Properties.extends"));
        }
    }

    /// <summary>Versions of one series (sorted by validFrom) must not overlap; national ones must not leave gaps either.</summary>
    internal static void CheckSeries(List<RuleFileHeader> headers, bool requireContiguous, List<CatalogProblem> problems)
    {
        for (var i = 1; i < headers.Count; i++)
        {
            var previous = headers[i - 1];
            var current = headers[i];
            if (previous.Validity.Overlaps(current.Validity))
            {
                problems.Add(new(current.File, null, "validity.overlap",
                    $"validity {current.Validity} overlaps {previous.File} {previous.Validity}: one date must select one version"));
            }
            else if (requireContiguous && previous.Validity.To != current.Validity.From)
            {
                problems.Add(new(current.File, null, "validity.gap",
                    $"gap between {previous.File} (valid to {previous.Validity.To:yyyy-MM-dd}) and this version (valid from {current.Validity.From:yyyy-MM-dd}): dates in between would have no law"));
            }
        }
    }

    private static void CheckOverlay(
        OverlayVersion overlay,
        Dictionary<string, IReadOnlyList<RuleSetVersion>> national,
        MunicipalityRegistry? registry,
        List<CatalogProblem> problems)
    {
        var header = overlay.Header;
        if (!national.TryGetValue(overlay.Overlays, out var versions))
        {
            problems.Add(new(header.File, null, "overlay.unknown-rule-set", $"overlays rule set '{overlay.Overlays}', which has no national version"));
            return;
        }

        if (header.Validity.From < versions[0].Header.Validity.From)
        {
            problems.Add(new(header.File, null, "validity.before-overlaid",
                $"valid from {header.Validity.From:yyyy-MM-dd}, before the first version of '{overlay.Overlays}' ({versions[0].Header.Validity.From:yyyy-MM-dd})"));
        }

        if (registry is null)
        {
            return;
        }

        if (header.Layer == Layer.Municipality && registry.Find(header.Jurisdiction) is null)
        {
            problems.Add(new(header.File, null, "overlay.unknown-jurisdiction", $"no municipality has ISTAT code {header.Jurisdiction}"));
        }
        else if (header.Layer == Layer.Region && !registry.HasRegion(header.Jurisdiction))
        {
            problems.Add(new(header.File, null, "overlay.unknown-jurisdiction", $"no region has ISTAT code {header.Jurisdiction}"));
        }
    }

    /// <summary>
    /// Composes every combination of versions a date can select, so that an overlay that would be
    /// refused on some date is refused now, at load, and never in front of a user.
    /// </summary>
    private static void CheckCompositions(
        Dictionary<string, IReadOnlyList<RuleSetVersion>> national,
        List<OverlayVersion> overlays,
        MunicipalityRegistry registry,
        List<CatalogProblem> problems)
    {
        foreach (var (id, versions) in national)
        {
            var mine = overlays.Where(o => o.Overlays == id).ToList();
            var dates = versions.Select(v => v.Header.Validity.From)
                .Concat(mine.Select(o => o.Header.Validity.From))
                .Concat(mine.Where(o => o.Header.Validity.To is not null).Select(o => o.Header.Validity.To!.Value))
                .Distinct().ToList();
            var jurisdictions = mine.Select(o => o.Header.Layer == Layer.Municipality
                    ? (Region: registry.Find(o.Header.Jurisdiction)?.Region, Municipality: (string?)o.Header.Jurisdiction)
                    : (Region: (string?)o.Header.Jurisdiction, Municipality: null))
                .Where(j => j.Region is not null)
                .Distinct().ToList();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (region, municipality) in jurisdictions)
            {
                foreach (var date in dates)
                {
                    var n = versions.FirstOrDefault(v => v.Header.Validity.Contains(date));
                    if (n is null)
                    {
                        continue;
                    }

                    var r = mine.FirstOrDefault(o => o.Header.Layer == Layer.Region && o.Header.Jurisdiction == region && o.Header.Validity.Contains(date));
                    var m = municipality is null ? null
                        : mine.FirstOrDefault(o => o.Header.Layer == Layer.Municipality && o.Header.Jurisdiction == municipality && o.Header.Validity.Contains(date));
                    var key = $"{n.Header.File}|{r?.Header.File}|{m?.Header.File}";
                    if (seen.Add(key))
                    {
                        OverlayComposer.Compose(n, r, m, problems);
                    }
                }
            }
        }
    }

    private static List<CatalogProblem> Deduplicate(List<CatalogProblem> problems) => [.. problems.Distinct()];
}
