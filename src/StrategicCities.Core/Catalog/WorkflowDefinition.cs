namespace StrategicCities.Core.Catalog;

/// <summary>A named, ordered list of rules (a RulesEngine workflow).</summary>
public sealed record WorkflowDefinition(string Name, IReadOnlyList<RuleDefinition> Rules);
