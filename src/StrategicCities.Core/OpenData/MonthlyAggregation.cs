using System.Globalization;
using StrategicCities.Core.Monitoring;

namespace StrategicCities.Core.OpenData;

/// <summary>
/// Turns application rows into the monthly open data without singling anyone out. Rows arrive ordered by month of
/// filing, municipality and regime; each such group is held alone (a few categories), so the whole export streams.
/// The rule (stated in docs/opendata/permits-dictionary.md): a cell (month, municipality, regime, category) with at
/// least <see cref="MinimumCell"/> applications is published; the smaller cells of a group are merged into one
/// <see cref="OtherCategories"/> cell, published if it reaches <see cref="MinimumCell"/> and suppressed otherwise;
/// the median duration is given only over at least <see cref="MinimumCell"/> decided applications. No total is
/// published beside the cells, so a suppressed cell cannot be recovered by subtraction.
/// </summary>
public static class MonthlyAggregation
{
    /// <summary>The smallest number of applications a published cell counts (the frequency rule of statistical disclosure control).</summary>
    public const int MinimumCell = 3;

    /// <summary>The category of a cell that merges the categories too small to publish alone.</summary>
    public const string OtherCategories = "altre-categorie";

    private static readonly HashSet<string> Tacit = new(StringComparer.Ordinal) { MonitoredDecisions.SilenzioAssenso, "consolidata", "efficace" };

    /// <summary>The published cells of <paramref name="rows"/> (ordered by month of filing, municipality, regime), in that order.</summary>
    public static async IAsyncEnumerable<MonthlyOpenDataRow> AggregateAsync(
        IAsyncEnumerable<OpenDataRow> rows, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        (string Month, string Municipality, string? Regime)? current = null;
        var cells = new Dictionary<string, Cell>(StringComparer.Ordinal);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (row.FiledOn is not { } filed)
            {
                continue;
            }

            var key = (filed.ToString("yyyy-MM", CultureInfo.InvariantCulture), row.MunicipalityIstat, row.Regime);
            if (current is { } open && open != key)
            {
                foreach (var published in Publish(open, cells))
                {
                    yield return published;
                }

                cells.Clear();
            }

            current = key;
            var category = row.InterventionCategory ?? "";
            if (!cells.TryGetValue(category, out var cell))
            {
                cells[category] = cell = new Cell();
            }

            cell.Add(row);
        }

        if (current is { } last)
        {
            foreach (var published in Publish(last, cells))
            {
                yield return published;
            }
        }
    }

    private static IEnumerable<MonthlyOpenDataRow> Publish((string Month, string Municipality, string? Regime) key, Dictionary<string, Cell> cells)
    {
        var other = new Cell();
        foreach (var (category, cell) in cells.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (cell.Filed >= MinimumCell)
            {
                yield return cell.ToRow(key, category.Length == 0 ? null : category);
            }
            else
            {
                other.Merge(cell);
            }
        }

        if (other.Filed >= MinimumCell)
        {
            yield return other.ToRow(key, OtherCategories);
        }
    }

    private sealed class Cell
    {
        private readonly List<int> _days = [];

        public long Filed { get; private set; }

        private long Decided { get; set; }

        private long Express { get; set; }

        private long WithinTerm { get; set; }

        private long Tacit { get; set; }

        private long IntegrationRequests { get; set; }

        public void Add(OpenDataRow row)
        {
            Filed++;
            if (row.DaysTaken is { } days)
            {
                Decided++;
                _days.Add(days);
            }

            if (row.WithinTerm is { } within)
            {
                Express++;
                WithinTerm += within ? 1 : 0;
            }

            Tacit += row.Outcome is { } outcome && MonthlyAggregation.Tacit.Contains(outcome) ? 1 : 0;
            IntegrationRequests += row.IntegrationRequests ?? 0;
        }

        public void Merge(Cell other)
        {
            Filed += other.Filed;
            Decided += other.Decided;
            Express += other.Express;
            WithinTerm += other.WithinTerm;
            Tacit += other.Tacit;
            IntegrationRequests += other.IntegrationRequests;
            _days.AddRange(other._days);
        }

        public MonthlyOpenDataRow ToRow((string Month, string Municipality, string? Regime) key, string? category)
        {
            _days.Sort();
            return new MonthlyOpenDataRow
            {
                Month = key.Month,
                MunicipalityIstat = key.Municipality,
                Regime = key.Regime,
                InterventionCategory = category,
                Filed = Filed,
                Decided = Decided,
                ExpressDecisions = Express,
                WithinTerm = WithinTerm,
                TacitOutcomes = Tacit,
                IntegrationRequests = IntegrationRequests,
                MedianDaysTaken = _days.Count >= MinimumCell ? Percentile.Continuous(_days, 0.5) : null,
            };
        }
    }
}
