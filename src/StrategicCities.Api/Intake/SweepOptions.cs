namespace StrategicCities.Api.Intake;

/// <summary><c>Sweep</c> section: the deadline sweep.</summary>
public sealed class SweepOptions
{
    /// <summary>The section name.</summary>
    public const string Section = "Sweep";

    /// <summary><c>Sweep:Enabled</c> (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>Sweep:IntervalSeconds</c> (default 60).</summary>
    public int IntervalSeconds { get; set; } = 60;

    /// <summary><c>Sweep:LeaseSeconds</c>: how long a claim holds before another instance may take it over (default 300).</summary>
    public int LeaseSeconds { get; set; } = 300;

    /// <summary><c>Sweep:InstanceId</c>: this instance's name in claims and events (default machine name + process id).</summary>
    public string? InstanceId { get; set; }

    /// <summary>
    /// <c>Idempotency:RetentionHours</c> (default 24): idempotency records older than this are purged by the sweep;
    /// a retry with the same key after that creates a new application.
    /// </summary>
    public int IdempotencyRetentionHours { get; set; } = 24;
}
