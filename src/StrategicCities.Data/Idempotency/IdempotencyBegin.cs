namespace StrategicCities.Data.Idempotency;

/// <summary>What to do with a request that carries an Idempotency-Key.</summary>
public enum IdempotencyStatus
{
    /// <summary>First time: process it, then <see cref="IdempotencyStore.CompleteAsync"/> (or abandon on failure).</summary>
    Started,

    /// <summary>Done before with the same request: answer with the stored status and body, do nothing.</summary>
    Replay,

    /// <summary>The first request with this key is still being processed (answer 409 and let the client retry).</summary>
    InProgress,

    /// <summary>The key was used for a different request (answer 422: keys are single-use per request).</summary>
    Mismatch,
}

/// <summary>The result of <see cref="IdempotencyStore.BeginAsync"/>.</summary>
/// <param name="Status">What to do.</param>
/// <param name="StatusCode">The stored response status, on <see cref="IdempotencyStatus.Replay"/>.</param>
/// <param name="ResponseBody">The stored response body, on <see cref="IdempotencyStatus.Replay"/>.</param>
public sealed record IdempotencyBegin(IdempotencyStatus Status, int? StatusCode = null, string? ResponseBody = null);
