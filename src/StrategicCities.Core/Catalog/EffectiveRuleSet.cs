using System.Collections.Frozen;
using System.Reflection;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace StrategicCities.Core.Catalog;

/// <summary>
/// A composed rule set with every expression compiled once into a delegate. Immutable and thread-safe;
/// shared by every municipality with the same version tuple.
/// </summary>
/// <remarks>
/// RulesEngine's own <see cref="RuleExpressionParser"/> parses and compiles the expressions, with the settings and
/// parameter types its workflow executor used; the executor itself is bypassed. Our rules are plain boolean lambdas
/// (no nested rules, scoped params or actions), and per call it built a result tree, an input dictionary and a cache
/// key for each rule, ran the actions pass and an async state machine — several times the cost of the delegates
/// themselves (figures in tests/StrategicCities.Benchmarks/README.md).
/// </remarks>
public sealed class EffectiveRuleSet
{
    private readonly FrozenDictionary<string, CompiledRule[]> _workflows;
    private readonly Type[] _parameterTypes;
    private readonly RuleSignature _signature;

    internal EffectiveRuleSet(ComposedRuleSet composed, RuleSignature signature)
    {
        Composed = composed;
        _signature = signature;
        _parameterTypes = [.. signature.Parameters.Select(p => p.Type)];
        var parser = new RuleExpressionParser(CreateSettings(signature));
        // RulesEngine types each parameter by its argument's runtime type; Evaluate admits only arguments of the
        // declared type, so compiling for the declared types (which the catalog checked) compiles the same lambda.
        RuleParameter[] parameters = [.. signature.Parameters.Select(p => RuleParameter.Create(p.Name, p.Type))];
        _workflows = composed.Workflows.ToFrozenDictionary(
            w => w.Name, w => w.Rules.Select(r => Compile(parser, r, parameters)).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>What was composed.</summary>
    public ComposedRuleSet Composed { get; }

    /// <summary>Rule-set id.</summary>
    public string Id => Composed.Id;

    /// <summary>The settings every parser of rule expressions uses (catalog check and evaluation alike).</summary>
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

    /// <summary>Evaluates every rule of a workflow, in order. An exception inside any expression is a fault.</summary>
    /// <param name="workflow">The workflow; an unknown one has no rules.</param>
    /// <param name="arguments">One argument per parameter of the signature, each of exactly the declared type.</param>
    /// <exception cref="RuleEvaluationException">A rule expression threw (or does not compile).</exception>
    /// <exception cref="ArgumentException">The arguments do not match the signature.</exception>
    public IReadOnlyList<RuleOutcome> Evaluate(string workflow, object[] arguments)
    {
        if (!_workflows.TryGetValue(workflow, out var rules) || rules.Length == 0)
        {
            return [];
        }

        CheckArguments(arguments);

        var outcomes = new RuleOutcome[rules.Length];
        for (var i = 0; i < rules.Length; i++)
        {
            outcomes[i] = new RuleOutcome(rules[i].Rule, Apply(workflow, rules[i], arguments));
        }

        return outcomes;
    }

    /// <summary>The rules of a workflow in the order <see cref="Evaluate(string, object[])"/> runs them (empty for an unknown one).</summary>
    internal RuleDefinition[] RulesOf(string workflow) =>
        _workflows.TryGetValue(workflow, out var rules) ? [.. rules.Select(r => r.Rule)] : [];

    /// <summary>
    /// <see cref="Evaluate(string, object[])"/> into the caller's span (one flag per rule of <see cref="RulesOf"/>), for a caller that
    /// knows the rules already and needs no outcome list; same checks, same faults.
    /// </summary>
    internal void Evaluate(string workflow, object[] arguments, Span<bool> applies)
    {
        if (!_workflows.TryGetValue(workflow, out var rules) || rules.Length == 0)
        {
            return;
        }

        CheckArguments(arguments);
        if (applies.Length != rules.Length)
        {
            throw new ArgumentException($"Workflow '{workflow}' has {rules.Length} rules, not {applies.Length}.", nameof(applies));
        }

        for (var i = 0; i < rules.Length; i++)
        {
            applies[i] = Apply(workflow, rules[i], arguments);
        }
    }

    private static bool Apply(string workflow, CompiledRule compiled, object[] arguments)
    {
        var (rule, applies) = compiled;
        try
        {
            return applies(arguments);
        }
#pragma warning disable CA1031 // Whatever an expression throws is a fault of the rule set, reported as one.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var cause = ex is TargetInvocationException { InnerException: { } inner } ? inner : ex;
            throw new RuleEvaluationException(rule.Origin, workflow, rule.Name, cause.Message, cause);
        }
    }

    /// <summary>
    /// <see cref="Evaluate(string, object[])"/> for asynchronous callers; completes synchronously (evaluation does no I/O).
    /// </summary>
    /// <exception cref="RuleEvaluationException">A rule expression threw (or does not compile).</exception>
    public ValueTask<IReadOnlyList<RuleOutcome>> EvaluateAsync(
        string workflow, object[] arguments, CancellationToken cancellationToken = default) =>
        cancellationToken.IsCancellationRequested
            ? ValueTask.FromCanceled<IReadOnlyList<RuleOutcome>>(cancellationToken)
            : new(Evaluate(workflow, arguments));

    /// <summary>Runs every workflow once on the sample arguments, so a faulty rule surfaces now, not on a user's request.</summary>
    internal void WarmUp()
    {
        if (_signature.SampleArguments is null)
        {
            return;
        }

        object[] arguments = [.. _signature.SampleArguments()];
        foreach (var workflow in Composed.Workflows)
        {
            Evaluate(workflow.Name, arguments);
        }
    }

    /// <summary>
    /// Compiles one rule as RulesEngine's LambdaExpressionBuilder does. An expression that does not compile (the
    /// catalog refuses those first) faults when evaluated, as it did inside RulesEngine: in that workflow only.
    /// </summary>
    private static CompiledRule Compile(RuleExpressionParser parser, RuleDefinition rule, RuleParameter[] parameters)
    {
        try
        {
            return new(rule, parser.Compile<bool>(rule.Expression, parameters));
        }
#pragma warning disable CA1031 // Any parser failure is a fault of the rule, raised when the rule is evaluated.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var message = $"expression does not compile: {ex.Message}";
            return new(rule, _ => throw new InvalidOperationException(message, ex));
        }
    }

    private void CheckArguments(object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Length != _parameterTypes.Length)
        {
            throw new ArgumentException(
                $"Rule set '{Id}' takes {_parameterTypes.Length} arguments, not {arguments.Length}.", nameof(arguments));
        }

        for (var i = 0; i < arguments.Length; i++)
        {
            if (arguments[i]?.GetType() != _parameterTypes[i])
            {
                throw new ArgumentException(
                    $"Argument '{_signature.Parameters[i].Name}' of rule set '{Id}' must be a {_parameterTypes[i]}, not "
                    + (arguments[i]?.GetType().ToString() ?? "null") + ".", nameof(arguments));
            }
        }
    }

    private readonly record struct CompiledRule(RuleDefinition Rule, Func<object[], bool> Applies);
}
