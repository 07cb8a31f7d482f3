using System.Text.Json.Serialization;

namespace StrategicCities.Core.Catalog;

/// <summary>
/// What a rule contributes when its expression holds: a regime, an alternative regime, an act or an
/// attachment (see rules/README.md). Rules without an effect are informative.
/// </summary>
public sealed record RuleEffect(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("value")] string Value)
{
    /// <summary>Effect kinds understood by the determination.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["regime", "alternative", "act", "attachment"];

    /// <inheritdoc />
    public override string ToString() => $"{Kind}={Value}";
}
