using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using StrategicCities.Api.Contracts;
using StrategicCities.Api.Http;
using StrategicCities.Api.Logging;
using StrategicCities.Core;
using StrategicCities.Core.Legal;

namespace StrategicCities.Api.Problems;

/// <summary>
/// The one place that turns mistakes and faults into RFC 9457 problem details. Controllers call
/// <see cref="Result"/> with Core's <see cref="InputError"/>s; middleware calls <see cref="WriteAsync"/>.
/// </summary>
public sealed class ProblemFactory(ILogger<ProblemFactory> logger)
{
    /// <summary>Media type of every error body.</summary>
    public const string MediaType = "application/problem+json";

    private static readonly Dictionary<int, LocalizedText> Titles = new()
    {
        [StatusCodes.Status400BadRequest] = new("Richiesta non valida", "Bad request"),
        [StatusCodes.Status401Unauthorized] = new("Autenticazione richiesta", "Authentication required"),
        [StatusCodes.Status403Forbidden] = new("Operazione non consentita", "Forbidden"),
        [StatusCodes.Status404NotFound] = new("Risorsa non trovata", "Not found"),
        [StatusCodes.Status409Conflict] = new("Conflitto", "Conflict"),
        [StatusCodes.Status412PreconditionFailed] = new("Precondizione non soddisfatta", "Precondition failed"),
        [StatusCodes.Status428PreconditionRequired] = new("Precondizione richiesta", "Precondition required"),
        [StatusCodes.Status429TooManyRequests] = new("Troppe richieste", "Too many requests"),
        [StatusCodes.Status405MethodNotAllowed] = new("Metodo non consentito", "Method not allowed"),
        [StatusCodes.Status413PayloadTooLarge] = new("Corpo della richiesta troppo grande", "Request body too large"),
        [StatusCodes.Status415UnsupportedMediaType] = new("Tipo di contenuto non supportato", "Unsupported media type"),
        [StatusCodes.Status422UnprocessableEntity] = new("Richiesta non elaborabile", "Unprocessable request"),
        [StatusCodes.Status500InternalServerError] = new("Errore interno del servizio", "Internal server error"),
    };

    /// <summary>Builds an input error (for codes the API adds to Core's).</summary>
    public static InputError Error(string code, string pointer, string italian, string english) =>
        new(code, pointer, new LocalizedText(italian, english));

    /// <summary>The action result for a list of input errors, with the status <see cref="ProblemStatus"/> decides.</summary>
    public IActionResult Result(HttpContext http, IReadOnlyList<InputError> errors)
    {
        var problem = Create(http, errors);
        var result = new ObjectResult(problem) { StatusCode = problem.Status };
        result.ContentTypes.Add(MediaType);
        return result;
    }

    /// <summary>Writes the problem for <paramref name="errors"/> straight to the response (middleware, exception handler).</summary>
    public async Task WriteAsync(HttpContext http, IReadOnlyList<InputError> errors, int? status = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        var problem = Create(http, errors, status);
        http.Response.StatusCode = problem.Status;
        await http.Response.WriteAsJsonAsync(problem, JsonDefaults.Compact, MediaType, http.RequestAborted);
    }

    /// <summary>The problem for a list of errors; <paramref name="status"/> overrides the table (protocol-level refusals).</summary>
    public ProblemResponse Create(HttpContext http, IReadOnlyList<InputError> errors, int? status = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        errors = ProblemStatus.Order(errors);
        var (decidedStatus, decisive) = ProblemStatus.For(errors);
        var finalStatus = status ?? decidedStatus;
        var language = RequestLanguage.Pick(http.Request);
        var message = errors.Count == 1
            ? decisive.Message
            : new LocalizedText(
                errors.Count == 2
                    ? $"{decisive.Message.It} (e un altro errore: vedi \"errors\")"
                    : $"{decisive.Message.It} (e altri {errors.Count - 1} errori: vedi \"errors\")",
                errors.Count == 2
                    ? $"{decisive.Message.En} (and 1 more error: see \"errors\")"
                    : $"{decisive.Message.En} (and {errors.Count - 1} more errors: see \"errors\")");
        var title = Titles.GetValueOrDefault(finalStatus)
            ?? new LocalizedText($"Errore {finalStatus}", $"Error {finalStatus}");

        http.Response.Headers.ContentLanguage = language;
        http.Response.Headers.Append("Vary", "Accept-Language");
        if (finalStatus < StatusCodes.Status500InternalServerError)
        {
            var route = RouteOf(http);
            Log.RequestRejected(logger, http.Request.Method, route, finalStatus, decisive.Code);
        }

        return new ProblemResponse
        {
            Type = "urn:strategiccities:problem:" + decisive.Code,
            Title = title.In(language),
            Status = finalStatus,
            Detail = message.In(language),
            Instance = http.Request.Path.Value,
            Code = decisive.Code,
            Message = message,
            Errors = [.. errors.Select(e => new ProblemError(e.Code, e.Pointer, e.Message))],
            TraceId = Activity.Current?.Id ?? http.TraceIdentifier,
        };
    }

    /// <summary>The route template (not the raw path, which a client chooses) for log lines.</summary>
    internal static string RouteOf(HttpContext http) =>
        http.GetEndpoint() is RouteEndpoint endpoint ? endpoint.RoutePattern.RawText ?? "(route)" : "(unmatched)";
}
