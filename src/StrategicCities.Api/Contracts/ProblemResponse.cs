using System.Text.Json.Serialization;
using StrategicCities.Core.Legal;

namespace StrategicCities.Api.Contracts;

/// <summary>
/// RFC 9457 problem details, the body of every error (<c>application/problem+json</c>).
/// <c>title</c> and <c>detail</c> follow <c>Accept-Language</c> (it or en, Italian by default);
/// <c>message</c> and every error carry both languages.
/// </summary>
public sealed record ProblemResponse
{
    /// <summary>A URN naming the problem kind: <c>urn:strategiccities:problem:{code}</c>.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary>Short summary of the status, in the requested language.</summary>
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    /// <summary>The HTTP status code.</summary>
    [JsonPropertyName("status")]
    public required int Status { get; init; }

    /// <summary>What went wrong for this request, in the requested language.</summary>
    [JsonPropertyName("detail")]
    public required string Detail { get; init; }

    /// <summary>The request path.</summary>
    [JsonPropertyName("instance")]
    public string? Instance { get; init; }

    /// <summary>Stable code of the problem (the code of the error that decided the status).</summary>
    [JsonPropertyName("code")]
    public required string Code { get; init; }

    /// <summary>The detail in both languages.</summary>
    [JsonPropertyName("message")]
    public required LocalizedText Message { get; init; }

    /// <summary>Every mistake found (at least one).</summary>
    [JsonPropertyName("errors")]
    public required IReadOnlyList<ProblemError> Errors { get; init; }

    /// <summary>Correlation id to quote when reporting a fault.</summary>
    [JsonPropertyName("traceId")]
    public string? TraceId { get; init; }

    /// <summary>Extension members of a problem (e.g. <c>permittedTriggers</c>, <c>report</c>, <c>refusals</c>), written at the top level.</summary>
    [JsonExtensionData]
    public Dictionary<string, System.Text.Json.JsonElement>? Extensions { get; init; }
}
