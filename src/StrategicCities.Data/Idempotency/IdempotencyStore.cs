using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;

namespace StrategicCities.Data.Idempotency;

/// <summary>
/// Idempotency records, unique per (caller, key). <see cref="BeginAsync"/> reserves the key with an insert-if-absent
/// (so of two concurrent first requests exactly one is <see cref="IdempotencyStatus.Started"/>); the response is stored
/// by <see cref="CompleteAsync"/> and replayed to later requests with the same body hash.
/// </summary>
public sealed class IdempotencyStore(DatabaseFactory factory, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>The request hash to store: SHA-256 over method, path and body.</summary>
    public static string HashRequest(string method, string path, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{method.ToUpperInvariant()} {path}\n"));
        hash.AppendData(body);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Reserves the key for this request, or tells how an earlier request with the key ended.</summary>
    public async Task<IdempotencyBegin> BeginAsync(string caller, string key, string requestHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(caller);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(key.Length, 200, nameof(key));
        ArgumentException.ThrowIfNullOrEmpty(requestHash);
        var parameters = new { Caller = caller, Key = key, RequestHash = requestHash, Now = _time.GetUtcNow() };
        await using var connection = await factory.OpenAsync(cancellationToken);
        int inserted;
        try
        {
            inserted = await connection.ExecuteAsync(new CommandDefinition(InsertIfAbsent(factory.Dialect), parameters, cancellationToken: cancellationToken));
        }
        catch (DbException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            inserted = 0;
        }

        if (inserted == 1)
        {
            return new IdempotencyBegin(IdempotencyStatus.Started);
        }

        var row = await connection.QuerySingleOrDefaultAsync<RecordRow>(new CommandDefinition(
            """
            SELECT request_hash AS RequestHash, status_code AS StatusCode, response_body AS ResponseBody
            FROM idempotency_records
            WHERE caller = @Caller AND idem_key = @Key
            """,
            parameters,
            cancellationToken: cancellationToken));
        return row switch
        {
            // Purged between our insert and our read: the caller may simply try again.
            null => new IdempotencyBegin(IdempotencyStatus.InProgress),
            _ when !string.Equals(row.RequestHash, requestHash, StringComparison.Ordinal) => new IdempotencyBegin(IdempotencyStatus.Mismatch),
            { StatusCode: null } => new IdempotencyBegin(IdempotencyStatus.InProgress),
            _ => new IdempotencyBegin(IdempotencyStatus.Replay, row.StatusCode, row.ResponseBody),
        };
    }

    /// <summary>Stores the response of a started request. False when there is no open reservation for the key.</summary>
    public async Task<bool> CompleteAsync(string caller, string key, int statusCode, string? responseBody, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE idempotency_records
            SET status_code = @StatusCode, response_body = @ResponseBody, completed_at = @Now
            WHERE caller = @Caller AND idem_key = @Key AND status_code IS NULL
            """,
            new { Caller = caller, Key = key, StatusCode = statusCode, ResponseBody = responseBody, Now = _time.GetUtcNow() },
            cancellationToken: cancellationToken));
        return rows == 1;
    }

    /// <summary>Drops an open reservation (the request failed with a fault; a retry may start again).</summary>
    public async Task<bool> AbandonAsync(string caller, string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM idempotency_records WHERE caller = @Caller AND idem_key = @Key AND status_code IS NULL
            """,
            new { Caller = caller, Key = key },
            cancellationToken: cancellationToken));
        return rows == 1;
    }

    /// <summary>Deletes records created before <paramref name="cutoff"/>; returns how many.</summary>
    public async Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM idempotency_records WHERE created_at < @Cutoff
            """,
            new { Cutoff = cutoff },
            cancellationToken: cancellationToken));
    }

    private static string InsertIfAbsent(Dialect dialect) => dialect switch
    {
        Dialect.SqlServer => """
            INSERT INTO idempotency_records (caller, idem_key, request_hash, created_at)
            SELECT @Caller, @Key, @RequestHash, @Now
            WHERE NOT EXISTS (SELECT 1 FROM idempotency_records WITH (UPDLOCK, HOLDLOCK) WHERE caller = @Caller AND idem_key = @Key)
            """,
        _ => """
            INSERT INTO idempotency_records (caller, idem_key, request_hash, created_at)
            VALUES (@Caller, @Key, @RequestHash, @Now)
            ON CONFLICT (caller, idem_key) DO NOTHING
            """,
    };

    private sealed class RecordRow
    {
        public string RequestHash { get; set; } = "";
        public int? StatusCode { get; set; }
        public string? ResponseBody { get; set; }
    }
}
