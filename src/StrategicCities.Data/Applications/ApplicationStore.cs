using System.Data.Common;
using System.Text.Json;
using Dapper;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Applications;

namespace StrategicCities.Data.Applications;

/// <summary>
/// Applications and their audit trail. Every write is conditional on the version the caller read
/// (<c>UPDATE … WHERE id = @Id AND version = @ExpectedVersion</c>): 0 rows is an outcome (<see cref="WriteStatus"/>),
/// not an exception. A state change and its event are one transaction; the event's sequence number is max + 1 under
/// the row lock the UPDATE took, and the unique (application_id, seq) key turns any race into
/// <see cref="WriteStatus.Conflict"/>. Reads and writes are scoped: an application outside the caller's
/// <see cref="MunicipalityScope"/> is not found.
/// </summary>
public sealed class ApplicationStore(DatabaseFactory factory, TimeProvider? timeProvider = null) : IApplicationRepository
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>Test hook: runs between the statements of a multi-statement write (step names: "submit", "transition").</summary>
    internal Func<DbConnection, string, CancellationToken, Task>? BetweenStatements { get; set; }

    private const string Columns = """
        id, municipality, office_id AS OfficeId, regime, form, state, data, version,
        created_at AS CreatedAt, updated_at AS UpdatedAt, created_by AS CreatedBy,
        filed_on AS FiledOn, decided_on AS DecidedOn, outcome,
        pinned_versions AS PinnedVersions, procedure_id AS ProcedureId,
        procedure_version AS ProcedureVersion, procedure_hash AS ProcedureHash
        """;

    private const string SummaryColumns = """
        id, municipality, office_id AS OfficeId, regime, form, state, version,
        created_at AS CreatedAt, updated_at AS UpdatedAt, filed_on AS FiledOn, decided_on AS DecidedOn, outcome
        """;

    /// <summary>Stores a new draft (version 1, no events: a draft is not yet an act).</summary>
    public async Task<ApplicationRecord> CreateDraftAsync(NewApplication draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        MunicipalityCode.ThrowIfInvalid(draft.Municipality, nameof(draft));
        var now = _time.GetUtcNow();
        var record = new ApplicationRecord
        {
            Id = draft.Id ?? Guid.CreateVersion7(now),
            Municipality = draft.Municipality,
            OfficeId = draft.OfficeId,
            Regime = draft.Regime,
            Form = draft.Form,
            State = draft.State,
            Data = draft.Data,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
            CreatedBy = draft.CreatedBy.Id,
        };
        await using var connection = await factory.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO applications
                    (id, municipality, office_id, regime, form, state, data, version, created_at, updated_at, created_by)
                VALUES
                    (@Id, @Municipality, @OfficeId, @Regime, @Form, @State, @Data, @Version, @CreatedAt, @UpdatedAt, @CreatedBy)
                """,
                record,
                cancellationToken: cancellationToken));
        }
        catch (DbException ex) when (draft.Id is not null && DbErrors.IsUniqueViolation(ex))
        {
            // An id chosen by the caller makes the creation idempotent (a retry of a request whose process died after
            // creating it): the application the same creator made with that id is the answer.
            var existing = await GetAsync(record.Id, MunicipalityScope.Everywhere, cancellationToken);
            if (existing is null || !string.Equals(existing.CreatedBy, record.CreatedBy, StringComparison.Ordinal))
            {
                throw;
            }

            return existing;
        }

        return record;
    }

    /// <summary>The application, or null when it does not exist or is outside <paramref name="scope"/>.</summary>
    public async Task<ApplicationRecord?> GetAsync(Guid id, MunicipalityScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await factory.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ApplicationRow>(new CommandDefinition(
            $"""
            SELECT {Columns}
            FROM applications
            WHERE id = @Id AND {scope.Predicate(factory.Dialect)}
            """,
            new { Id = id, ScopeMunicipalities = scope.Municipalities },
            cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    /// <summary>Replaces the form data if the application is still at <paramref name="expectedVersion"/>.</summary>
    public async Task<WriteOutcome> UpdateDataAsync(
        Guid id, long expectedVersion, string data, MunicipalityScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE applications
            SET data = @Data, version = version + 1, updated_at = @Now
            WHERE id = @Id AND version = @ExpectedVersion AND {scope.Predicate(factory.Dialect)}
            """,
            new { Id = id, ExpectedVersion = expectedVersion, Data = data, Now = _time.GetUtcNow(), ScopeMunicipalities = scope.Municipalities },
            cancellationToken: cancellationToken));
        return rows == 1
            ? new WriteOutcome(WriteStatus.Ok, expectedVersion + 1)
            : await DiagnoseAsync(connection, null, id, expectedVersion, null, scope, cancellationToken);
    }

    /// <summary>
    /// Files a draft: state, pins, procedure, filing date and the first event, atomically. Refused (as an outcome) if
    /// the version or state moved, or the application is already filed.
    /// </summary>
    public async Task<WriteOutcome> SubmitAsync(SubmitApplication submit, MunicipalityScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submit);
        ArgumentNullException.ThrowIfNull(scope);
        var now = _time.GetUtcNow();
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE applications
            SET state = @ToState, version = version + 1, updated_at = @Now, filed_on = @FiledOn,
                pinned_versions = @PinnedVersions, procedure_id = @ProcedureId, procedure_version = @ProcedureVersion,
                procedure_hash = @ProcedureHash, regime = COALESCE(@Regime, regime), office_id = COALESCE(@OfficeId, office_id)
            WHERE id = @Id AND version = @ExpectedVersion AND state = @FromState AND filed_on IS NULL AND {scope.Predicate(factory.Dialect)}
            """,
            new
            {
                submit.Id,
                submit.ExpectedVersion,
                submit.FromState,
                submit.ToState,
                Now = now,
                submit.FiledOn,
                PinnedVersions = JsonSerializer.Serialize(submit.PinnedVersions, Json),
                ProcedureId = submit.Procedure.Id,
                ProcedureVersion = submit.Procedure.Version,
                ProcedureHash = submit.Procedure.Hash,
                submit.Regime,
                submit.OfficeId,
                ScopeMunicipalities = scope.Municipalities,
            },
            tx,
            cancellationToken: cancellationToken));
        if (rows != 1)
        {
            return await DiagnoseAsync(connection, tx, submit.Id, submit.ExpectedVersion, submit.FromState, scope, cancellationToken);
        }

        if (BetweenStatements is { } hook)
        {
            await hook(connection, "submit", cancellationToken);
        }

        return await AppendEventAndCommitAsync(
            connection, tx, submit.Id, submit.ExpectedVersion + 1, now, submit.Actor, submit.Trigger, submit.FromState, submit.ToState, submit.Payload, cancellationToken);
    }

    /// <summary>Re-pins a filed application: new pins and procedure file plus the audit event, atomically.</summary>
    public async Task<WriteOutcome> RepinAsync(RepinApplication repin, MunicipalityScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repin);
        ArgumentNullException.ThrowIfNull(scope);
        var now = _time.GetUtcNow();
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE applications
            SET version = version + 1, updated_at = @Now, pinned_versions = @PinnedVersions,
                procedure_version = @ProcedureVersion, procedure_hash = @ProcedureHash
            WHERE id = @Id AND version = @ExpectedVersion AND state = @State AND filed_on IS NOT NULL AND {scope.Predicate(factory.Dialect)}
            """,
            new
            {
                repin.Id,
                repin.ExpectedVersion,
                repin.State,
                Now = now,
                PinnedVersions = JsonSerializer.Serialize(repin.PinnedVersions, Json),
                ProcedureVersion = repin.Procedure.Version,
                ProcedureHash = repin.Procedure.Hash,
                ScopeMunicipalities = scope.Municipalities,
            },
            tx,
            cancellationToken: cancellationToken));
        if (rows != 1)
        {
            return await DiagnoseAsync(connection, tx, repin.Id, repin.ExpectedVersion, repin.State, scope, cancellationToken);
        }

        return await AppendEventAndCommitAsync(
            connection, tx, repin.Id, repin.ExpectedVersion + 1, now, repin.Actor, RepinApplication.Trigger, repin.State, repin.State, repin.Payload, cancellationToken);
    }

    /// <summary>Fires a trigger: the state change (and decision, if any) plus its event, atomically.</summary>
    public async Task<WriteOutcome> TransitionAsync(TransitionApplication transition, MunicipalityScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transition);
        ArgumentNullException.ThrowIfNull(scope);
        var now = _time.GetUtcNow();
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE applications
            SET state = @ToState, version = version + 1, updated_at = @Now,
                decided_on = COALESCE(@DecidedOn, decided_on), outcome = COALESCE(@Outcome, outcome)
            WHERE id = @Id AND version = @ExpectedVersion AND state = @FromState AND {scope.Predicate(factory.Dialect)}
            """,
            new
            {
                transition.Id,
                transition.ExpectedVersion,
                transition.FromState,
                transition.ToState,
                Now = now,
                transition.DecidedOn,
                transition.Outcome,
                ScopeMunicipalities = scope.Municipalities,
            },
            tx,
            cancellationToken: cancellationToken));
        if (rows != 1)
        {
            return await DiagnoseAsync(connection, tx, transition.Id, transition.ExpectedVersion, transition.FromState, scope, cancellationToken);
        }

        if (BetweenStatements is { } hook)
        {
            await hook(connection, "transition", cancellationToken);
        }

        return await AppendEventAndCommitAsync(
            connection, tx, transition.Id, transition.ExpectedVersion + 1, now, transition.Actor, transition.Trigger,
            transition.FromState, transition.ToState, transition.Payload, cancellationToken);
    }

    /// <summary>The audit trail in sequence order, or null when the application is not found in <paramref name="scope"/>.</summary>
    public async Task<IReadOnlyList<ApplicationEvent>?> ListEventsAsync(Guid id, MunicipalityScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await factory.OpenAsync(cancellationToken);
        var visible = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"""
            SELECT COUNT(*) FROM applications WHERE id = @Id AND {scope.Predicate(factory.Dialect)}
            """,
            new { Id = id, ScopeMunicipalities = scope.Municipalities },
            cancellationToken: cancellationToken));
        if (visible == 0)
        {
            return null;
        }

        var rows = await connection.QueryAsync<EventRow>(new CommandDefinition(
            """
            SELECT application_id AS ApplicationId, seq AS Sequence, occurred_at AS OccurredAt, actor_id AS ActorId,
                   actor_role AS ActorRole, trigger_name AS TriggerName, from_state AS FromState, to_state AS ToState,
                   payload, pinned_versions AS PinnedVersions, procedure_id AS ProcedureId,
                   procedure_version AS ProcedureVersion, procedure_hash AS ProcedureHash
            FROM application_events
            WHERE application_id = @Id
            ORDER BY seq
            """,
            new { Id = id },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToEvent())];
    }

    /// <summary>Applications matching the filters within <paramref name="scope"/>, newest first.</summary>
    public async Task<PagedResult<ApplicationSummary>> SearchAsync(ApplicationQuery query, MunicipalityScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Page, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfNotEqual(query.PageSize is >= 1 and <= 500, true, nameof(query));

        // Fixed fragments only; every value is a parameter.
        var where = new List<string> { scope.Predicate(factory.Dialect) };
        if (query.Municipality is not null)
        {
            // On PostgreSQL the column is char(6): a text parameter casts the column instead and loses its index (a scan of
            // every application per search); bpchar (no length) compares as the column does and never truncates the value.
            where.Add(factory.Dialect == Dialect.Postgres ? "municipality = CAST(@Municipality AS bpchar)" : "municipality = @Municipality");
        }

        if (query.State is not null)
        {
            where.Add("state = @State");
        }

        if (query.Regime is not null)
        {
            where.Add("regime = @Regime");
        }

        if (query.OfficeId is not null)
        {
            where.Add("office_id = @OfficeId");
        }

        if (query.FiledFrom is not null)
        {
            where.Add("filed_on >= @FiledFrom");
        }

        if (query.FiledTo is not null)
        {
            where.Add("filed_on <= @FiledTo");
        }

        var predicate = string.Join(" AND ", where);
        var paging = factory.Dialect == Dialect.SqlServer
            ? "OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY"
            : "LIMIT @Take OFFSET @Skip";
        var parameters = new
        {
            query.Municipality,
            query.State,
            query.Regime,
            query.OfficeId,
            query.FiledFrom,
            query.FiledTo,
            // In 64 bits: page × pageSize overflows an int long before a database would refuse the offset.
            Skip = (query.Page - 1L) * query.PageSize,
            Take = query.PageSize,
            ScopeMunicipalities = scope.Municipalities,
        };

        await using var connection = await factory.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"""
            SELECT COUNT(*) FROM applications WHERE {predicate}
            """,
            parameters,
            cancellationToken: cancellationToken));
        var items = await connection.QueryAsync<ApplicationSummary>(new CommandDefinition(
            $"""
            SELECT {SummaryColumns}
            FROM applications
            WHERE {predicate}
            ORDER BY created_at DESC, id DESC
            {paging}
            """,
            parameters,
            cancellationToken: cancellationToken));
        return new PagedResult<ApplicationSummary>([.. items], query.Page, query.PageSize, total);
    }

    private static async Task<WriteOutcome> AppendEventAndCommitAsync(
        DbConnection connection, DbTransaction tx, Guid id, long newVersion, DateTimeOffset now, Actor actor, string trigger,
        string? fromState, string toState, string? payload, CancellationToken cancellationToken)
    {
        // The UPDATE above holds the application's row lock until commit, so max + 1 is ours; the primary key
        // (application_id, seq) still turns any other path into a Conflict rather than a gap or a duplicate.
        var seq = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT COALESCE(MAX(seq), 0) + 1 FROM application_events WHERE application_id = @Id
            """,
            new { Id = id },
            tx,
            cancellationToken: cancellationToken));
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO application_events
                    (application_id, seq, occurred_at, actor_id, actor_role, trigger_name, from_state, to_state, payload,
                     pinned_versions, procedure_id, procedure_version, procedure_hash)
                SELECT a.id, @Seq, @Now, @ActorId, @ActorRole, @Trigger, @FromState, @ToState, @Payload,
                       a.pinned_versions, a.procedure_id, a.procedure_version, a.procedure_hash
                FROM applications a
                WHERE a.id = @Id
                """,
                new { Id = id, Seq = seq, Now = now, ActorId = actor.Id, ActorRole = actor.Role, Trigger = trigger, FromState = fromState, ToState = toState, Payload = payload },
                tx,
                cancellationToken: cancellationToken));
        }
        catch (DbException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            await tx.RollbackAsync(cancellationToken);
            return new WriteOutcome(WriteStatus.Conflict);
        }

        await tx.CommitAsync(cancellationToken);
        return new WriteOutcome(WriteStatus.Ok, newVersion, seq);
    }

    private async Task<WriteOutcome> DiagnoseAsync(
        DbConnection connection, DbTransaction? tx, Guid id, long expectedVersion, string? fromState, MunicipalityScope scope, CancellationToken cancellationToken)
    {
        var current = await connection.QuerySingleOrDefaultAsync<CurrentRow>(new CommandDefinition(
            $"""
            SELECT version, state, filed_on AS FiledOn FROM applications WHERE id = @Id AND {scope.Predicate(factory.Dialect)}
            """,
            new { Id = id, ScopeMunicipalities = scope.Municipalities },
            tx,
            cancellationToken: cancellationToken));
        if (tx is not null)
        {
            await tx.RollbackAsync(cancellationToken);
        }

        return current switch
        {
            null => new WriteOutcome(WriteStatus.NotFound),
            { Version: var v } when v != expectedVersion => new WriteOutcome(WriteStatus.Stale, v),
            { State: var s } when fromState is not null && !string.Equals(s, fromState, StringComparison.Ordinal) => new WriteOutcome(WriteStatus.WrongState, current.Version),
            _ => new WriteOutcome(WriteStatus.AlreadyFiled, current.Version),
        };
    }

    private static List<PinnedVersion> ReadPins(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<List<PinnedVersion>>(json, Json) ?? [];

    private static ProcedurePin? ReadProcedure(string? id, string? version, string? hash) =>
        id is null ? null : new ProcedurePin(id, version ?? "", hash ?? "");

    // Dapper materialises these by name (see the column aliases); the public records stay immutable.
    private sealed class ApplicationRow
    {
        public Guid Id { get; set; }
        public string Municipality { get; set; } = "";
        public Guid? OfficeId { get; set; }
        public string? Regime { get; set; }
        public string Form { get; set; } = "";
        public string State { get; set; } = "";
        public string Data { get; set; } = "";
        public long Version { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset UpdatedAt { get; set; }
        public string CreatedBy { get; set; } = "";
        public DateOnly? FiledOn { get; set; }
        public DateOnly? DecidedOn { get; set; }
        public string? Outcome { get; set; }
        public string? PinnedVersions { get; set; }
        public string? ProcedureId { get; set; }
        public string? ProcedureVersion { get; set; }
        public string? ProcedureHash { get; set; }

        public ApplicationRecord ToRecord() => new()
        {
            Id = Id,
            Municipality = Municipality,
            OfficeId = OfficeId,
            Regime = Regime,
            Form = Form,
            State = State,
            Data = Data,
            Version = Version,
            CreatedAt = CreatedAt,
            UpdatedAt = UpdatedAt,
            CreatedBy = CreatedBy,
            FiledOn = FiledOn,
            DecidedOn = DecidedOn,
            Outcome = Outcome,
            PinnedVersions = ReadPins(PinnedVersions),
            Procedure = ReadProcedure(ProcedureId, ProcedureVersion, ProcedureHash),
        };
    }

    private sealed class CurrentRow
    {
        public long Version { get; set; }
        public string State { get; set; } = "";
        public DateOnly? FiledOn { get; set; }
    }

    private sealed class EventRow
    {
        public Guid ApplicationId { get; set; }
        public long Sequence { get; set; }
        public DateTimeOffset OccurredAt { get; set; }
        public string ActorId { get; set; } = "";
        public string ActorRole { get; set; } = "";
        public string TriggerName { get; set; } = "";
        public string? FromState { get; set; }
        public string ToState { get; set; } = "";
        public string? Payload { get; set; }
        public string? PinnedVersions { get; set; }
        public string? ProcedureId { get; set; }
        public string? ProcedureVersion { get; set; }
        public string? ProcedureHash { get; set; }

        public ApplicationEvent ToEvent() => new()
        {
            ApplicationId = ApplicationId,
            Sequence = Sequence,
            OccurredAt = OccurredAt,
            Actor = new Actor(ActorId, ActorRole),
            Trigger = TriggerName,
            FromState = FromState,
            ToState = ToState,
            Payload = Payload,
            PinnedVersions = ReadPins(PinnedVersions),
            Procedure = ReadProcedure(ProcedureId, ProcedureVersion, ProcedureHash),
        };
    }
}
