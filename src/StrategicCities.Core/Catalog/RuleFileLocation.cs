namespace StrategicCities.Core.Catalog;

/// <summary>
/// What a rule file's path says: layer, jurisdiction, rule set, version and revision. A version's first revision is
/// <c>&lt;version&gt;.json</c>; a correction of its encoding (same validity, the law unchanged) is
/// <c>&lt;version&gt;.r&lt;N&gt;.json</c> with N from 2, so the released file stays byte for byte what applications pinned.
/// </summary>
internal sealed record RuleFileLocation(Layer Layer, string Jurisdiction, string RuleSet, string Version, int Revision = 1)
{
    /// <summary>Folders under rules/ that hold other kinds of files.</summary>
    public static readonly IReadOnlyList<string> NonRuleFolders = ["registry", "calendars", "tests"];

    /// <summary>Rule-set ids whose files are not RulesEngine rule sets (they have loaders of their own: procedures, fees).</summary>
    public static bool IsOtherKind(string ruleSet) =>
        ruleSet == "procedures" || ruleSet.StartsWith("procedures/", StringComparison.Ordinal) || ruleSet == "fees" || ruleSet.StartsWith("fees/", StringComparison.Ordinal);

    public static RuleFileLocation? Parse(string relativePath)
    {
        var parts = relativePath.Split('/');
        if (parts.Length < 3 || !parts[^1].EndsWith(".json", StringComparison.Ordinal))
        {
            return null;
        }

        var (version, revision) = SplitRevision(parts[^1][..^".json".Length]);
        if (revision < 1)
        {
            return null;
        }

        switch (parts[0])
        {
            case "national":
                return new RuleFileLocation(Layer.National, "IT", string.Join('/', parts[1..^1]), version, revision);
            case "regions" when parts.Length >= 4 && parts[1].Length == 2 && parts[1].All(char.IsAsciiDigit):
                return new RuleFileLocation(Layer.Region, parts[1], string.Join('/', parts[2..^1]), version, revision);
            case "municipalities" when parts.Length >= 4 && parts[1].Length == 6 && parts[1].All(char.IsAsciiDigit):
                return new RuleFileLocation(Layer.Municipality, parts[1], string.Join('/', parts[2..^1]), version, revision);
            default:
                return null;
        }
    }

    /// <summary>The file name as the author wrote it for this version and revision (<c>2020-07-17.json</c>, <c>2020-07-17.r2.json</c>).</summary>
    public static string FileName(string version, int revision) =>
        revision <= 1 ? version + ".json" : $"{version}.r{revision.ToString(System.Globalization.CultureInfo.InvariantCulture)}.json";

    /// <summary>
    /// <c>2020-07-17.r2</c> → (2020-07-17, 2); a name without a revision suffix is revision 1; <c>.r0</c>, <c>.r1</c>
    /// and a suffix that is not a number give revision 0, which the caller refuses (revision 1 is the bare name).
    /// </summary>
    private static (string Version, int Revision) SplitRevision(string name)
    {
        var dot = name.LastIndexOf(".r", StringComparison.Ordinal);
        if (dot < 0)
        {
            return (name, 1);
        }

        var digits = name.AsSpan(dot + 2);
        return digits.Length is > 0 and < 4 && !digits.ContainsAnyExceptInRange('0', '9') && digits[0] != '0'
            && int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) is var n && n >= 2
            ? (name[..dot], n)
            : (name, 0);
    }
}
