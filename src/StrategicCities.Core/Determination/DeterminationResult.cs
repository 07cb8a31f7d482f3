using System.Text.Json.Serialization;
using StrategicCities.Core.Catalog;

namespace StrategicCities.Core.Determination;

/// <summary>
/// The determination of DESIGN.md §4: the regime, the optional alternatives the applicant may choose,
/// additional acts, attachments, the versions in force and the trace of every rule evaluated.
/// </summary>
public sealed record DeterminationResult
{
    /// <summary>The municipality judged.</summary>
    [JsonPropertyName("municipality")]
    public required Municipality Municipality { get; init; }

    /// <summary>The legal reference date.</summary>
    [JsonPropertyName("legalDate")]
    public required DateOnly LegalDate { get; init; }

    /// <summary>The regime the intervention needs.</summary>
    [JsonPropertyName("regime")]
    public required string Regime { get; init; }

    /// <summary>Titles the applicant may choose instead (art. 22 c.7, art. 23 D.P.R. 380/2001).</summary>
    [JsonPropertyName("alternatives")]
    public required IReadOnlyList<string> Alternatives { get; init; }

    /// <summary>Acts of other authorities needed as well (autorizzazione paesaggistica, …).</summary>
    [JsonPropertyName("additionalActs")]
    public required IReadOnlyList<Requirement> AdditionalActs { get; init; }

    /// <summary>Documents to attach.</summary>
    [JsonPropertyName("attachments")]
    public required IReadOnlyList<Requirement> Attachments { get; init; }

    /// <summary>The rule-set versions that produced the decision (id, layer, version, content hash).</summary>
    [JsonPropertyName("ruleSets")]
    public required IReadOnlyList<PinnedVersion> RuleSets { get; init; }

    /// <summary>Every rule evaluated, in order, with its outcome and legal basis.</summary>
    [JsonPropertyName("trace")]
    public required IReadOnlyList<TraceEntry> Trace { get; init; }
}
