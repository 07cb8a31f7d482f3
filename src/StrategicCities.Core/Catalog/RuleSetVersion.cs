namespace StrategicCities.Core.Catalog;

/// <summary>One version of a national rule set.</summary>
public sealed record RuleSetVersion(
    RuleFileHeader Header,
    IReadOnlyList<ExtensionPoint> ExtensionPoints,
    IReadOnlyList<WorkflowDefinition> Workflows)
{
    /// <summary>Every rule of every workflow.</summary>
    public IEnumerable<RuleDefinition> AllRules => Workflows.SelectMany(w => w.Rules);

    /// <summary>The rule with that name, if any.</summary>
    public RuleDefinition? FindRule(string name) => AllRules.FirstOrDefault(r => r.Name == name);
}
