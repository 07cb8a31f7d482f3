using System.Data;
using System.Data.Common;
using System.Globalization;
using Dapper;
using StrategicCities.Core.Monitoring.Seeding;

namespace StrategicCities.Data.Monitoring;

/// <summary>
/// Writes seeded offices and applications (rows, events, clock facts) in batches, one transaction per batch.
/// Settled decision: plain prepared ADO.NET commands rather than Dapper here, because Dapper re-binds parameters per
/// row; with one prepared INSERT per table and reused parameters SQLite and PostgreSQL write ~100k rows/s, and where
/// the driver batches (<see cref="DbConnection.CanCreateBatch"/>: Npgsql, SqlClient) a batch goes in one round trip.
/// The SQL is the same INSERT the stores use.
/// </summary>
public sealed class BulkApplicationWriter(DatabaseFactory factory)
{
    private const string InsertApplication = """
        INSERT INTO applications
            (id, municipality, office_id, regime, form, state, data, pinned_versions, procedure_id, procedure_version,
             procedure_hash, version, created_at, updated_at, created_by, filed_on, decided_on, outcome,
             within_term, integration_requests, integration_days, clock_assessed_version)
        VALUES
            (@id, @municipality, @office_id, @regime, @form, @state, @data, NULL, @procedure_id, @procedure_version,
             @procedure_hash, @version, @created_at, @updated_at, @created_by, @filed_on, @decided_on, @outcome,
             @within_term, @integration_requests, @integration_days, @version)
        """;

    private const string InsertEvent = """
        INSERT INTO application_events
            (application_id, seq, occurred_at, actor_id, actor_role, trigger_name, from_state, to_state, payload,
             pinned_versions, procedure_id, procedure_version, procedure_hash)
        VALUES
            (@application_id, @seq, @occurred_at, @actor_id, @actor_role, @trigger_name, @from_state, @to_state, @payload,
             NULL, @procedure_id, @procedure_version, @procedure_hash)
        """;

    /// <summary>The actor id recorded on seeded rows and events.</summary>
    public const string SeedActor = "seed";

    /// <summary>Stores the offices and the municipalities they serve.</summary>
    public async Task WriteOfficesAsync(IEnumerable<SeedOffice> offices, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(offices);
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var office in offices)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO offices (id, name, created_at) VALUES (@Id, @Name, @Now)",
                new { office.Id, office.Name, Now = now }, tx, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO office_municipalities (office_id, municipality) VALUES (@Id, @Municipality)",
                office.Municipalities.Select(m => new { office.Id, Municipality = m }), tx, cancellationToken: cancellationToken));
        }

        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>Stores applications in transactions of <paramref name="batchSize"/>; returns how many.</summary>
    public async Task<long> WriteApplicationsAsync(
        IEnumerable<SeededApplication> applications, int batchSize = 2_000, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        long written = 0;
        var batch = new List<SeededApplication>(batchSize);
        await using var connection = await factory.OpenAsync(cancellationToken);
        foreach (var application in applications)
        {
            batch.Add(application);
            if (batch.Count == batchSize)
            {
                written += await WriteBatchAsync(connection, batch, cancellationToken);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            written += await WriteBatchAsync(connection, batch, cancellationToken);
        }

        return written;
    }

    private async Task<int> WriteBatchAsync(DbConnection connection, List<SeededApplication> batch, CancellationToken cancellationToken)
    {
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var rows = new List<(string Sql, object?[] Values, string[] Names)>();
        foreach (var a in batch)
        {
            var created = a.FiledOn.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc);
            var lastAt = new DateTimeOffset(created, TimeSpan.Zero);
            var seq = 0;
            var events = new List<object?[]>();
            foreach (var e in a.Events)
            {
                seq++;
                var at = new DateTimeOffset(e.Date.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc), TimeSpan.Zero).AddMinutes(seq);
                lastAt = at;
                events.Add(
                [
                    a.Id, (long)seq, at, SeedActor, e.Role, e.Trigger, e.From, e.To,
                    $$"""{"date":"{{e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}}"}""",
                    a.Procedure.Id, a.Procedure.Version, a.Procedure.Hash,
                ]);
            }

            rows.Add((InsertApplication,
            [
                a.Id, a.Municipality, a.OfficeId, a.Regime, a.Regime, a.State, a.Data, a.Procedure.Id, a.Procedure.Version,
                a.Procedure.Hash, (long)(1 + a.Events.Count), new DateTimeOffset(created, TimeSpan.Zero), lastAt, SeedActor,
                a.FiledOn, a.Clock.DecidedOn, a.Clock.Outcome, a.Clock.WithinTerm, a.Clock.IntegrationRequests, a.Clock.IntegrationDays,
            ], ApplicationParameters));
            rows.AddRange(events.Select(v => (InsertEvent, v, EventParameters)));
        }

        if (connection.CanCreateBatch)
        {
            await using var dbBatch = connection.CreateBatch();
            dbBatch.Transaction = tx;
            foreach (var (sql, values, names) in rows)
            {
                var command = dbBatch.CreateBatchCommand();
                command.CommandText = factory.Dialect == Dialect.Postgres ? Positional(sql, names) : sql;
                for (var i = 0; i < names.Length; i++)
                {
                    var p = command.CreateParameter();
                    if (factory.Dialect != Dialect.Postgres)
                    {
                        p.ParameterName = "@" + names[i];
                    }

                    Bind(p, values[i]);
                    command.Parameters.Add(p);
                }

                dbBatch.BatchCommands.Add(command);
            }

            await dbBatch.ExecuteNonQueryAsync(cancellationToken);
        }
        else
        {
            var prepared = new Dictionary<string, DbCommand>(StringComparer.Ordinal);
            try
            {
                foreach (var (sql, values, names) in rows)
                {
                    if (!prepared.TryGetValue(sql, out var command))
                    {
                        command = connection.CreateCommand();
                        command.Transaction = tx;
                        command.CommandText = sql;
                        foreach (var name in names)
                        {
                            var p = command.CreateParameter();
                            p.ParameterName = "@" + name;
                            command.Parameters.Add(p);
                        }

                        await command.PrepareAsync(cancellationToken);
                        prepared[sql] = command;
                    }

                    for (var i = 0; i < names.Length; i++)
                    {
                        Bind(command.Parameters[i], values[i]);
                    }

                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
            }
            finally
            {
                foreach (var command in prepared.Values)
                {
                    await command.DisposeAsync();
                }
            }
        }

        await tx.CommitAsync(cancellationToken);
        return batch.Count;
    }

    private static readonly string[] ApplicationParameters =
    [
        "id", "municipality", "office_id", "regime", "form", "state", "data", "procedure_id", "procedure_version",
        "procedure_hash", "version", "created_at", "updated_at", "created_by", "filed_on", "decided_on", "outcome",
        "within_term", "integration_requests", "integration_days",
    ];

    private static readonly string[] EventParameters =
    [
        "application_id", "seq", "occurred_at", "actor_id", "actor_role", "trigger_name", "from_state", "to_state", "payload",
        "procedure_id", "procedure_version", "procedure_hash",
    ];

    // Npgsql batches take positional parameters ($1…); the named form would make it rewrite every statement.
    private static string Positional(string sql, string[] names)
    {
        for (var i = names.Length - 1; i >= 0; i--)
        {
            sql = System.Text.RegularExpressions.Regex.Replace(sql, $@"@{names[i]}\b", "$" + (i + 1).ToString(CultureInfo.InvariantCulture));
        }

        return sql;
    }

    // The same representations as SqlTypeHandlers: SQLite gets text for GUIDs, instants and dates, and 1/0 for booleans.
    private void Bind(DbParameter p, object? value)
    {
        var sqlite = factory.Dialect == Dialect.Sqlite;
        if (value is null)
        {
            // No type: Npgsql sends an untyped NULL that fits any column (a typed text NULL would not fit uuid).
            p.Value = DBNull.Value;
            return;
        }

        (DbType Type, object Value) bound = value switch
        {
            Guid g when sqlite => (DbType.String, g.ToString("D")),
            Guid g => (DbType.Guid, g),
            DateTimeOffset d when sqlite => (DbType.String, SqlTypeHandlers.FormatInstant(d)),
            DateTimeOffset d => (DbType.DateTimeOffset, d.ToUniversalTime()),
            DateOnly d when sqlite => (DbType.String, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            DateOnly d => (DbType.Date, d),
            bool b when sqlite => (DbType.Int64, b ? 1L : 0L),
            bool b => (DbType.Boolean, b),
            int i => (DbType.Int32, i),
            long l => (DbType.Int64, l),
            string s => (DbType.String, s),
            _ => throw new ArgumentException($"Unexpected parameter type {value.GetType()}.", nameof(value)),
        };
        p.DbType = bound.Type;
        p.Value = bound.Value;
    }
}
