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

    /// <summary>Builds the entry for an evaluated rule.</summary>
    public static TraceEntry From(RuleOutcome outcome)
    {
        var rule = outcome.Rule;
        return new TraceEntry(rule.Origin.RuleSet, rule.Origin.Layer, rule.Origin.Jurisdiction, rule.Origin.Version, rule.Workflow,
            rule.Name, outcome.Applies ? Applied : NotApplicable, rule.Effect, rule.LegalBasis, rule.Messages);
    }
}
