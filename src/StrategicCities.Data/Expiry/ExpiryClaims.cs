using System.Data.Common;
using Dapper;

namespace StrategicCities.Data.Expiry;

/// <summary>
/// Leases on expiries, so that of several instances sweeping deadlines only one fires a given expiry. A claim is an
/// insert-if-absent, else a conditional <c>UPDATE … WHERE completed_at IS NULL AND (claimed_until IS NULL OR
/// claimed_until &lt; @Now)</c>: the database's row lock makes the second of two concurrent claimers see the first's
/// lease and update nothing. A crashed holder's lease lapses and <see cref="ReclaimLapsedAsync"/> hands the row to
/// another instance (PostgreSQL <c>FOR UPDATE SKIP LOCKED … RETURNING</c>, SQL Server <c>UPDLOCK, READPAST … OUTPUT</c>,
/// SQLite single-writer <c>UPDATE … RETURNING</c>). Firing is idempotent anyway: the scanner skips terms whose trigger
/// is already among the events.
/// </summary>
public sealed class ExpiryClaims(DatabaseFactory factory, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>Tries to take the expiry for <paramref name="owner"/> for <paramref name="lease"/> (re-entrant for the same owner).</summary>
    public async Task<ClaimStatus> TryClaimAsync(ExpiryKey key, string trigger, string owner, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(trigger);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        var now = _time.GetUtcNow();
        var parameters = new
        {
            key.ApplicationId,
            key.TermId,
            key.DueOn,
            Trigger = trigger,
            Owner = owner,
            Now = now,
            Until = now + lease,
        };
        await using var connection = await factory.OpenAsync(cancellationToken);
        int rows;
        try
        {
            rows = await connection.ExecuteAsync(new CommandDefinition(InsertIfAbsent(factory.Dialect), parameters, cancellationToken: cancellationToken));
        }
        catch (DbException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            rows = 0;
        }

        if (rows == 1)
        {
            return ClaimStatus.Claimed;
        }

        rows = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE expiry_claims
            SET claimed_by = @Owner, claimed_until = @Until
            WHERE application_id = @ApplicationId AND term_id = @TermId AND due_on = @DueOn
              AND completed_at IS NULL
              AND (claimed_until IS NULL OR claimed_until < @Now OR claimed_by = @Owner)
            """,
            parameters,
            cancellationToken: cancellationToken));
        if (rows == 1)
        {
            return ClaimStatus.Claimed;
        }

        var completed = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT COUNT(*) FROM expiry_claims
            WHERE application_id = @ApplicationId AND term_id = @TermId AND due_on = @DueOn AND completed_at IS NOT NULL
            """,
            parameters,
            cancellationToken: cancellationToken));
        return completed > 0 ? ClaimStatus.AlreadyFired : ClaimStatus.HeldByOther;
    }

    /// <summary>Marks the expiry fired (it is never claimable again). False when <paramref name="owner"/> does not hold it.</summary>
    public async Task<bool> CompleteAsync(ExpiryKey key, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE expiry_claims
            SET completed_at = @Now, claimed_until = NULL
            WHERE application_id = @ApplicationId AND term_id = @TermId AND due_on = @DueOn
              AND claimed_by = @Owner AND completed_at IS NULL
            """,
            new { key.ApplicationId, key.TermId, key.DueOn, Owner = owner, Now = _time.GetUtcNow() },
            cancellationToken: cancellationToken));
        return rows == 1;
    }

    /// <summary>Gives the expiry back unfired (e.g. the trigger was not permitted yet). False when <paramref name="owner"/> does not hold it.</summary>
    public async Task<bool> ReleaseAsync(ExpiryKey key, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE expiry_claims
            SET claimed_by = NULL, claimed_until = NULL
            WHERE application_id = @ApplicationId AND term_id = @TermId AND due_on = @DueOn
              AND claimed_by = @Owner AND completed_at IS NULL
            """,
            new { key.ApplicationId, key.TermId, key.DueOn, Owner = owner },
            cancellationToken: cancellationToken));
        return rows == 1;
    }

    /// <summary>Takes up to <paramref name="max"/> unfired expiries whose lease lapsed or was released (a crashed instance's work).</summary>
    public async Task<IReadOnlyList<ExpiryClaim>> ReclaimLapsedAsync(string owner, TimeSpan lease, int max, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var now = _time.GetUtcNow();
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ClaimRow>(new CommandDefinition(
            ReclaimSql(factory.Dialect),
            new { Owner = owner, Now = now, Until = now + lease, Max = max },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new ExpiryClaim(new ExpiryKey(r.ApplicationId, r.TermId, r.DueOn), r.TriggerName, r.ClaimedBy, r.ClaimedUntil))];
    }

    private static string InsertIfAbsent(Dialect dialect) => dialect switch
    {
        Dialect.SqlServer => """
            INSERT INTO expiry_claims (application_id, term_id, due_on, trigger_name, claimed_by, claimed_until)
            SELECT @ApplicationId, @TermId, @DueOn, @Trigger, @Owner, @Until
            WHERE NOT EXISTS (
                SELECT 1 FROM expiry_claims WITH (UPDLOCK, HOLDLOCK)
                WHERE application_id = @ApplicationId AND term_id = @TermId AND due_on = @DueOn)
            """,
        _ => """
            INSERT INTO expiry_claims (application_id, term_id, due_on, trigger_name, claimed_by, claimed_until)
            VALUES (@ApplicationId, @TermId, @DueOn, @Trigger, @Owner, @Until)
            ON CONFLICT (application_id, term_id, due_on) DO NOTHING
            """,
    };

    private static string ReclaimSql(Dialect dialect) => dialect switch
    {
        Dialect.Postgres => """
            UPDATE expiry_claims c
            SET claimed_by = @Owner, claimed_until = @Until
            FROM (
                SELECT application_id, term_id, due_on
                FROM expiry_claims
                WHERE completed_at IS NULL AND (claimed_until IS NULL OR claimed_until < @Now)
                ORDER BY due_on, application_id
                LIMIT @Max
                FOR UPDATE SKIP LOCKED
            ) n
            WHERE c.application_id = n.application_id AND c.term_id = n.term_id AND c.due_on = n.due_on
            RETURNING c.application_id AS ApplicationId, c.term_id AS TermId, c.due_on AS DueOn,
                      c.trigger_name AS TriggerName, c.claimed_by AS ClaimedBy, c.claimed_until AS ClaimedUntil
            """,
        Dialect.SqlServer => """
            WITH next AS (
                SELECT TOP (@Max) *
                FROM expiry_claims WITH (UPDLOCK, READPAST, ROWLOCK)
                WHERE completed_at IS NULL AND (claimed_until IS NULL OR claimed_until < @Now)
                ORDER BY due_on, application_id
            )
            UPDATE next
            SET claimed_by = @Owner, claimed_until = @Until
            OUTPUT inserted.application_id AS ApplicationId, inserted.term_id AS TermId, inserted.due_on AS DueOn,
                   inserted.trigger_name AS TriggerName, inserted.claimed_by AS ClaimedBy, inserted.claimed_until AS ClaimedUntil;
            """,
        _ => """
            UPDATE expiry_claims
            SET claimed_by = @Owner, claimed_until = @Until
            WHERE rowid IN (
                SELECT rowid FROM expiry_claims
                WHERE completed_at IS NULL AND (claimed_until IS NULL OR claimed_until < @Now)
                ORDER BY due_on, application_id
                LIMIT @Max)
            RETURNING application_id AS ApplicationId, term_id AS TermId, due_on AS DueOn,
                      trigger_name AS TriggerName, claimed_by AS ClaimedBy, claimed_until AS ClaimedUntil
            """,
    };

    private sealed class ClaimRow
    {
        public Guid ApplicationId { get; set; }
        public string TermId { get; set; } = "";
        public DateOnly DueOn { get; set; }
        public string TriggerName { get; set; } = "";
        public string ClaimedBy { get; set; } = "";
        public DateTimeOffset ClaimedUntil { get; set; }
    }
}
