using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Catalog;

/// <summary>One rule as read from a rule file, with its metadata (Properties) parsed.</summary>
public sealed record RuleDefinition
{
    /// <summary>PascalCase statement of the requirement; unique in an effective package.</summary>
    public required string Name { get; init; }

    /// <summary>The Dynamic LINQ expression, compiled by RulesEngine's parser (see <see cref="EffectiveRuleSet"/>).</summary>
    public required string Expression { get; init; }

    /// <summary>The workflow the rule belongs to (for added rules: the extension point's workflow).</summary>
    public required string Workflow { get; init; }

    /// <summary>Citations of the law the rule encodes; never empty.</summary>
    public required IReadOnlyList<LegalBasis> LegalBasis { get; init; }

    /// <summary>What the rule says, in Italian and English.</summary>
    public required LocalizedText Messages { get; init; }

    /// <summary><c>error</c>, <c>warning</c> or <c>info</c>.</summary>
    public string Severity { get; init; } = "info";

    /// <summary>Whether a municipality may override or disable the rule.</summary>
    public bool LocalVariationAllowed { get; init; }

    /// <summary>For a rule added by an overlay: the extension point it plugs into.</summary>
    public string? Extends { get; init; }

    /// <summary>What the rule produces when it applies, if anything.</summary>
    public RuleEffect? Effect { get; init; }

    /// <summary>Stable issue code for form rules (e.g. <c>structural.documents-missing</c>).</summary>
    public string? Code { get; init; }

    /// <summary>JSON pointer a form rule's issue points at.</summary>
    public string? Pointer { get; init; }

    /// <summary>The file version the rule comes from.</summary>
    public required RuleOrigin Origin { get; init; }

    /// <summary>The instruments of the rule's file, which its legal bases cite by id.</summary>
    public IReadOnlyList<Instrument> Instruments { get; init; } = [];

    /// <summary>The rule's raw JSON text, used by diff to detect changes.</summary>
    public required string Json { get; init; }
}
