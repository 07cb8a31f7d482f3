using System.Text.Json;
using Dapper;
using StrategicCities.Core.Monitoring;
using StrategicCities.Core.Procedures;
using StrategicCities.Core.Procedures.Clock;

using StrategicCities.Data.Applications;
using StrategicCities.Core.Applications;

namespace StrategicCities.Data.Monitoring;

/// <summary>
/// Keeps the clock facts on the application rows fresh (migration 0002): every filed application whose version moved
/// past <c>clock_assessed_version</c> (a trigger fired through the API since the last assessment) is assessed again
/// from its events with the legal clock (<see cref="ApplicationClock"/>), on the definition in force on its filing
/// date composed for its municipality. Run lazily before statistics are computed. The update is conditional on the
/// version read, so a concurrent transition simply leaves the row stale for the next refresh.
/// </summary>
public sealed class ClockRefresher(DatabaseFactory factory)
{
    /// <summary>Assesses again every stale row; returns how many rows were updated.</summary>
    public async Task<int> RefreshAsync(ProcedureCatalog procedures, ItalianCalendar calendar, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(procedures);
        ArgumentNullException.ThrowIfNull(calendar);
        await using var connection = await factory.OpenAsync(cancellationToken);
        var stale = (await connection.QueryAsync<StaleRow>(new CommandDefinition(
            """
            SELECT id AS Id, municipality AS Municipality, regime AS Regime, filed_on AS FiledOn, version AS Version
            FROM applications
            WHERE filed_on IS NOT NULL AND regime IS NOT NULL AND (clock_assessed_version IS NULL OR clock_assessed_version < version)
            """, cancellationToken: cancellationToken))).ToList();
        var updated = 0;
        foreach (var row in stale)
        {
            var municipality = procedures.Rules.Municipalities.Find(row.Municipality.Trim());
            var definition = municipality is null ? null : procedures.Compose(row.Regime!, municipality, row.FiledOn).Definition;
            if (definition is null)
            {
                continue;
            }

            var events = (await connection.QueryAsync<EventRow>(new CommandDefinition(
                """
                SELECT trigger_name AS TriggerName, from_state AS FromState, to_state AS ToState, actor_role AS ActorRole,
                       payload AS Payload, occurred_at AS OccurredAt
                FROM application_events WHERE application_id = @Id ORDER BY seq
                """, new { row.Id }, cancellationToken: cancellationToken)))
                .Select(e => ProcedureEvents.Decode(e.TriggerName, e.FromState, e.ToState, e.ActorRole, e.Payload, e.OccurredAt))
                .OfType<ProcedureEvent>()
                .ToList();
            var clock = ApplicationClock.Assess(definition, events, calendar, municipality!.Code);
            updated += await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE applications
                SET decided_on = COALESCE(@DecidedOn, decided_on), outcome = COALESCE(@Outcome, outcome), within_term = @WithinTerm,
                    integration_requests = @IntegrationRequests, integration_days = @IntegrationDays, clock_assessed_version = @Version
                WHERE id = @Id AND version = @Version
                """,
                new { clock.DecidedOn, clock.Outcome, clock.WithinTerm, clock.IntegrationRequests, clock.IntegrationDays, row.Version, row.Id },
                cancellationToken: cancellationToken));
        }

        return updated;
    }

    private sealed class StaleRow
    {
        public Guid Id { get; set; }

        public string Municipality { get; set; } = "";

        public string? Regime { get; set; }

        public DateOnly FiledOn { get; set; }

        public long Version { get; set; }
    }

    private sealed class EventRow
    {
        public string TriggerName { get; set; } = "";

        public string? FromState { get; set; }

        public string ToState { get; set; } = "";

        public string ActorRole { get; set; } = "";

        public string? Payload { get; set; }

        public DateTimeOffset OccurredAt { get; set; }
    }
}
