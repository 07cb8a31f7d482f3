using System.Text.Json;
using System.Text.Json.Serialization;
using StrategicCities.Core.Catalog;
using StrategicCities.Data.Applications;
using StrategicCities.Core.Applications;

namespace StrategicCities.Api.Contracts.Applications;

/// <summary>An application as the API shows it (the version is also the ETag).</summary>
public sealed record ApplicationResponse
{
    /// <summary>Id.</summary>
    [JsonPropertyName("id")] public required Guid Id { get; init; }
    /// <summary>ISTAT code.</summary>
    [JsonPropertyName("municipality")] public required string Municipality { get; init; }
    /// <summary>Office.</summary>
    [JsonPropertyName("officeId")] public Guid? OfficeId { get; init; }
    /// <summary>Regime (procedure id).</summary>
    [JsonPropertyName("regime")] public string? Regime { get; init; }
    /// <summary>Form id.</summary>
    [JsonPropertyName("form")] public required string Form { get; init; }
    /// <summary>Procedure state.</summary>
    [JsonPropertyName("state")] public required string State { get; init; }
    /// <summary>Concurrency version (ETag).</summary>
    [JsonPropertyName("version")] public required long Version { get; init; }
    /// <summary>Created (UTC).</summary>
    [JsonPropertyName("createdAt")] public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>Last written (UTC).</summary>
    [JsonPropertyName("updatedAt")] public required DateTimeOffset UpdatedAt { get; init; }
    /// <summary>Filing date (legal reference date).</summary>
    [JsonPropertyName("filedOn")] public DateOnly? FiledOn { get; init; }
    /// <summary>Decision date.</summary>
    [JsonPropertyName("decidedOn")] public DateOnly? DecidedOn { get; init; }
    /// <summary>Outcome (the final state).</summary>
    [JsonPropertyName("outcome")] public string? Outcome { get; init; }
    /// <summary>Versions pinned at filing (procedure, guards, form), with hashes.</summary>
    [JsonPropertyName("pinnedVersions")] public IReadOnlyList<PinnedVersion> PinnedVersions { get; init; } = [];
    /// <summary>The procedure pinned at filing.</summary>
    [JsonPropertyName("procedure")] public ProcedurePin? Procedure { get; init; }
    /// <summary>The form data.</summary>
    [JsonPropertyName("data")] public JsonElement Data { get; init; }

    /// <summary>Maps a stored record.</summary>
    public static ApplicationResponse From(ApplicationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var data = JsonDocument.Parse(record.Data);
        return new ApplicationResponse
        {
            Id = record.Id,
            Municipality = record.Municipality,
            OfficeId = record.OfficeId,
            Regime = record.Regime,
            Form = record.Form,
            State = record.State,
            Version = record.Version,
            CreatedAt = record.CreatedAt,
            UpdatedAt = record.UpdatedAt,
            FiledOn = record.FiledOn,
            DecidedOn = record.DecidedOn,
            Outcome = record.Outcome,
            PinnedVersions = record.PinnedVersions,
            Procedure = record.Procedure,
            Data = data.RootElement.Clone(),
        };
    }
}
