using System.Text.Json.Serialization;
using StrategicCities.Core.Legal;

namespace StrategicCities.Api.Contracts;

/// <summary>One mistake in a request: stable code, JSON pointer (RFC 6901) and the message in both languages.</summary>
/// <param name="Code">Stable code, e.g. <c>intervention.unknown-field</c>.</param>
/// <param name="Pointer">
/// Where: a pointer into the JSON body (<c>/useChange/from</c>, <c>""</c> for the whole body), or
/// <c>/query/{name}</c>, <c>/path/{name}</c>, <c>/headers/{name}</c> for the other parts of the request.
/// </param>
/// <param name="Message">The message in Italian and English.</param>
public sealed record ProblemError(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("pointer")] string Pointer,
    [property: JsonPropertyName("message")] LocalizedText Message);
