namespace StrategicCities.Core.Catalog;

/// <summary>
/// A rule expression threw while being evaluated. This is a fault of the rule set (or of the
/// engine), never an outcome: RulesEngine would report it as a failed rule, which would turn a bug
/// into "not eligible" (RulesEngine #187, #624).
/// </summary>
public sealed class RuleEvaluationException : Exception
{
    /// <summary>Creates the fault for one rule.</summary>
    public RuleEvaluationException(RuleOrigin origin, string workflow, string rule, string detail)
        : this(origin, workflow, rule, detail, null)
    {
    }

    /// <summary>Creates the fault for one rule, with what the expression threw.</summary>
    public RuleEvaluationException(RuleOrigin origin, string workflow, string rule, string detail, Exception? innerException)
        : base($"Rule '{rule}' in workflow '{workflow}' of {origin.RuleSet} {origin.Layer}:{origin.Jurisdiction}@{origin.Version} failed: {detail}", innerException)
    {
        Origin = origin;
        Workflow = workflow;
        Rule = rule;
    }

    /// <summary>Creates a fault without a rule.</summary>
    public RuleEvaluationException(string message) : base(message)
    {
        Origin = new RuleOrigin("", "", "", "", "");
        Workflow = "";
        Rule = "";
    }

    /// <summary>Creates a fault wrapping another.</summary>
    public RuleEvaluationException(string message, Exception innerException) : base(message, innerException)
    {
        Origin = new RuleOrigin("", "", "", "", "");
        Workflow = "";
        Rule = "";
    }

    /// <summary>Creates an empty fault.</summary>
    public RuleEvaluationException() : this("A rule failed.")
    {
    }

    /// <summary>The file version of the failing rule.</summary>
    public RuleOrigin Origin { get; }

    /// <summary>The workflow of the failing rule.</summary>
    public string Workflow { get; }

    /// <summary>The failing rule.</summary>
    public string Rule { get; }
}
