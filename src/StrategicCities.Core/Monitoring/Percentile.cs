namespace StrategicCities.Core.Monitoring;

/// <summary>Continuous percentiles (linear interpolation between closest ranks, as SQL <c>percentile_cont</c>).</summary>
public static class Percentile
{
    /// <summary>The <paramref name="fraction"/> percentile of <paramref name="sorted"/> (ascending), or null when empty.</summary>
    public static double? Continuous(IReadOnlyList<int> sorted, double fraction)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfLessThan(fraction, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fraction, 1);
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = fraction * (sorted.Count - 1);
        var lower = (int)Math.Floor(rank);
        var upper = (int)Math.Ceiling(rank);
        return sorted[lower] + ((rank - lower) * (sorted[upper] - sorted[lower]));
    }
}
