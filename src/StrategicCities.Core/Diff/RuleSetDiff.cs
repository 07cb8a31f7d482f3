using System.Text.Json.Nodes;
using StrategicCities.Core.Catalog;

namespace StrategicCities.Core.Diff;

/// <summary>
/// What changed between two versions of a rule set, or what a municipality's layers change against
/// the national baseline: rules added, removed and changed, each change described.
/// </summary>
public static class RuleSetDiff
{
    /// <summary>Compares two lists of rules by name.</summary>
    public static IReadOnlyList<RuleChange> Compare(IEnumerable<RuleDefinition> from, IEnumerable<RuleDefinition> to)
    {
        var before = from.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var after = to.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var changes = new List<RuleChange>();
        foreach (var rule in after.Values)
        {
            if (!before.TryGetValue(rule.Name, out var old))
            {
                changes.Add(new RuleChange(RuleChange.Added, rule.Workflow, rule.Name, [Describe(rule)], rule.Origin.File));
                continue;
            }

            var details = Differences(old, rule);
            if (details.Count > 0)
            {
                changes.Add(new RuleChange(RuleChange.Changed, rule.Workflow, rule.Name, details, rule.Origin.File));
            }
        }

        changes.AddRange(before.Values.Where(r => !after.ContainsKey(r.Name))
            .Select(r => new RuleChange(RuleChange.Removed, r.Workflow, r.Name, [Describe(r)], r.Origin.File)));
        return [.. changes.OrderBy(c => c.Workflow, StringComparer.Ordinal).ThenBy(c => c.Rule, StringComparer.Ordinal)];
    }

    /// <summary>What the regional and municipal layers change against the national version, including disabled rules with their reasons.</summary>
    public static IReadOnlyList<RuleChange> AgainstNational(ComposedRuleSet composed)
    {
        var changes = Compare(composed.National.AllRules, composed.AllRules).Where(c => c.Change != RuleChange.Removed).ToList();
        foreach (var (overlay, disabled) in composed.Disabled)
        {
            var rule = composed.National.FindRule(disabled.Rule);
            changes.Add(new RuleChange(RuleChange.Removed, rule?.Workflow ?? "?", disabled.Rule,
                [$"disabled: {disabled.Reason.En} ({string.Join(", ", disabled.LegalBasis)})"], overlay.Header.File));
        }

        return [.. changes.OrderBy(c => c.Workflow, StringComparer.Ordinal).ThenBy(c => c.Rule, StringComparer.Ordinal)];
    }

    private static string Describe(RuleDefinition rule) =>
        $"{(rule.Effect is null ? "informative" : rule.Effect.ToString())} when {rule.Expression} [{string.Join(", ", rule.LegalBasis)}]";

    internal static List<string> Differences(RuleDefinition old, RuleDefinition now)
    {
        var details = new List<string>();
        if (old.Workflow != now.Workflow)
        {
            details.Add($"workflow {old.Workflow} → {now.Workflow}");
        }

        if (old.Expression != now.Expression)
        {
            details.Add($"expression «{old.Expression}» → «{now.Expression}»");
        }

        if (!Equals(old.Effect, now.Effect))
        {
            details.Add($"effect {old.Effect?.ToString() ?? "none"} → {now.Effect?.ToString() ?? "none"}");
        }

        if (!old.LegalBasis.SequenceEqual(now.LegalBasis))
        {
            details.Add($"legal basis [{string.Join(", ", old.LegalBasis)}] → [{string.Join(", ", now.LegalBasis)}]");
        }

        if (old.Messages != now.Messages)
        {
            details.Add("messages reworded");
        }

        if (old.Severity != now.Severity || old.LocalVariationAllowed != now.LocalVariationAllowed)
        {
            details.Add($"severity/localVariation {old.Severity}/{Local(old)} → {now.Severity}/{Local(now)}");
        }

        if (details.Count == 0 && !JsonNode.DeepEquals(JsonNode.Parse(old.Json), JsonNode.Parse(now.Json)))
        {
            details.Add("other properties changed");
        }

        return details;
    }

    private static string Local(RuleDefinition rule) => rule.LocalVariationAllowed ? "allowed" : "forbidden";
}
