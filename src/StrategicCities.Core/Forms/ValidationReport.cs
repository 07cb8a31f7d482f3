using System.Text.Json.Serialization;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Determination;
using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Forms;

/// <summary>The verdict on a submitted form (DESIGN.md §5).</summary>
public sealed record ValidationReport
{
    /// <summary>True when there is no error (warnings do not make a form invalid).</summary>
    [JsonPropertyName("valid")]
    public required bool Valid { get; init; }

    /// <summary>Form code (<c>scia</c>, <c>cila</c>, …).</summary>
    [JsonPropertyName("form")]
    public required string Form { get; init; }

    /// <summary>Version of the national form schema applied.</summary>
    [JsonPropertyName("version")]
    public required string Version { get; init; }

    /// <summary>ISTAT code of the municipality.</summary>
    [JsonPropertyName("municipality")]
    public required string Municipality { get; init; }

    /// <summary>Legal reference date.</summary>
    [JsonPropertyName("legalDate")]
    public required DateOnly LegalDate { get; init; }

    /// <summary>Errors: schema violations and rules with severity <c>error</c> that are not satisfied.</summary>
    [JsonPropertyName("errors")]
    public required IReadOnlyList<ValidationIssue> Errors { get; init; }

    /// <summary>Warnings and information: unsatisfied rules of severity <c>warning</c> or <c>info</c>.</summary>
    [JsonPropertyName("warnings")]
    public required IReadOnlyList<ValidationIssue> Warnings { get; init; }

    /// <summary>Documents the form must carry given what it declares, and whether it lists them.</summary>
    [JsonPropertyName("requiredAttachments")]
    public required IReadOnlyList<RequiredAttachment> RequiredAttachments { get; init; }

    /// <summary>Every rule evaluated, with its outcome and legal basis.</summary>
    [JsonPropertyName("trace")]
    public required IReadOnlyList<TraceEntry> Trace { get; init; }

    /// <summary>The schema (national version and municipal extension) and rule-set versions applied, with content hashes.</summary>
    [JsonPropertyName("pinned")]
    public required IReadOnlyList<PinnedVersion> Pinned { get; init; }
}

/// <summary>One problem found in a form.</summary>
public sealed record ValidationIssue(
    [property: JsonPropertyName("pointer")] string Pointer,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("message")] LocalizedText Message,
    [property: JsonPropertyName("rule")] string? Rule = null,
    [property: JsonPropertyName("legalBasis")] IReadOnlyList<LegalBasis>? LegalBasis = null);

/// <summary>A document the form must carry, the rules and law requiring it, and whether <c>/allegati</c> lists it.</summary>
public sealed record RequiredAttachment(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("provided")] bool Provided,
    [property: JsonPropertyName("rules")] IReadOnlyList<string> Rules,
    [property: JsonPropertyName("legalBasis")] IReadOnlyList<LegalBasis> LegalBasis,
    [property: JsonPropertyName("message")] LocalizedText Message);
