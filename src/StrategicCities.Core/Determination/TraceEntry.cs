using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.LawLinks;
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

    // One entry per rule, outcome and legal date, shared by every decision that evaluates the rule on that date: an
    // entry is immutable and the same each time, and sharing it lets TraceEntryJsonConverter write it from its cached
    // JSON. The date is part of the entry because its citations link the text in force on it (CitationLinks); the
    // entries kept are bounded by the rules and the legal dates asked about.
    private static readonly ConditionalWeakTable<RuleDefinition, ConcurrentDictionary<(string, DateOnly), TraceEntry>> Shared = new();

    /// <summary>Builds the entry for an evaluated rule, its citations linked for <paramref name="legalDate"/>.</summary>
    public static TraceEntry From(RuleOutcome outcome, DateOnly legalDate) =>
        For(outcome.Rule, outcome.Applies ? Applied : NotApplicable, legalDate);

    /// <summary>The entry of a rule with an outcome on a legal date (the same instance every time for the same three).</summary>
    public static TraceEntry For(RuleDefinition rule, string outcome, DateOnly legalDate)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Shared.GetValue(rule, _ => new ConcurrentDictionary<(string, DateOnly), TraceEntry>())
            .GetOrAdd((outcome, legalDate), static (key, rule) => new TraceEntry(rule.Origin.RuleSet, rule.Origin.Layer, rule.Origin.Jurisdiction,
                rule.Origin.Version, rule.Workflow, rule.Name, key.Item1, rule.Effect,
                CitationLinks.Linked(rule.LegalBasis, rule.Instruments, key.Item2), rule.Messages), rule);
    }
}
