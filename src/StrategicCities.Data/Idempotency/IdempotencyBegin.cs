namespace StrategicCities.Data.Idempotency;

/// <summary>What to do with a request that carries an Idempotency-Key.</summary>
public enum IdempotencyStatus
{
    /// <summary>First time: process it, then <see cref="IdempotencyStore.CompleteAsync(string, string, DateTimeOffset, int, string?, CancellationToken)"/> (or abandon on failure).</summary>
    Started,

    /// <summary>Done before with the same request: answer with the stored status and body, do nothing.</summary>
    Replay,

    /// <summary>
    /// The first request with this key is still being processed within its lease (answer 409 and let the client retry
    /// after <see cref="IdempotencyBegin.RetryAfter"/>).
    /// </summary>
    InProgress,

    /// <summary>The key was used for a different request (answer 422: keys are single-use per request).</summary>
    Mismatch,
}

/// <summary>The result of <see cref="IdempotencyStore.BeginAsync"/>.</summary>
/// <param name="Status">What to do.</param>
/// <param name="StatusCode">The stored response status, on <see cref="IdempotencyStatus.Replay"/>.</param>
/// <param name="ResponseBody">The stored response body, on <see cref="IdempotencyStatus.Replay"/>.</param>
/// <param name="LeaseStartedAt">
/// On <see cref="IdempotencyStatus.Started"/>: when this attempt took the key. Pass it to
/// <see cref="IdempotencyStore.CompleteAsync(string, string, DateTimeOffset, int, string?, CancellationToken)"/> so
/// that only the holder of the lease stores a response.
/// </param>
/// <param name="RetryAfter">On <see cref="IdempotencyStatus.InProgress"/>: how long until the running attempt's lease lapses.</param>
/// <param name="ResourceId">
/// On <see cref="IdempotencyStatus.Started"/>: the id a resource created by the request takes, the same for every
/// attempt under this record, so that an attempt taking over a dead one's lease finds what it created.
/// </param>
public sealed record IdempotencyBegin(
    IdempotencyStatus Status,
    int? StatusCode = null,
    string? ResponseBody = null,
    DateTimeOffset? LeaseStartedAt = null,
    TimeSpan? RetryAfter = null,
    Guid? ResourceId = null);
