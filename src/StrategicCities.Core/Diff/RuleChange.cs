using System.Text.Json.Serialization;

namespace StrategicCities.Core.Diff;

/// <summary>One difference between two sets of rules.</summary>
public sealed record RuleChange(
    [property: JsonPropertyName("change")] string Change,
    [property: JsonPropertyName("workflow")] string Workflow,
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("details")] IReadOnlyList<string> Details,
    [property: JsonPropertyName("source")] string? Source)
{
    /// <summary>A rule present only in the newer set.</summary>
    public const string Added = "added";

    /// <summary>A rule present only in the older set.</summary>
    public const string Removed = "removed";

    /// <summary>A rule present in both, with different content.</summary>
    public const string Changed = "changed";

    /// <inheritdoc />
    public override string ToString()
    {
        var sign = Change switch { Added => "+", Removed => "-", _ => "~" };
        var detail = Details.Count > 0 ? ": " + string.Join("; ", Details) : "";
        var source = Source is null ? "" : $" ({Source})";
        return $"{sign} {Workflow}/{Rule}{source}{detail}";
    }
}
