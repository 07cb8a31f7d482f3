namespace StrategicCities.Core.Monitoring;

/// <summary>What the statistics are grouped by.</summary>
public enum StatisticsDimension
{
    /// <summary>ISTAT code of the municipality.</summary>
    Municipality,

    /// <summary>The office handling the application (a joint office serves several municipalities).</summary>
    Office,

    /// <summary>The regime (procedure id).</summary>
    Regime,

    /// <summary>The month of filing (<c>yyyy-MM</c>): every figure of a group is about that cohort of filings.</summary>
    Month,
}
