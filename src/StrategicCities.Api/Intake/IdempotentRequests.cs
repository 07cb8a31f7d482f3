using System.Globalization;
using System.Text;
using System.Text.Json;
using StrategicCities.Api.Problems;
using StrategicCities.Core;
using StrategicCities.Data.Idempotency;

namespace StrategicCities.Api.Intake;

/// <summary>
/// The one idempotency wrapper: runs an operation once per (actor, <c>Idempotency-Key</c>) and replays its stored
/// outcome, byte for byte, on a retry with the same key and body. The same key with another body is 422
/// <c>idempotency.mismatch</c>; while the first attempt still holds the key's lease, 409 <c>idempotency.in-progress</c>
/// with <c>Retry-After</c>; a retry after a crash takes the lease over (IdempotencyStore). Faults are not stored, so a
/// retry may succeed; outcomes, refusals included, are.
/// </summary>
public sealed class IdempotentRequests(IdempotencyStore store, ProblemFactory problems)
{
    /// <summary>The idempotency header.</summary>
    public const string Header = "Idempotency-Key";

    /// <summary>
    /// Runs <paramref name="operation"/> under <paramref name="key"/> (or directly, without one). The operation gets the
    /// id a resource it creates must take: the same for every attempt under one key, so a retry finds it.
    /// </summary>
    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> RunAsync(
        HttpContext http, string actorId, string? key, string body, Func<Guid?, Task<ApiOutcome>> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(operation);
        var response = http.Response;
        if (key is null)
        {
            return (await operation(null)).ToResult(response);
        }

        if (key.Length is 0 or > 200)
        {
            return Problem(http, IntakeCodes.IdempotencyKeyInvalid,
                "Idempotency-Key deve avere da 1 a 200 caratteri.", "Idempotency-Key must have 1 to 200 characters.").ToResult(response);
        }

        var hash = IdempotencyStore.HashRequest(http.Request.Method, http.Request.Path.Value ?? "", Encoding.UTF8.GetBytes(body));
        var begin = await store.BeginAsync(actorId, key, hash, cancellationToken);
        switch (begin.Status)
        {
            case IdempotencyStatus.Replay:
                var stored = begin.ResponseBody is null ? null : JsonSerializer.Deserialize<ApiOutcome>(begin.ResponseBody, JsonDefaults.Compact);
                response.Headers["Idempotent-Replayed"] = "true";
                return (stored ?? new ApiOutcome { Status = begin.StatusCode ?? StatusCodes.Status200OK, Body = "{}" }).ToResult(response);
            case IdempotencyStatus.InProgress:
                if (begin.RetryAfter is { } retryAfter)
                {
                    response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return Problem(http, IntakeCodes.IdempotencyInProgress,
                    "Una richiesta con la stessa chiave è ancora in corso: riprovare tra poco.", "A request with the same key is still in progress: retry shortly.").ToResult(response);
            case IdempotencyStatus.Mismatch:
                return Problem(http, IntakeCodes.IdempotencyMismatch,
                    "La chiave di idempotenza è già stata usata per una richiesta diversa.", "The idempotency key was already used for a different request.").ToResult(response);
        }

        ApiOutcome outcome;
        try
        {
            outcome = await operation(begin.ResourceId);
        }
        catch
        {
            await store.AbandonAsync(actorId, key, begin.LeaseStartedAt!.Value, CancellationToken.None);
            throw;
        }

        // Only while this attempt still holds the key's lease (IdempotencyStore).
        await store.CompleteAsync(actorId, key, begin.LeaseStartedAt!.Value, outcome.Status, JsonSerializer.Serialize(outcome, JsonDefaults.Compact), CancellationToken.None);
        return outcome.ToResult(response);
    }

    private ApiOutcome Problem(HttpContext http, string code, string italian, string english) =>
        ApiOutcome.Problem(problems, http, ProblemFactory.Error(code, "/header/" + Header, italian, english));
}
