using System.Linq.Expressions;
using StrategicCities.Core.Determination;
using StrategicCities.Core.Forms;

namespace StrategicCities.Core.Catalog;

/// <summary>
/// The parameters a rule set's expressions see, and the pure helper types they may call. Only these
/// types are registered with RulesEngine (STYLE.md C7: Dynamic LINQ must not reach arbitrary types).
/// </summary>
public sealed record RuleSignature(
    IReadOnlyList<(string Name, Type Type)> Parameters,
    IReadOnlyList<Type> HelperTypes,
    Func<IReadOnlyList<object>>? SampleArguments = null)
{
    /// <summary>The signature of the determination rule set.</summary>
    public static readonly RuleSignature Determination = new(
        [("intervention", typeof(InterventionFacts)), ("regime", typeof(string))],
        [typeof(Regimes)],
        () => [new InterventionFacts(), ""]);

    /// <summary>
    /// The signature of the form rule sets (<c>forms/&lt;form&gt;</c>): one parameter <c>form</c>, read through
    /// the pure helpers of <see cref="Form"/> (see rules/README.md, "Forms").
    /// </summary>
    public static readonly RuleSignature Forms = new(
        [("form", typeof(FormDocument))],
        [typeof(Form)],
        () => [FormDocument.Empty]);

    private static readonly Dictionary<string, RuleSignature> Registered = new(StringComparer.Ordinal)
    {
        ["determination"] = Determination,
        // Registered here rather than by the form validator so the catalog can compile form rules before
        // anything else runs (RuleSignature.Register("forms/", …) would do the same, later).
        ["forms/"] = Forms,
        // Guards of the procedure definitions (rules/national/procedures): one workflow per regime.
        ["procedure-guards"] = Procedures.ProcedureFacts.Signature,
    };

    /// <summary>Registers the signature of a family of rule sets (an id, or a prefix ending in '/').</summary>
    public static void Register(string idOrPrefix, RuleSignature signature)
    {
        lock (Registered)
        {
            Registered[idOrPrefix] = signature;
        }
    }

    /// <summary>The signature for a rule-set id, if the service knows how to run it.</summary>
    public static RuleSignature? For(string ruleSetId)
    {
        lock (Registered)
        {
            if (Registered.TryGetValue(ruleSetId, out var exact))
            {
                return exact;
            }

            var slash = ruleSetId.IndexOf('/', StringComparison.Ordinal);
            return slash > 0 && Registered.TryGetValue(ruleSetId[..(slash + 1)], out var family) ? family : null;
        }
    }

    /// <summary>Parameter expressions for compiling an expression outside RulesEngine (lint).</summary>
    public ParameterExpression[] ParameterExpressions() =>
        [.. Parameters.Select(p => System.Linq.Expressions.Expression.Parameter(p.Type, p.Name))];
}
