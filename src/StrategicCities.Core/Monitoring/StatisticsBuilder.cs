namespace StrategicCities.Core.Monitoring;

/// <summary>Builds a <see cref="StatisticsReport"/> from the database's counts and the decided applications' durations.</summary>
public sealed class StatisticsBuilder(StatisticsQuery query)
{
    private readonly Dictionary<StatisticsKey, List<int>> _durations = [];
    private readonly List<int> _all = [];

    /// <summary>Adds the filing-to-decision days of one decided application of group <paramref name="key"/>.</summary>
    public void AddDuration(StatisticsKey key, int days)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!_durations.TryGetValue(key, out var list))
        {
            _durations[key] = list = [];
        }

        list.Add(days);
        _all.Add(days);
    }

    /// <summary>The report, from the per-group counts and the backlog.</summary>
    public StatisticsReport Build(IEnumerable<StatisticsCounts> counts, IEnumerable<BacklogEntry> backlog)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(backlog);
        var groups = counts.ToList();
        var total = new StatisticsCounts
        {
            Key = StatisticsKey.Total,
            Filed = groups.Sum(g => g.Filed),
            NoDecisionExpected = groups.Sum(g => g.NoDecisionExpected),
            Decided = groups.Sum(g => g.Decided),
            ExpressDecisions = groups.Sum(g => g.ExpressDecisions),
            WithinTerm = groups.Sum(g => g.WithinTerm),
            SilenziAssensi = groups.Sum(g => g.SilenziAssensi),
            IntegrationRequests = groups.Sum(g => g.IntegrationRequests),
            IntegrationDays = groups.Sum(g => g.IntegrationDays),
        };
        return new StatisticsReport
        {
            Query = query,
            Rows = [.. groups
                .OrderBy(g => g.Key.Municipality, StringComparer.Ordinal)
                .ThenBy(g => g.Key.OfficeId)
                .ThenBy(g => g.Key.Regime, StringComparer.Ordinal)
                .ThenBy(g => g.Key.Month, StringComparer.Ordinal)
                .Select(g => Row(g, _durations.GetValueOrDefault(g.Key) ?? []))],
            Total = Row(total, _all),
            Backlog = [.. backlog.OrderBy(b => b.Regime, StringComparer.Ordinal).ThenBy(b => b.State, StringComparer.Ordinal)],
        };
    }

    private static StatisticsRow Row(StatisticsCounts c, List<int> durations)
    {
        durations.Sort();
        return new StatisticsRow
        {
            Key = c.Key,
            Filed = c.Filed,
            Decided = c.Decided,
            Pending = c.Filed - c.NoDecisionExpected - c.Decided,
            NoDecisionExpected = c.NoDecisionExpected,
            MedianDays = Percentile.Continuous(durations, 0.5),
            P90Days = Percentile.Continuous(durations, 0.9),
            ExpressDecisions = c.ExpressDecisions,
            WithinTerm = c.WithinTerm,
            WithinTermShare = c.ExpressDecisions == 0 ? null : (double)c.WithinTerm / c.ExpressDecisions,
            SilenziAssensi = c.SilenziAssensi,
            IntegrationRequests = c.IntegrationRequests,
            MeanIntegrationDays = c.IntegrationRequests == 0 ? null : (double)c.IntegrationDays / c.IntegrationRequests,
        };
    }
}
