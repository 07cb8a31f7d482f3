namespace StrategicCities.Api.Monitoring;

/// <summary>Problem codes of the statistics endpoints.</summary>
public static class MonitoringCodes
{
    /// <summary>A filter of the query string is not valid (unknown groupBy, malformed date or office id).</summary>
    public const string QueryInvalid = Core.Problems.ProblemCatalog.StatsQueryInvalid;

    /// <summary>The municipality asked for is outside the caller's office.</summary>
    public const string OutOfScope = Core.Problems.ProblemCatalog.StatsOutOfScope;
}
