using System.Collections.Frozen;
using RulesEngine.Models;

namespace StrategicCities.Core.Catalog;

/// <summary>
/// A composed rule set compiled once into a RulesEngine instance. Immutable and thread-safe;
/// shared by every municipality with the same version tuple.
/// </summary>
public sealed class EffectiveRuleSet
{
    private readonly RulesEngine.RulesEngine _engine;
    private readonly FrozenDictionary<string, FrozenDictionary<string, RuleDefinition>> _rulesByWorkflow;
    private readonly RuleSignature _signature;

    internal EffectiveRuleSet(ComposedRuleSet composed, RuleSignature signature)
    {
        Composed = composed;
        _signature = signature;
        _rulesByWorkflow = composed.Workflows.ToFrozenDictionary(
            w => w.Name, w => w.Rules.ToFrozenDictionary(r => r.Name, StringComparer.Ordinal), StringComparer.Ordinal);
        // RulesEngine refuses empty workflows; an overlay may legitimately leave one empty.
        var workflows = composed.Workflows.Where(w => w.Rules.Count > 0).Select(w => new Workflow
        {
            WorkflowName = w.Name,
            Rules = [.. w.Rules.Select(r => new Rule
            {
                RuleName = r.Name,
                Expression = r.Expression,
                RuleExpressionType = RuleExpressionType.LambdaExpression,
            })],
        }).ToArray();
        _engine = new RulesEngine.RulesEngine(workflows, CreateSettings(signature));
    }

    /// <summary>What was composed.</summary>
    public ComposedRuleSet Composed { get; }

    /// <summary>Rule-set id.</summary>
    public string Id => Composed.Id;

    /// <summary>The settings every engine uses: exceptions surface as messages we turn into faults.</summary>
    internal static ReSettings CreateSettings(RuleSignature signature) => new()
    {
        CustomTypes = [.. signature.HelperTypes],
        EnableExceptionAsErrorMessage = true,
        IgnoreException = false,
        EnableFormattedErrorMessage = false,
        EnableScopedParams = false,
        AutoRegisterInputType = false,
        IsExpressionCaseSensitive = true,
    };

    /// <summary>Evaluates every rule of a workflow. Any exception inside the result tree is a fault.</summary>
    /// <exception cref="RuleEvaluationException">A rule expression threw.</exception>
    public async ValueTask<IReadOnlyList<RuleOutcome>> EvaluateAsync(
        string workflow, IReadOnlyList<object> arguments, CancellationToken cancellationToken = default)
    {
        if (!_rulesByWorkflow.TryGetValue(workflow, out var rules) || rules.Count == 0)
        {
            return [];
        }

        var parameters = new RuleParameter[_signature.Parameters.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = new RuleParameter(_signature.Parameters[i].Name, arguments[i]);
        }

        var results = await _engine.ExecuteAllRulesAsync(workflow, parameters, cancellationToken);
        var outcomes = new RuleOutcome[results.Count];
        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i];
            var rule = rules[result.Rule.RuleName];
            ThrowOnException(result, rule, workflow);
            outcomes[i] = new RuleOutcome(rule, result.IsSuccess);
        }

        return outcomes;
    }

    /// <summary>Runs every workflow once so RulesEngine compiles every expression now, not on a user's request.</summary>
    internal async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        if (_signature.SampleArguments is null)
        {
            return;
        }

        foreach (var workflow in Composed.Workflows)
        {
            await EvaluateAsync(workflow.Name, _signature.SampleArguments(), cancellationToken);
        }
    }

    private static void ThrowOnException(RuleResultTree result, RuleDefinition rule, string workflow)
    {
        if (!string.IsNullOrEmpty(result.ExceptionMessage))
        {
            throw new RuleEvaluationException(rule.Origin, workflow, rule.Name, result.ExceptionMessage);
        }

        if (result.ChildResults is not null)
        {
            foreach (var child in result.ChildResults)
            {
                ThrowOnException(child, rule, workflow);
            }
        }
    }
}
