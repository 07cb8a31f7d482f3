namespace StrategicCities.Core.Catalog;

/// <summary>What a rule file's path says: layer, jurisdiction, rule set and version.</summary>
internal sealed record RuleFileLocation(Layer Layer, string Jurisdiction, string RuleSet, string Version)
{
    /// <summary>Folders under rules/ that hold other kinds of files.</summary>
    public static readonly IReadOnlyList<string> NonRuleFolders = ["registry", "calendars", "tests"];

    /// <summary>Rule-set ids whose files are not RulesEngine rule sets (they have loaders of their own).</summary>
    public static bool IsOtherKind(string ruleSet) => ruleSet == "procedures" || ruleSet.StartsWith("procedures/", StringComparison.Ordinal);

    public static RuleFileLocation? Parse(string relativePath)
    {
        var parts = relativePath.Split('/');
        if (parts.Length < 3 || !parts[^1].EndsWith(".json", StringComparison.Ordinal))
        {
            return null;
        }

        var version = parts[^1][..^".json".Length];
        switch (parts[0])
        {
            case "national":
                return new RuleFileLocation(Layer.National, "IT", string.Join('/', parts[1..^1]), version);
            case "regions" when parts.Length >= 4 && parts[1].Length == 2 && parts[1].All(char.IsAsciiDigit):
                return new RuleFileLocation(Layer.Region, parts[1], string.Join('/', parts[2..^1]), version);
            case "municipalities" when parts.Length >= 4 && parts[1].Length == 6 && parts[1].All(char.IsAsciiDigit):
                return new RuleFileLocation(Layer.Municipality, parts[1], string.Join('/', parts[2..^1]), version);
            default:
                return null;
        }
    }
}
