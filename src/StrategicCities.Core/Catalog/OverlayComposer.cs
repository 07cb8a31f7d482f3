namespace StrategicCities.Core.Catalog;

/// <summary>
/// The overlay semantics of DESIGN.md §3, in one place: <c>disable</c>, <c>override</c> and
/// <c>add</c> at declared extension points; regions may touch any rule, municipalities only rules
/// marked <c>localVariation: allowed</c>. Every refusal names file, rule and reason.
/// </summary>
public static class OverlayComposer
{
    /// <summary>Composes <paramref name="national"/> with the overlays in force; problems explain each refusal.</summary>
    public static ComposedRuleSet? Compose(
        RuleSetVersion national, OverlayVersion? region, OverlayVersion? municipality, ICollection<CatalogProblem> problems)
    {
        var workflows = national.Workflows.ToDictionary(w => w.Name, w => w.Rules.ToList(), StringComparer.Ordinal);
        var order = national.Workflows.Select(w => w.Name).ToList();
        var disabled = new List<(OverlayVersion, DisabledRule)>();
        var ok = true;
        foreach (var overlay in new[] { region, municipality })
        {
            if (overlay is not null)
            {
                ok &= Apply(national, overlay, workflows, disabled, problems);
            }
        }

        if (!ok)
        {
            return null;
        }

        return new ComposedRuleSet(national, region, municipality,
            [.. order.Select(name => new WorkflowDefinition(name, workflows[name]))], disabled);
    }

    private static bool Apply(
        RuleSetVersion national,
        OverlayVersion overlay,
        Dictionary<string, List<RuleDefinition>> workflows,
        List<(OverlayVersion, DisabledRule)> disabled,
        ICollection<CatalogProblem> problems)
    {
        var file = overlay.Header.File;
        var layer = overlay.Header.Layer;
        var ok = true;
        void Refuse(string? rule, string code, string message)
        {
            problems.Add(new CatalogProblem(file, rule, code, message));
            ok = false;
        }

        (string Workflow, int Index)? Find(string name)
        {
            foreach (var (workflow, rules) in workflows)
            {
                var index = rules.FindIndex(r => r.Name == name);
                if (index >= 0)
                {
                    return (workflow, index);
                }
            }

            return null;
        }

        bool MayTouch(string name, string verb)
        {
            var found = Find(name);
            if (found is null)
            {
                Refuse(name, "overlay.unknown-rule",
                    $"cannot {verb} rule '{name}': {national.Header.Id} version {national.Header.Version} has no such rule");
                return false;
            }

            var existing = workflows[found.Value.Workflow][found.Value.Index];
            if (layer == Layer.Municipality && !existing.LocalVariationAllowed)
            {
                Refuse(name, "overlay.not-permitted",
                    $"a municipality may not {verb} rule '{name}' ({existing.Origin.File}): it is not marked \"localVariation\": \"allowed\" " +
                    "(municipalities may vary only what national or regional law opens to them, D.Lgs. 126/2016 art. 2 c.5)");
                return false;
            }

            return true;
        }

        foreach (var d in overlay.Disable)
        {
            if (MayTouch(d.Rule, "disable"))
            {
                var (workflow, index) = Find(d.Rule)!.Value;
                workflows[workflow].RemoveAt(index);
                disabled.Add((overlay, d));
            }
        }

        foreach (var rule in overlay.Override)
        {
            if (MayTouch(rule.Name, "override"))
            {
                var (workflow, index) = Find(rule.Name)!.Value;
                workflows[workflow][index] = rule with { Workflow = workflow };
            }
        }

        foreach (var rule in overlay.Add)
        {
            var point = national.ExtensionPoints.FirstOrDefault(p => p.Id == rule.Extends);
            if (point is null)
            {
                Refuse(rule.Name, "overlay.unknown-extension-point",
                    $"extension point '{rule.Extends}' is not declared by {national.Header.Id} version {national.Header.Version}" +
                    (national.ExtensionPoints.Count > 0 ? $" (declared: {string.Join(", ", national.ExtensionPoints.Select(p => p.Id))})" : ""));
                continue;
            }

            if (!point.AllowedFor.Contains(layer))
            {
                Refuse(rule.Name, "overlay.extension-point-not-open",
                    $"extension point '{point.Id}' is open to {string.Join(" and ", point.AllowedFor.Select(l => l.Name()))} only, not to a {layer.Name()}");
                continue;
            }

            if (Find(rule.Name) is { } clash)
            {
                Refuse(rule.Name, "rule.duplicate-name",
                    $"rule name '{rule.Name}' is already used in workflow '{clash.Workflow}' ({workflows[clash.Workflow][clash.Index].Origin.File}); rule names are unique in a package");
                continue;
            }

            workflows[point.Workflow].Add(rule with { Workflow = point.Workflow });
        }

        return ok;
    }
}
