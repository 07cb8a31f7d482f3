using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;

namespace StrategicCities.Data.Idempotency;

/// <summary>
/// Idempotency records, unique per (caller, key). <see cref="BeginAsync"/> reserves the key with an insert-if-absent
/// (so of two concurrent first requests exactly one is <see cref="IdempotencyStatus.Started"/>); the response is stored
/// by <see cref="CompleteAsync(string, string, DateTimeOffset, int, string?, CancellationToken)"/> and replayed to later
/// requests with the same body hash.
/// <para>
/// A reservation is a lease of <see cref="Lease"/>: <c>lease_started_at</c> (or <c>created_at</c> for the first
/// attempt) is when the current attempt took the key. A record still open after its lease belongs to an attempt that
/// died (a crash, a kill): the next request with the key takes the lease over with a compare-and-set on that instant,
/// so of several retries exactly one starts, and the dead attempt, were it only slow, can no longer store its response
/// (completion is fenced by the same instant). The host keeps each attempt shorter than the lease (its request
/// timeout), so a live attempt is never taken over.
/// </para>
/// <para>
/// A dead attempt may have done its work before dying, without storing the response. A creation stays single anyway
/// when it uses <see cref="IdempotencyBegin.ResourceId"/> as the new resource's id: every attempt under the record
/// gets the same id, so a retry finds what the dead attempt created instead of creating it again.
/// </para>
/// </summary>
public sealed class IdempotencyStore
{
    /// <summary>The lease when none is given: the longest an attempt may run before a retry may take the key over.</summary>
    public static readonly TimeSpan DefaultLease = TimeSpan.FromSeconds(60);

    private readonly DatabaseFactory _factory;
    private readonly TimeProvider _time;

    /// <summary>A store over <paramref name="factory"/>.</summary>
    /// <param name="factory">The database.</param>
    /// <param name="timeProvider">The clock (leases and purges).</param>
    /// <param name="lease">How long an attempt holds its key (default <see cref="DefaultLease"/>).</param>
    public IdempotencyStore(DatabaseFactory factory, TimeProvider? timeProvider = null, TimeSpan? lease = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (lease is { } l)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(l, TimeSpan.Zero, nameof(lease));
        }

        _factory = factory;
        _time = timeProvider ?? TimeProvider.System;
        Lease = lease ?? DefaultLease;
    }

    /// <summary>How long an attempt holds its key before a retry may take it over.</summary>
    public TimeSpan Lease { get; }

    /// <summary>The request hash to store: SHA-256 over method, path and body.</summary>
    public static string HashRequest(string method, string path, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{method.ToUpperInvariant()} {path}\n"));
        hash.AppendData(body);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Reserves the key for this request, takes over a lapsed lease, or tells how an earlier request ended.</summary>
    public async Task<IdempotencyBegin> BeginAsync(string caller, string key, string requestHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(caller);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(key.Length, 200, nameof(key));
        ArgumentException.ThrowIfNullOrEmpty(requestHash);
        await using var connection = await _factory.OpenAsync(cancellationToken);

        // Each round either decides, or lost a race (a purge, another retry's take-over) and looks again.
        for (var round = 0; ; round++)
        {
            var now = Truncate(_time.GetUtcNow());
            var parameters = new { Caller = caller, Key = key, RequestHash = requestHash, Now = now };
            int inserted;
            try
            {
                inserted = await connection.ExecuteAsync(new CommandDefinition(InsertIfAbsent(_factory.Dialect), parameters, cancellationToken: cancellationToken));
            }
            catch (DbException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                inserted = 0;
            }

            if (inserted == 1)
            {
                return new IdempotencyBegin(IdempotencyStatus.Started, LeaseStartedAt: now, ResourceId: ResourceIdOf(caller, key, now));
            }

            var row = await connection.QuerySingleOrDefaultAsync<RecordRow>(new CommandDefinition(
                """
                SELECT request_hash AS RequestHash, status_code AS StatusCode, response_body AS ResponseBody, created_at AS CreatedAt,
                       COALESCE(lease_started_at, created_at) AS LeaseStartedAt
                FROM idempotency_records
                WHERE caller = @Caller AND idem_key = @Key
                """,
                parameters,
                cancellationToken: cancellationToken));
            if (row is null)
            {
                // Purged between our insert and our read: insert again.
                if (round < 3)
                {
                    continue;
                }

                return new IdempotencyBegin(IdempotencyStatus.InProgress, RetryAfter: TimeSpan.FromSeconds(1));
            }

            if (!string.Equals(row.RequestHash, requestHash, StringComparison.Ordinal))
            {
                return new IdempotencyBegin(IdempotencyStatus.Mismatch);
            }

            if (row.StatusCode is not null)
            {
                return new IdempotencyBegin(IdempotencyStatus.Replay, row.StatusCode, row.ResponseBody);
            }

            var lapsesAt = row.LeaseStartedAt + Lease;
            if (lapsesAt > now)
            {
                return new IdempotencyBegin(IdempotencyStatus.InProgress, RetryAfter: lapsesAt - now);
            }

            // The attempt holding the key outlived its lease: it died. Take the key over, atomically.
            var taken = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE idempotency_records SET lease_started_at = @Now
                WHERE caller = @Caller AND idem_key = @Key AND status_code IS NULL AND COALESCE(lease_started_at, created_at) = @Seen
                """,
                new { Caller = caller, Key = key, Now = now, Seen = row.LeaseStartedAt },
                cancellationToken: cancellationToken));
            if (taken == 1)
            {
                return new IdempotencyBegin(IdempotencyStatus.Started, LeaseStartedAt: now, ResourceId: ResourceIdOf(caller, key, row.CreatedAt));
            }

            if (round >= 3)
            {
                return new IdempotencyBegin(IdempotencyStatus.InProgress, RetryAfter: TimeSpan.FromSeconds(1));
            }
        }
    }

    /// <summary>
    /// Stores the response of the attempt that took the key at <paramref name="leaseStartedAt"/>. False when that
    /// attempt no longer holds the key (its lease was taken over, or the record is gone).
    /// </summary>
    public async Task<bool> CompleteAsync(
        string caller, string key, DateTimeOffset leaseStartedAt, int statusCode, string? responseBody, CancellationToken cancellationToken = default)
    {
        await using var connection = await _factory.OpenAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE idempotency_records
            SET status_code = @StatusCode, response_body = @ResponseBody, completed_at = @Now
            WHERE caller = @Caller AND idem_key = @Key AND status_code IS NULL AND COALESCE(lease_started_at, created_at) = @LeaseStartedAt
            """,
            new { Caller = caller, Key = key, LeaseStartedAt = leaseStartedAt, StatusCode = statusCode, ResponseBody = responseBody, Now = _time.GetUtcNow() },
            cancellationToken: cancellationToken));
        return rows == 1;
    }

    /// <summary>Stores the response of a started request, whoever holds the key. False when there is no open reservation.</summary>
    public async Task<bool> CompleteAsync(string caller, string key, int statusCode, string? responseBody, CancellationToken cancellationToken = default)
    {
        await using var connection = await _factory.OpenAsync(cancellationToken);
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

    /// <summary>Drops the reservation of the attempt that took the key at <paramref name="leaseStartedAt"/> (it failed with a fault).</summary>
    public async Task<bool> AbandonAsync(string caller, string key, DateTimeOffset leaseStartedAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await _factory.OpenAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM idempotency_records
            WHERE caller = @Caller AND idem_key = @Key AND status_code IS NULL AND COALESCE(lease_started_at, created_at) = @LeaseStartedAt
            """,
            new { Caller = caller, Key = key, LeaseStartedAt = leaseStartedAt },
            cancellationToken: cancellationToken));
        return rows == 1;
    }

    /// <summary>Drops an open reservation (the request failed with a fault; a retry may start again).</summary>
    public async Task<bool> AbandonAsync(string caller, string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await _factory.OpenAsync(cancellationToken);
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
        await using var connection = await _factory.OpenAsync(cancellationToken);
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

    /// <summary>A GUID (version 8) fixed by the record: caller, key and the instant the record was first created.</summary>
    private static Guid ResourceIdOf(string caller, string key, DateTimeOffset createdAt)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{caller}\n{key}\n{createdAt.UtcTicks}"), hash);
        var bytes = hash[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    // Whole microseconds: the instant is compared for equality after a round trip, and PostgreSQL keeps microseconds.
    private static DateTimeOffset Truncate(DateTimeOffset instant) => instant.AddTicks(-(instant.UtcTicks % 10));

    private sealed class RecordRow
    {
        public string RequestHash { get; set; } = "";
        public int? StatusCode { get; set; }
        public string? ResponseBody { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset LeaseStartedAt { get; set; }
    }
}
