using System.Text.Json.Serialization;

namespace StrategicCities.Core.Applications;

/// <summary>Optional body of a trigger: a note, attachment references and the legal date of the act.</summary>
public sealed record TriggerRequest
{
    /// <summary>A note kept with the event (stored, never logged).</summary>
    [JsonPropertyName("note")]
    public string? Note { get; init; }

    /// <summary>References to documents held elsewhere (name, SHA-256, size).</summary>
    [JsonPropertyName("attachments")]
    public IReadOnlyList<AttachmentReference>? Attachments { get; init; }

    /// <summary>The legal date of the act (e.g. the PEC receipt), yyyy-MM-dd; default today in Europe/Rome; never in the future.</summary>
    [JsonPropertyName("date")]
    public DateOnly? Date { get; init; }
}

/// <summary>An attachment reference.</summary>
/// <param name="Name">File name.</param>
/// <param name="Sha256">SHA-256, hex.</param>
/// <param name="Size">Bytes.</param>
public sealed record AttachmentReference(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("size")] long Size);
