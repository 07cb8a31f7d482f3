using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using StrategicCities.Api.Problems;
using StrategicCities.Core;
using StrategicCities.Core.Applications;

namespace StrategicCities.Api.Intake;

/// <summary>
/// A finished response as data (status, JSON body, headers), so an idempotent request can be stored and replayed
/// byte for byte, and so the deadline sweep can read the same outcome the endpoint would send.
/// </summary>
public sealed record ApiOutcome
{
    /// <summary>The HTTP status.</summary>
    [JsonPropertyName("status")]
    public required int Status { get; init; }

    /// <summary>The JSON body.</summary>
    [JsonPropertyName("body")]
    public required string Body { get; init; }

    /// <summary>The ETag (quoted version), if any.</summary>
    [JsonPropertyName("etag")]
    public string? ETag { get; init; }

    /// <summary>The Location, if any.</summary>
    [JsonPropertyName("location")]
    public string? Location { get; init; }

    /// <summary>The problem's stable code (null for a success), so callers such as the sweep read the outcome, not the body.</summary>
    [JsonPropertyName("code")]
    public string? Code { get; init; }

    /// <summary>Whether the body is a problem.</summary>
    [JsonIgnore]
    public bool IsProblem => Status >= 400;

    /// <summary>A success with a body.</summary>
    public static ApiOutcome Ok<T>(int status, T body, long? version = null, string? location = null) => new()
    {
        Status = status,
        Body = JsonSerializer.Serialize(body, JsonDefaults.Compact),
        ETag = version is { } v ? Tag(v) : null,
        Location = location,
    };

    /// <summary>A problem with an explicit status and optional extension members.</summary>
    public static ApiOutcome Problem(ProblemFactory problems, HttpContext http, int status, InputError error, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var problem = problems.Create(http, [error], status);
        if (extensions is not null)
        {
            problem = problem with
            {
                Extensions = extensions.ToDictionary(e => e.Key, e => JsonSerializer.SerializeToElement(e.Value, JsonDefaults.Compact)),
            };
        }

        return new ApiOutcome { Status = status, Body = JsonSerializer.Serialize(problem, JsonDefaults.Compact), Code = error.Code };
    }

    /// <summary>A problem whose status the one table (<see cref="ProblemStatus"/>) gives from its code.</summary>
    public static ApiOutcome Problem(ProblemFactory problems, HttpContext http, InputError error, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Problem(problems, http, ProblemStatus.For(error), error, extensions);
    }

    /// <summary>
    /// A use case's outcome as a response: the success body (<paramref name="body"/> of the value) with the version as
    /// ETag, or the refusal as a problem with its details as extension members, its status from the one table.
    /// </summary>
    public static ApiOutcome From<T, TBody>(
        Outcome<T> outcome, ProblemFactory problems, HttpContext http, Func<T, TBody> body, int status = StatusCodes.Status200OK, Func<T, string?>? location = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(body);
        return outcome.Refusal is { } refusal
            ? Problem(problems, http, refusal, outcome.Details)
            : Ok(status, body(outcome.Value!), outcome.Version, location?.Invoke(outcome.Value!));
    }

    /// <summary>The strong ETag of a version.</summary>
    public static string Tag(long version) => "\"" + version.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"";

    /// <summary>The MVC result.</summary>
    public IActionResult ToResult(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (ETag is not null)
        {
            response.Headers.ETag = ETag;
        }

        if (Location is not null)
        {
            response.Headers.Location = Location;
        }

        return new ContentResult
        {
            StatusCode = Status,
            Content = Body,
            ContentType = IsProblem ? ProblemFactory.MediaType : "application/json; charset=utf-8",
        };
    }
}
