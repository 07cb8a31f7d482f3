using StrategicCities.Core.Catalog;
using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Procedures;

/// <summary>
/// Loads and verifies every procedure definition and overlay under
/// <c>rules/{national,regions/&lt;rr&gt;,municipalities/&lt;istat&gt;}/procedures/</c>. Any problem
/// refuses the whole procedure catalog, as for rule sets; every problem names the file and the
/// element (<c>file:element: message</c>).
/// </summary>
public static class ProcedureLoader
{
    /// <summary>The rule set guards name when a definition does not say otherwise.</summary>
    public const string DefaultGuardRuleSet = "procedure-guards";

    /// <summary>Loads the procedures under <paramref name="sources"/>.</summary>
    /// <param name="sources">The rules and schemas folders.</param>
    /// <param name="rules">The loaded rule catalog: guard rules and the municipality registry are checked against it.</param>
    /// <param name="cancellationToken">Cancels the file reads.</param>
    public static async Task<ProcedureLoadResult> LoadAsync(CatalogSources sources, RuleCatalog rules, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(rules);

        var problems = new List<CatalogProblem>();
        var reader = await ProcedureFileReader.CreateAsync(sources.SchemasDirectory, cancellationToken);
        var national = new List<ProcedureDefinition>();
        var overlays = new List<ProcedureOverlay>();
        foreach (var path in EnumerateFiles(sources.RulesDirectory))
        {
            var relative = Path.GetRelativePath(sources.RulesDirectory, path).Replace('\\', '/');
            var (n, o) = reader.Read(relative, await File.ReadAllBytesAsync(path, cancellationToken), problems);
            if (n is not null)
            {
                national.Add(n);
            }

            if (o is not null)
            {
                overlays.Add(o);
            }
        }

        foreach (var definition in national)
        {
            Check(definition, rules, problems);
        }

        // Every revision was checked as a file above; dates select the newest, pinned cases find theirs by hash.
        var (currentNational, nationalByHash) = Revisions.Split(national, d => d.Header, problems);
        var (currentOverlays, overlaysByHash) = Revisions.Split(overlays, o => o.Header, problems);
        national = currentNational;
        overlays = [.. currentOverlays.OrderBy(o => o.Header.File, StringComparer.Ordinal)];

        var byId = national.GroupBy(d => d.Id).ToDictionary(
            g => g.Key, g => (IReadOnlyList<ProcedureDefinition>)[.. g.OrderBy(d => d.Header.Validity.From)], StringComparer.Ordinal);
        foreach (var versions in byId.Values)
        {
            CatalogLoader.CheckSeries([.. versions.Select(v => v.Header)], requireContiguous: true, problems);
        }

        foreach (var overlay in overlays)
        {
            CheckOverlay(overlay, byId, rules, problems);
        }

        foreach (var series in overlays.GroupBy(o => (o.Overlays, o.Header.Layer, o.Header.Jurisdiction)))
        {
            CatalogLoader.CheckSeries([.. series.Select(o => o.Header).OrderBy(h => h.Validity.From)], requireContiguous: false, problems);
        }

        return problems.Count > 0
            ? new ProcedureLoadResult(null, [.. problems.Distinct()])
            : new ProcedureLoadResult(new ProcedureCatalog(rules, byId, overlays, nationalByHash, overlaysByHash), []);
    }

    /// <summary>Every .json under a <c>procedures/</c> folder of a layer.</summary>
    public static IEnumerable<string> EnumerateFiles(string rulesDirectory)
    {
        IEnumerable<string> Under(string top, int depth)
        {
            var dir = Path.Combine(rulesDirectory, top);
            if (!Directory.Exists(dir))
            {
                return [];
            }

            // national/procedures; regions/<rr>/procedures; municipalities/<istat>/procedures
            var roots = depth == 0 ? [dir] : Directory.EnumerateDirectories(dir);
            return roots.Select(r => Path.Combine(r, ProcedureFileReader.Folder))
                .Where(Directory.Exists)
                .SelectMany(p => Directory.EnumerateFiles(p, "*.json", SearchOption.AllDirectories));
        }

        return Under("national", 0).Concat(Under("regions", 1)).Concat(Under("municipalities", 1)).Order(StringComparer.Ordinal);
    }

    /// <summary>The consistency checks of one national definition.</summary>
    internal static void Check(ProcedureDefinition definition, RuleCatalog rules, List<CatalogProblem> problems)
    {
        var file = definition.Header.File;
        void Problem(string element, string code, string message) => problems.Add(new(file, element, code, message));

        Duplicates(definition.States.Select(s => s.Id), "state", file, problems);
        Duplicates(definition.Triggers.Select(t => t.Id).Concat(definition.Events.Select(e => e.Id)), "trigger", file, problems);
        Duplicates(definition.Terms.Select(t => t.Id), "term", file, problems);
        Duplicates(definition.ExtensionPoints.Select(p => p.Id), "extension-point", file, problems);

        var states = definition.States.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var triggers = definition.Triggers.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var events = triggers.Concat(definition.Events.Select(e => e.Id)).ToHashSet(StringComparer.Ordinal);
        if (!states.Contains(definition.Initial))
        {
            Problem("initial", "state.undeclared", $"the initial state '{definition.Initial}' is not declared in \"states\"");
        }

        foreach (var trigger in definition.Triggers)
        {
            CheckRoles(trigger, file, problems);
        }

        CheckTransitions(definition.Transitions, states, triggers, definition, rules, problems);
        CheckInstruments(definition.Header, definition.Transitions.SelectMany(t => t.LegalBasis)
            .Concat(definition.Terms.SelectMany(t => t.LegalBasis))
            .Concat(definition.Terms.SelectMany(t => t.Doubling?.LegalBasis ?? []))
            .Concat(definition.Terms.SelectMany(t => t.Periods.SelectMany(p => p.LegalBasis)))
            .Concat(definition.Terms.SelectMany(t => t.SuspensionCauses.SelectMany(c => c.LegalBasis)))
            .Concat(definition.Terms.SelectMany(t => t.Extensions.SelectMany(e => e.LegalBasis)))
            .Concat(definition.ExtensionPoints.SelectMany(p => p.LegalBasis)), problems);

        foreach (var term in definition.Terms)
        {
            var element = $"term {term.Id}";
            foreach (var (property, name) in term.EventReferences.Where(r => !events.Contains(r.Event)))
            {
                Problem(element, "term.unknown-event",
                    $"{property} names '{name}', which is neither a trigger nor an event of the definition");
            }

            if (new[] { term.Days is not null, term.Years is not null, term.Months is not null, term.Periods.Count > 0 }.Count(given => given) != 1
                || term.Periods.Any(p => (p.Days is null) == (p.Months is null)))
            {
                Problem(element, "term.length", "give exactly one of \"days\", \"months\", \"years\" and \"periods\" (each period with one of \"days\" and \"months\")");
            }

            if (term.When is { } when && when != ProcedureTerm.ZoneA)
            {
                Problem(element, "term.unknown-fact", $"when names '{when}'; the only fact a term may depend on is '{ProcedureTerm.ZoneA}'");
            }

            if (term.StartOnExpiryOf is { } source
                && (source == term.Id || definition.Terms.FirstOrDefault(t => t.Id == source) is not { StartOnExpiryOf: null }))
            {
                Problem(element, "term.unknown-event", $"startOnExpiryOf names '{source}', which is not another term of the definition starting on events");
            }

            if (term.Doubling is { } doubling)
            {
                if (term.Days is not { } days)
                {
                    Problem(element, "term.doubling-invalid", "only a term in \"days\" can be doubled");
                }
                else if (doubling.DoubledDays(days) <= days || doubling.DoubledDays(days) > 2 * days)
                {
                    Problem(element, "term.doubling-invalid",
                        $"doubling.days {doubling.DoubledDays(days)} must be more than the term's {days} days and at most twice as many");
                }

                if (doubling.LegalBasis.Count == 0)
                {
                    Problem(element, "term.doubling-without-legal-basis", "a doubling must cite the law that doubles the term in \"legalBasis\"");
                }

                if (doubling.PopulationAbove is null && doubling.Events.Count == 0)
                {
                    Problem(element, "term.doubling-without-cause", "a doubling needs a cause: \"populationAbove\", \"events\" or both");
                }
            }

            if (term.OnExpiry is { } expiry)
            {
                var trigger = definition.FindTrigger(expiry);
                if (trigger is null)
                {
                    Problem(element, "term.unknown-event", $"onExpiry names '{expiry}', which is not a trigger of the definition");
                }
                else if (!trigger.Roles.Contains(ProcedureRoles.System, StringComparer.Ordinal))
                {
                    Problem(element, "term.expiry-not-automatic", $"onExpiry trigger '{expiry}' must allow role '{ProcedureRoles.System}', which fires it when the term expires");
                }
            }
        }

        foreach (var point in definition.ExtensionPoints.Where(p => !states.Contains(p.State)))
        {
            Problem($"extension-point {point.Id}", "state.undeclared", $"names state '{point.State}', which is not declared in \"states\"");
        }

        foreach (var state in definition.States)
        {
            var leaving = definition.TransitionsFrom(state.Id).Any();
            if (state.Final && leaving)
            {
                Problem($"state {state.Id}", "state.final-with-exits", "a final state cannot have transitions leaving it");
            }
            else if (!state.Final && !leaving)
            {
                Problem($"state {state.Id}", "state.dead-end", "no transition leaves this state: mark it \"final\" or add one");
            }
        }

        // Reachability from the initial state.
        var reached = new HashSet<string>(StringComparer.Ordinal) { definition.Initial };
        var queue = new Queue<string>([definition.Initial]);
        while (queue.Count > 0)
        {
            foreach (var t in definition.TransitionsFrom(queue.Dequeue()))
            {
                if (reached.Add(t.To))
                {
                    queue.Enqueue(t.To);
                }
            }
        }

        foreach (var state in definition.States.Where(s => !reached.Contains(s.Id)))
        {
            Problem($"state {state.Id}", "state.unreachable", $"no sequence of transitions leads from the initial state '{definition.Initial}' to this state");
        }
    }

    private static void CheckTransitions(
        IEnumerable<ProcedureTransition> transitions,
        HashSet<string> states,
        HashSet<string> triggers,
        ProcedureDefinition definition,
        RuleCatalog rules,
        List<CatalogProblem> problems)
    {
        var guardVersions = rules.Versions(definition.GuardRuleSet)
            .Where(v => v.Header.Validity.Overlaps(definition.Header.Validity)).ToList();
        foreach (var t in transitions)
        {
            var element = $"transition {t.From} --{t.Trigger}--> {t.To}";
            void Problem(string code, string message) => problems.Add(new(t.Origin, element, code, message));
            if (!states.Contains(t.From))
            {
                Problem("state.undeclared", $"leaves state '{t.From}', which is not declared in \"states\"");
            }

            if (!states.Contains(t.To))
            {
                Problem("state.undeclared", $"leads to state '{t.To}', which is not declared in \"states\"");
            }

            if (!triggers.Contains(t.Trigger))
            {
                Problem("trigger.undeclared", $"trigger '{t.Trigger}' is not declared in \"triggers\"");
            }

            if (t.Guard is { } guard)
            {
                if (guardVersions.Count == 0)
                {
                    Problem("guard.unknown-rule",
                        $"guard '{guard}': no version of rule set '{definition.GuardRuleSet}' is in force during {definition.Header.Validity}");
                }

                foreach (var version in guardVersions.Where(v => v.FindRule(guard) is null))
                {
                    Problem("guard.unknown-rule", $"guard '{guard}' is not a rule of {version.Header.File}");
                }
            }
        }

        foreach (var clash in transitions.GroupBy(t => (t.From, t.Trigger)).Where(g => g.Count() > 1 && g.Any(t => t.Guard is null)))
        {
            problems.Add(new(clash.First().Origin, $"transition {clash.Key.From} --{clash.Key.Trigger}-->", "transition.ambiguous",
                "the same trigger leaves this state more than once: every such transition needs a guard"));
        }
    }

    private static void CheckRoles(ProcedureTrigger trigger, string file, List<CatalogProblem> problems)
    {
        foreach (var role in trigger.Roles.Where(r => !ProcedureRoles.All.Contains(r, StringComparer.Ordinal)))
        {
            problems.Add(new(file, $"trigger {trigger.Id}", "role.unknown",
                $"role '{role}' is not one of {string.Join(", ", ProcedureRoles.All)}"));
        }
    }

    private static void CheckInstruments(RuleFileHeader header, IEnumerable<LegalBasis> bases, List<CatalogProblem> problems)
    {
        var declared = header.Instruments.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var instrument in bases.Select(b => b.Instrument).Distinct().Where(i => !declared.Contains(i)))
        {
            problems.Add(new(header.File, "instruments", "instrument.unknown",
                $"a legal basis cites instrument '{instrument}', which the file does not declare in \"instruments\""));
        }
    }

    private static void Duplicates(IEnumerable<string> ids, string kind, string file, List<CatalogProblem> problems)
    {
        foreach (var duplicate in ids.GroupBy(i => i).Where(g => g.Count() > 1))
        {
            problems.Add(new(file, $"{kind} {duplicate.Key}", $"{kind}.duplicate", $"{kind} id '{duplicate.Key}' is declared more than once"));
        }
    }

    private static void CheckOverlay(
        ProcedureOverlay overlay, Dictionary<string, IReadOnlyList<ProcedureDefinition>> national, RuleCatalog rules, List<CatalogProblem> problems)
    {
        var header = overlay.Header;
        if (!national.TryGetValue(overlay.Overlays, out var versions))
        {
            problems.Add(new(header.File, null, "overlay.unknown-procedure", $"overlays procedure '{overlay.Overlays}', which has no national version"));
            return;
        }

        if (header.Validity.From < versions[0].Header.Validity.From)
        {
            problems.Add(new(header.File, null, "validity.before-overlaid",
                $"valid from {header.Validity.From:yyyy-MM-dd}, before the first version of '{overlay.Overlays}' ({versions[0].Header.Validity.From:yyyy-MM-dd})"));
        }

        var registry = rules.Municipalities;
        if (header.Layer == Layer.Municipality ? registry.Find(header.Jurisdiction) is null : !registry.HasRegion(header.Jurisdiction))
        {
            problems.Add(new(header.File, null, "overlay.unknown-jurisdiction", $"no {header.Layer.Name()} has ISTAT code {header.Jurisdiction}"));
        }

        CheckInstruments(header, overlay.Steps.SelectMany(s => s.Transitions).SelectMany(t => t.LegalBasis), problems);
        foreach (var version in versions.Where(v => v.Header.Validity.Overlaps(header.Validity)))
        {
            Compose(version, [overlay], rules, problems);
        }
    }

    /// <summary>
    /// Applies overlays (region first, then municipality) to a national definition. Refuses, naming
    /// file and element: an unknown extension point, a point not open to the overlay's layer, an id
    /// that clashes with the national definition, a transition that does not start and end at the
    /// point's state or at a state the step adds, and any check a national definition must pass.
    /// </summary>
    internal static ProcedureDefinition? Compose(
        ProcedureDefinition national, IReadOnlyList<ProcedureOverlay> overlays, RuleCatalog rules, List<CatalogProblem> problems)
    {
        var count = problems.Count;
        var states = national.States.ToList();
        var triggers = national.Triggers.ToList();
        var transitions = national.Transitions.ToList();
        var instruments = new Dictionary<string, IReadOnlyList<Instrument>>(StringComparer.Ordinal);
        foreach (var overlay in overlays)
        {
            var file = overlay.Header.File;
            instruments[file] = overlay.Header.Instruments;
            foreach (var step in overlay.Steps)
            {
                var element = $"add {step.Extends}";
                var point = national.ExtensionPoints.FirstOrDefault(p => p.Id == step.Extends);
                if (point is null)
                {
                    problems.Add(new(file, element, "overlay.unknown-extension-point",
                        $"{national.Header.File} declares no extension point '{step.Extends}' (declared: {string.Join(", ", national.ExtensionPoints.Select(p => p.Id).DefaultIfEmpty("none"))})"));
                    continue;
                }

                if (!point.AllowedFor.Contains(overlay.Header.Layer))
                {
                    problems.Add(new(file, element, "overlay.extension-point-not-allowed",
                        $"extension point '{point.Id}' is open to {string.Join(", ", point.AllowedFor.Select(l => l.Name()))}, not to a {overlay.Header.Layer.Name()}"));
                    continue;
                }

                foreach (var clash in step.States.Where(s => states.Any(x => x.Id == s.Id)))
                {
                    problems.Add(new(file, $"state {clash.Id}", "overlay.id-clash", $"state '{clash.Id}' already exists in the procedure"));
                }

                foreach (var clash in step.Triggers.Where(s => triggers.Any(x => x.Id == s.Id)))
                {
                    problems.Add(new(file, $"trigger {clash.Id}", "overlay.id-clash", $"trigger '{clash.Id}' already exists in the procedure"));
                }

                foreach (var trigger in step.Triggers)
                {
                    CheckRoles(trigger, file, problems);
                }

                var local = step.States.Select(s => s.Id).Append(point.State).ToHashSet(StringComparer.Ordinal);
                var stepTriggers = step.Triggers.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
                foreach (var t in step.Transitions)
                {
                    var where = $"transition {t.From} --{t.Trigger}--> {t.To}";
                    if (!local.Contains(t.From) || !local.Contains(t.To))
                    {
                        problems.Add(new(file, where, "overlay.step-outside-extension-point",
                            $"an added step may only leave and return to state '{point.State}' of extension point '{point.Id}', or move between the states it adds"));
                    }

                    if (!stepTriggers.Contains(t.Trigger))
                    {
                        problems.Add(new(file, where, "overlay.trigger-not-added",
                            $"an added transition must use a trigger the step declares, not '{t.Trigger}'"));
                    }
                }

                states.AddRange(step.States);
                triggers.AddRange(step.Triggers);
                transitions.AddRange(step.Transitions);
            }
        }

        var composed = national with { States = states, Triggers = triggers, Transitions = transitions, InstrumentsByFile = instruments };
        if (problems.Count == count && overlays.Count > 0)
        {
            // The composed machine must still pass every national check (reachability, guards, dead ends).
            // Problems the national definition has on its own are reported for its own file already.
            var baseline = new List<CatalogProblem>();
            Check(national, rules, baseline);
            var more = new List<CatalogProblem>();
            Check(composed, rules, more);
            problems.AddRange(more.Except(baseline)
                .Where(p => p.Code != "instrument.unknown")
                .Select(p => p.File == national.Header.File ? p with { File = overlays[^1].Header.File } : p));
        }

        return problems.Count == count ? composed : null;
    }
}

/// <summary>The procedure catalog, or the reasons it was refused.</summary>
public sealed record ProcedureLoadResult(ProcedureCatalog? Catalog, IReadOnlyList<CatalogProblem> Problems)
{
    /// <summary>Whether the procedures loaded without any problem.</summary>
    public bool Succeeded => Catalog is not null && Problems.Count == 0;

    /// <summary>The catalog, or an exception listing every problem (for hosts that cannot run without it).</summary>
    public ProcedureCatalog GetCatalogOrThrow() => Succeeded
        ? Catalog!
        : throw new InvalidDataException("The procedure catalog was refused:" + Environment.NewLine + string.Join(Environment.NewLine, Problems));
}
