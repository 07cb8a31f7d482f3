using System.ComponentModel;
using System.Text.Json.Serialization;

namespace StrategicCities.Api.Contracts.Applications;

/// <summary>A deliberate re-pin to the newest revisions of the files an application pinned.</summary>
public sealed record RepinRequest
{
    /// <summary>Why (recorded in the event): e.g. the CHANGELOG entry of the correction.</summary>
    [JsonPropertyName("reason")]
    [Description("Why the application is re-pinned (recorded in the audit event).")]
    public string? Reason { get; init; }

    /// <summary>Plan only: show what would change, write nothing.</summary>
    [JsonPropertyName("dryRun")]
    public bool DryRun { get; init; }
}
