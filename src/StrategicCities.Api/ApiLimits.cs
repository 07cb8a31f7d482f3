namespace StrategicCities.Api;

/// <summary>Request limits (configuration section <c>Limits</c>).</summary>
public sealed class ApiLimits
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Limits";

    /// <summary>Largest request body accepted, in bytes (<c>Limits:MaxBodyBytes</c>, default 1 MiB).</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Deepest JSON nesting accepted (<c>Limits:MaxJsonDepth</c>, default 32).</summary>
    public int MaxJsonDepth { get; set; } = 32;
}
