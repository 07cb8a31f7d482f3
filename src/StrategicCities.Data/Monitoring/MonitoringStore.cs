using Dapper;
using StrategicCities.Core.Monitoring;
using StrategicCities.Core.OpenData;

namespace StrategicCities.Data.Monitoring;

/// <summary>
/// Statistics and open data over the applications. Counts are SQL aggregates (exact); percentiles are computed in
/// Core over the decided applications' durations, streamed unbuffered; the within-term flags and the interruptions are
/// the clock facts kept on the row (migration 0002). Rows are streamed, never loaded all at once.
/// </summary>
public sealed class MonitoringStore(DatabaseFactory factory)
{
    /// <summary>The report for <paramref name="query"/>.</summary>
    public async Task<StatisticsReport> StatisticsAsync(StatisticsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var dims = query.GroupBy.Distinct().ToList();
        var (where, parameters) = Filter(query);
        var select = new List<string>();
        var group = new List<string>();
        void Dim(StatisticsDimension d, string expression, string alias)
        {
            if (dims.Contains(d))
            {
                select.Add($"{expression} AS {alias}");
                group.Add(expression);
            }
            else
            {
                select.Add($"NULL AS {alias}");
            }
        }

        Dim(StatisticsDimension.Municipality, "municipality", "Municipality");
        Dim(StatisticsDimension.Office, "office_id", "OfficeId");
        Dim(StatisticsDimension.Regime, "regime", "Regime");
        Dim(StatisticsDimension.Month, MonthOf("filed_on"), "Month");
        var keys = string.Join(", ", select);
        var groupBy = group.Count == 0 ? "" : "GROUP BY " + string.Join(", ", group);
        var isTrue = factory.Dialect == Dialect.Postgres ? "TRUE" : "1";
        // Dapper passes a list to Npgsql as one array parameter: PostgreSQL needs = ANY (…), the others get IN (…) expanded.
        var decisionRegime = factory.Dialect == Dialect.Postgres ? "regime = ANY(@DecisionRegimes)" : "regime IN @DecisionRegimes";

        await using var connection = await factory.OpenAsync(cancellationToken);
        var counts = await connection.QueryAsync<CountsRow>(new CommandDefinition(
            $"""
            SELECT {keys},
                   COUNT(*) AS Filed,
                   SUM(CASE WHEN {decisionRegime} THEN 0 ELSE 1 END) AS NoDecisionExpected,
                   SUM(CASE WHEN decided_on IS NOT NULL THEN 1 ELSE 0 END) AS Decided,
                   SUM(CASE WHEN within_term IS NOT NULL THEN 1 ELSE 0 END) AS ExpressDecisions,
                   SUM(CASE WHEN within_term = {isTrue} THEN 1 ELSE 0 END) AS WithinTerm,
                   SUM(CASE WHEN outcome = @SilenzioAssenso THEN 1 ELSE 0 END) AS SilenziAssensi,
                   SUM(COALESCE(integration_requests, 0)) AS IntegrationRequests,
                   SUM(COALESCE(integration_days, 0)) AS IntegrationDays
            FROM applications
            WHERE {where}
            {groupBy}
            """,
            parameters, cancellationToken: cancellationToken));

        var builder = new StatisticsBuilder(query);
        await foreach (var row in connection.QueryUnbufferedAsync<DurationRow>(
            $"""
            SELECT {keys}, filed_on AS FiledOn, decided_on AS DecidedOn
            FROM applications
            WHERE {where} AND decided_on IS NOT NULL
            """,
            parameters).WithCancellation(cancellationToken))
        {
            builder.AddDuration(row.Key(), row.DecidedOn.DayNumber - row.FiledOn.DayNumber);
        }

        var backlog = await connection.QueryAsync<BacklogRow>(new CommandDefinition(
            $"""
            SELECT regime AS Regime, state AS State, COUNT(*) AS Count
            FROM applications
            WHERE {where} AND decided_on IS NULL AND {decisionRegime}
            GROUP BY regime, state
            """,
            parameters, cancellationToken: cancellationToken));
        return builder.Build(counts.Select(c => c.ToCounts()), backlog.Select(b => new BacklogEntry(b.Regime, b.State, b.Count)));
    }

    /// <summary>Every filed application (matching the query's filters) as an open-data row, streamed in a stable order.</summary>
    public IAsyncEnumerable<OpenDataRow> OpenDataAsync(StatisticsQuery? filter = null, CancellationToken cancellationToken = default) =>
        RowsAsync(filter, "filed_on, id", cancellationToken);

    /// <summary>
    /// The monthly open data of the filed applications matching the query's filters: cells of at least
    /// <see cref="MonthlyAggregation.MinimumCell"/> applications, streamed (the rows come sorted by month of filing,
    /// municipality and regime, and only one such group is held at a time).
    /// </summary>
    public IAsyncEnumerable<MonthlyOpenDataRow> MonthlyOpenDataAsync(StatisticsQuery? filter = null, CancellationToken cancellationToken = default) =>
        MonthlyAggregation.AggregateAsync(RowsAsync(filter, $"{MonthOf("filed_on")}, municipality, regime", cancellationToken), cancellationToken);

    private async IAsyncEnumerable<OpenDataRow> RowsAsync(
        StatisticsQuery? filter, string orderBy, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (where, parameters) = Filter(filter ?? new StatisticsQuery());
        await using var connection = await factory.OpenAsync(cancellationToken);
        // data is read only to pick the enumerated intervention category (InterventionCategories), never copied out.
        await foreach (var row in connection.QueryUnbufferedAsync<OpenDataSource>(
            $"""
            SELECT regime AS Regime, municipality AS Municipality, filed_on AS FiledOn, decided_on AS DecidedOn, outcome AS Outcome,
                   within_term AS WithinTerm, state AS State, integration_requests AS IntegrationRequests,
                   integration_days AS IntegrationDays, data AS Data
            FROM applications
            WHERE {where}
            ORDER BY {orderBy}
            """,
            parameters).WithCancellation(cancellationToken))
        {
            yield return new OpenDataRow
            {
                Regime = row.Regime,
                MunicipalityIstat = row.Municipality.Trim(),
                FiledOn = row.FiledOn,
                DecidedOn = row.DecidedOn,
                Outcome = row.Outcome,
                WithinTerm = row.WithinTerm,
                InterventionCategory = InterventionCategories.FromFormData(row.Data),
                State = row.State,
                IntegrationRequests = row.IntegrationRequests,
                IntegrationDays = row.IntegrationDays,
            };
        }
    }

    /// <summary>
    /// The filing-to-decision days of every decided application of the query, streamed (for a histogram of the
    /// processing times).
    /// </summary>
    public async IAsyncEnumerable<int> DurationsAsync(
        StatisticsQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (where, parameters) = Filter(query);
        await using var connection = await factory.OpenAsync(cancellationToken);
        await foreach (var row in connection.QueryUnbufferedAsync<DurationRow>(
            $"SELECT filed_on AS FiledOn, decided_on AS DecidedOn FROM applications WHERE {where} AND decided_on IS NOT NULL",
            parameters).WithCancellation(cancellationToken))
        {
            yield return row.DecidedOn.DayNumber - row.FiledOn.DayNumber;
        }
    }

    private string ScopeIn => factory.Dialect == Dialect.Postgres ? "municipality = ANY(CAST(@ScopeMunicipalities AS bpchar[]))" : "municipality IN @ScopeMunicipalities";

    private (string Where, DynamicParameters Parameters) Filter(StatisticsQuery query)
    {
        var where = new List<string> { "filed_on IS NOT NULL" };
        if (query.Municipality is not null)
        {
            // Typed as the char(6) column on PostgreSQL (bpchar), so the index on municipality serves the filter.
            where.Add(factory.Dialect == Dialect.Postgres ? "municipality = CAST(@Municipality AS bpchar)" : "municipality = @Municipality");
        }

        if (query.Municipalities is { } scope)
        {
            where.Add(scope.Count == 0 ? "1 = 0" : ScopeIn);
        }

        if (query.OfficeId is not null)
        {
            where.Add("office_id = @OfficeId");
        }

        if (query.Regime is not null)
        {
            where.Add("regime = @Regime");
        }

        if (query.From is not null)
        {
            where.Add("filed_on >= @From");
        }

        if (query.To is not null)
        {
            where.Add("filed_on <= @To");
        }

        var parameters = new DynamicParameters(new
        {
            query.Municipality,
            ScopeMunicipalities = (query.Municipalities ?? []).ToArray(),
            query.OfficeId,
            query.Regime,
            query.From,
            query.To,
            DecisionRegimes = MonitoredDecisions.Procedures.ToArray(),
            MonitoredDecisions.SilenzioAssenso,
        });
        return (string.Join(" AND ", where), parameters);
    }

    private string MonthOf(string column) => factory.Dialect switch
    {
        Dialect.Postgres => $"to_char({column}, 'YYYY-MM')",
        Dialect.SqlServer => $"CONVERT(char(7), {column}, 126)",
        _ => $"substr({column}, 1, 7)",
    };

    private sealed class CountsRow
    {
        public string? Municipality { get; set; }

        public Guid? OfficeId { get; set; }

        public string? Regime { get; set; }

        public string? Month { get; set; }

        public long Filed { get; set; }

        public long NoDecisionExpected { get; set; }

        public long Decided { get; set; }

        public long ExpressDecisions { get; set; }

        public long WithinTerm { get; set; }

        public long SilenziAssensi { get; set; }

        public long IntegrationRequests { get; set; }

        public long IntegrationDays { get; set; }

        public StatisticsCounts ToCounts() => new()
        {
            Key = new StatisticsKey(Municipality?.Trim(), OfficeId, Regime, Month),
            Filed = Filed,
            NoDecisionExpected = NoDecisionExpected,
            Decided = Decided,
            ExpressDecisions = ExpressDecisions,
            WithinTerm = WithinTerm,
            SilenziAssensi = SilenziAssensi,
            IntegrationRequests = IntegrationRequests,
            IntegrationDays = IntegrationDays,
        };
    }

    /// <summary>A backlog row (a class with setters: SQLite reports an untyped COUNT column when no row matches).</summary>
    private sealed class BacklogRow
    {
        public string? Regime { get; set; }

        public string State { get; set; } = "";

        public long Count { get; set; }
    }

    private sealed class DurationRow
    {
        public string? Municipality { get; set; }

        public Guid? OfficeId { get; set; }

        public string? Regime { get; set; }

        public string? Month { get; set; }

        public DateOnly FiledOn { get; set; }

        public DateOnly DecidedOn { get; set; }

        public StatisticsKey Key() => new(Municipality?.Trim(), OfficeId, Regime, Month);
    }

    private sealed class OpenDataSource
    {
        public string? Regime { get; set; }

        public string Municipality { get; set; } = "";

        public DateOnly? FiledOn { get; set; }

        public DateOnly? DecidedOn { get; set; }

        public string? Outcome { get; set; }

        public bool? WithinTerm { get; set; }

        public string State { get; set; } = "";

        public int? IntegrationRequests { get; set; }

        public int? IntegrationDays { get; set; }

        public string? Data { get; set; }
    }
}
