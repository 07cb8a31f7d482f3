using RulesEngine.Models;
using StrategicCities.Core.Catalog;

namespace StrategicCities.Core.Tests.Support;

/// <summary>
/// The workflow executor <see cref="EffectiveRuleSet"/> bypasses, set up as it used to be (same workflows, same
/// settings, <c>ExecuteAllRulesAsync</c>), so tests can hold the compiled delegates to what RulesEngine answers.
/// Both sides are written as a transcript: one line per rule in order, or a single line naming the first fault.
/// </summary>
internal sealed class RulesEngineReference
{
    private readonly RulesEngine.RulesEngine _engine;
    private readonly ComposedRuleSet _composed;
    private readonly RuleSignature _signature;

    public RulesEngineReference(ComposedRuleSet composed)
    {
        _composed = composed;
        _signature = RuleSignature.For(composed.Id)!;
        // RulesEngine refuses empty workflows (EffectiveRuleSet answers none for them).
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
        _engine = new RulesEngine.RulesEngine(workflows, EffectiveRuleSet.CreateSettings(_signature));
    }

    /// <summary>What RulesEngine answers; a fault keeps the message RulesEngine wraps around the exception's.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(string workflow, object[] arguments)
    {
        if (_composed.Workflows.Single(w => w.Name == workflow).Rules.Count == 0)
        {
            return [];
        }

        RuleParameter[] parameters = [.. _signature.Parameters.Select((p, i) => new RuleParameter(p.Name, arguments[i]))];
        var lines = new List<string>();
        foreach (var result in await _engine.ExecuteAllRulesAsync(workflow, parameters, CancellationToken.None))
        {
            if (FirstException(result) is { } message)
            {
                var prefix = $"Error while executing rule : {result.Rule.RuleName} - ";
                return [Fault(result.Rule.RuleName, message.StartsWith(prefix, StringComparison.Ordinal) ? message[prefix.Length..] : message)];
            }

            lines.Add(Outcome(result.Rule.RuleName, result.IsSuccess));
        }

        return lines;
    }

    /// <summary>What <paramref name="evaluate"/> (normally <see cref="EffectiveRuleSet.Evaluate"/>) answers.</summary>
    public static IReadOnlyList<string> Run(Func<IReadOnlyList<RuleOutcome>> evaluate)
    {
        try
        {
            return [.. evaluate().Select(o => Outcome(o.Rule.Name, o.Applies))];
        }
        catch (RuleEvaluationException fault)
        {
            return [Fault(fault.Rule, fault.InnerException?.Message ?? fault.Message)];
        }
    }

    private static string Outcome(string rule, bool applies) => $"{rule} = {applies}";

    private static string Fault(string rule, string message) => $"{rule} faults: {message}";

    private static string? FirstException(RuleResultTree result) =>
        !string.IsNullOrEmpty(result.ExceptionMessage)
            ? result.ExceptionMessage
            : result.ChildResults?.Select(FirstException).FirstOrDefault(m => m is not null);
}
