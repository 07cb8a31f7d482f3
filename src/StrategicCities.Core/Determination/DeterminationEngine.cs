using StrategicCities.Core.Catalog;
using StrategicCities.Core.LawLinks;
using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Determination;

/// <summary>
/// Runs the <c>determination</c> rule set: workflow <c>regime</c> (the most demanding regime of the
/// rules that apply), then <c>acts</c> and <c>attachments</c>, which see the regime.
/// </summary>
public sealed class DeterminationEngine(RuleCatalog catalog, InterventionReader reader)
{
    /// <summary>Id of the rule set.</summary>
    public const string RuleSetId = "determination";

    /// <summary>The catalog used.</summary>
    public RuleCatalog Catalog => catalog;

    /// <summary>
    /// Determines an intervention given as JSON text; input mistakes come back as errors. Only the determination rule
    /// set is composed and compiled (cached by its file versions): a determination never pays for the forms' rules.
    /// </summary>
    /// <exception cref="RuleEvaluationException">A rule is faulty (never a client mistake).</exception>
    public async Task<(DeterminationResult? Result, IReadOnlyList<InputError> Errors)> DetermineAsync(
        string municipality, DateOnly legalDate, string interventionJson, CancellationToken cancellationToken = default)
    {
        var (facts, errors) = reader.Read(interventionJson);
        var (found, error) = catalog.FindMunicipality(municipality);
        if (found is null)
        {
            return (null, [error!, .. errors]);
        }

        if (catalog.Compose(RuleSetId, found, legalDate) is not { } composed)
        {
            return (null, [catalog.NoVersionError(null, legalDate), .. errors]);
        }

        if (facts is null)
        {
            return (null, errors);
        }

        var ruleSet = await catalog.CompileAsync(composed, cancellationToken);
        return (await DetermineAsync(found, legalDate, ruleSet, facts, cancellationToken), []);
    }

    /// <summary>Determines an intervention on a resolved package.</summary>
    /// <exception cref="RuleEvaluationException">A rule is faulty.</exception>
    public async Task<(DeterminationResult? Result, IReadOnlyList<InputError> Errors)> DetermineAsync(
        EffectivePackage package, InterventionFacts facts, CancellationToken cancellationToken = default)
    {
        var ruleSet = package.Find(RuleSetId);
        if (ruleSet is null)
        {
            return (null, [catalog.NoVersionError(RuleSetId, package.LegalDate)]);
        }

        return (await DetermineAsync(package.Municipality, package.LegalDate, ruleSet, facts, cancellationToken), []);
    }

    private static async Task<DeterminationResult> DetermineAsync(
        Municipality municipality, DateOnly legalDate, EffectiveRuleSet ruleSet, InterventionFacts facts, CancellationToken cancellationToken)
    {
        var regimeOutcomes = await ruleSet.EvaluateAsync("regime", [facts, ""], cancellationToken);
        var (regime, alternatives) = Conclude(ruleSet, facts, regimeOutcomes);
        var acts = await ruleSet.EvaluateAsync("acts", [facts, regime], cancellationToken);
        var attachments = await ruleSet.EvaluateAsync("attachments", [facts, regime], cancellationToken);
        var trace = new List<TraceEntry>(regimeOutcomes.Count + acts.Count + attachments.Count);
        trace.AddRange(regimeOutcomes.Select(o => TraceEntry.From(o, legalDate)));
        trace.AddRange(acts.Select(o => TraceEntry.From(o, legalDate)));
        trace.AddRange(attachments.Select(o => TraceEntry.From(o, legalDate)));
        return new DeterminationResult
        {
            Municipality = municipality,
            LegalDate = legalDate,
            Regime = regime,
            Alternatives = alternatives,
            AdditionalActs = Collect(acts, "act", legalDate),
            Attachments = Collect(attachments, "attachment", legalDate),
            RuleSets = [.. ruleSet.Composed.Layers.Select(l => PinnedVersion.Of(ruleSet.Id, l))],
            Trace = trace,
        };
    }

    /// <summary>
    /// The regime of workflow <c>regime</c>'s outcomes (the most demanding of the rules that apply) and the alternatives
    /// the applicant may choose; shared with the form check (Forms/FormFit) so both conclude alike.
    /// </summary>
    /// <exception cref="RuleEvaluationException">No regime rule applied: the rule set has a gap.</exception>
    internal static (string Regime, List<string> Alternatives) Conclude(
        EffectiveRuleSet ruleSet, InterventionFacts facts, IReadOnlyList<RuleOutcome> regimeOutcomes)
    {
        string? regime = null;
        foreach (var outcome in regimeOutcomes)
        {
            if (outcome.Applies && outcome.Rule.Effect is { Kind: "regime" } effect
                && (regime is null || Regimes.Rank(effect.Value) > Regimes.Rank(regime)))
            {
                regime = effect.Value;
            }
        }

        if (regime is null)
        {
            // The rule set must always conclude (art. 6-bis makes CILA the residual regime): a gap is a fault.
            throw new RuleEvaluationException(
                $"No regime rule of {ruleSet.Composed.Key} applied to category '{facts.Category}': the rule set has a gap.");
        }

        var alternatives = regimeOutcomes
            .Where(o => o.Applies && o.Rule.Effect is { Kind: "alternative" } e && e.Value != regime)
            .Select(o => o.Rule.Effect!.Value).Distinct().ToList();
        return (regime, alternatives);
    }

    private static List<Requirement> Collect(IReadOnlyList<RuleOutcome> outcomes, string kind, DateOnly legalDate)
    {
        var result = new List<Requirement>();
        foreach (var group in outcomes.Where(o => o.Applies && o.Rule.Effect?.Kind == kind).GroupBy(o => o.Rule.Effect!.Value))
        {
            var rules = group.Select(o => o.Rule).ToList();
            result.Add(new Requirement(group.Key, [.. rules.Select(r => r.Name)],
                [.. rules.SelectMany(r => CitationLinks.Linked(r.LegalBasis, r.Instruments, legalDate)).Distinct()], rules[0].Messages));
        }

        return result;
    }
}
