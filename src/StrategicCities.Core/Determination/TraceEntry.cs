using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Determination;

/// <summary>One rule evaluated in a decision: which version, which rule, whether it applied and why (law).</summary>
public sealed record TraceEntry(
    [property: JsonPropertyName("ruleSet")] string RuleSet,
    [property: JsonPropertyName("layer")] string Layer,
    [property: JsonPropertyName("jurisdiction")] string Jurisdiction,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("workflow")] string Workflow,
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("effect")] RuleEffect? Effect,
    [property: JsonPropertyName("legalBasis")] IReadOnlyList<LegalBasis> LegalBasis,
    [property: JsonPropertyName("message")] LocalizedText Message)
{
    /// <summary>Outcome of a rule whose expression held.</summary>
    public const string Applied = "applied";

    /// <summary>Outcome of a rule whose expression did not hold.</summary>
    public const string NotApplicable = "not-applicable";

    // One entry per rule and outcome, shared by every decision that evaluates the rule: an entry is immutable and
    // the same each time, and sharing it lets TraceEntryJsonConverter write it from its cached JSON.
    private static readonly ConditionalWeakTable<RuleDefinition, ConcurrentDictionary<string, TraceEntry>> Shared = new();

    /// <summary>Builds the entry for an evaluated rule.</summary>
    public static TraceEntry From(RuleOutcome outcome) => For(outcome.Rule, outcome.Applies ? Applied : NotApplicable);

    /// <summary>The entry of a rule with an outcome (the same instance every time for the same rule and outcome).</summary>
    public static TraceEntry For(RuleDefinition rule, string outcome)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Shared.GetValue(rule, _ => new ConcurrentDictionary<string, TraceEntry>(StringComparer.Ordinal))
            .GetOrAdd(outcome, static (outcome, rule) => new TraceEntry(rule.Origin.RuleSet, rule.Origin.Layer, rule.Origin.Jurisdiction,
                rule.Origin.Version, rule.Workflow, rule.Name, outcome, rule.Effect, rule.LegalBasis, rule.Messages), rule);
    }
}
