namespace StrategicCities.Core.Catalog;

/// <summary>One rule evaluated: whether its expression held.</summary>
public readonly record struct RuleOutcome(RuleDefinition Rule, bool Applies);
