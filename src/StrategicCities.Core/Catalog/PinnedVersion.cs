using System.Text.Json.Serialization;

namespace StrategicCities.Core.Catalog;

/// <summary>
/// One file in force, as an application pins it: the rule set (or <c>procedures/&lt;regime&gt;</c>, <c>schemas/&lt;form&gt;</c>),
/// layer, jurisdiction, version, revision and content hash. The hash alone finds the file again; the rest says what it is.
/// </summary>
public sealed record PinnedVersion(
    [property: JsonPropertyName("ruleSet")] string RuleSet,
    [property: JsonPropertyName("layer")] string Layer,
    [property: JsonPropertyName("jurisdiction")] string Jurisdiction,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("hash")] string Hash)
{
    /// <summary>The revision of the version (1 when pinned before revisions were recorded).</summary>
    [JsonPropertyName("revision")]
    public int Revision { get; init; } = 1;

    /// <summary>The pin of a file under rule-set id <paramref name="ruleSet"/>.</summary>
    public static PinnedVersion Of(string ruleSet, RuleFileHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return new(ruleSet, header.Layer.Name(), header.Jurisdiction, header.Version, header.ContentHash) { Revision = header.Revision };
    }

    /// <summary>For messages: <c>procedures/pdc national IT 2020-07-17 r2 (sha256:…)</c>.</summary>
    public override string ToString() => $"{RuleSet} {Layer} {Jurisdiction} {Version} r{Revision} ({Hash})";
}
