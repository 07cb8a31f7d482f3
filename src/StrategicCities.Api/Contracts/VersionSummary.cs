using System.Text.Json.Serialization;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Legal;

namespace StrategicCities.Api.Contracts;

/// <summary>One file version of a rule set or overlay: validity <c>[validFrom, validTo)</c> and content hash.</summary>
public sealed record VersionSummary
{
    /// <summary>Layer: national, region or municipality.</summary>
    [JsonPropertyName("layer")]
    public required string Layer { get; init; }

    /// <summary><c>IT</c>, a 2-digit region code or a 6-digit municipality code.</summary>
    [JsonPropertyName("jurisdiction")]
    public required string Jurisdiction { get; init; }

    /// <summary>The version label (the date it takes effect).</summary>
    [JsonPropertyName("version")]
    public required string Version { get; init; }

    /// <summary>First day in force.</summary>
    [JsonPropertyName("validFrom")]
    public required DateOnly ValidFrom { get; init; }

    /// <summary>First day no longer in force; absent when open-ended.</summary>
    [JsonPropertyName("validTo")]
    public DateOnly? ValidTo { get; init; }

    /// <summary><c>sha256:</c> + hex of the file: what an application pins.</summary>
    [JsonPropertyName("hash")]
    public required string Hash { get; init; }

    /// <summary>The file, relative to rules/.</summary>
    [JsonPropertyName("file")]
    public required string File { get; init; }

    /// <summary>Title, if the file has one.</summary>
    [JsonPropertyName("title")]
    public LocalizedText? Title { get; init; }

    /// <summary>Maps a file header.</summary>
    public static VersionSummary From(RuleFileHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return new VersionSummary
        {
            Layer = header.Layer.Name(),
            Jurisdiction = header.Jurisdiction,
            Version = header.Version,
            ValidFrom = header.Validity.From,
            ValidTo = header.Validity.To,
            Hash = header.ContentHash,
            File = header.File,
            Title = header.Title,
        };
    }
}
