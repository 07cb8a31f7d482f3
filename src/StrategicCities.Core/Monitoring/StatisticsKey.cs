namespace StrategicCities.Core.Monitoring;

/// <summary>The values of the grouped dimensions of one row; a dimension not grouped by is null.</summary>
/// <param name="Municipality">ISTAT code.</param>
/// <param name="OfficeId">The office (null also for applications without an office).</param>
/// <param name="Regime">The regime.</param>
/// <param name="Month">Month of filing, <c>yyyy-MM</c>.</param>
public sealed record StatisticsKey(string? Municipality, Guid? OfficeId, string? Regime, string? Month)
{
    /// <summary>The key of the total row.</summary>
    public static StatisticsKey Total { get; } = new(null, null, null, null);
}
