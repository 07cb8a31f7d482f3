using System.Text.Json.Serialization;

namespace StrategicCities.Core.Catalog;

/// <summary>A legal instrument (law, decree) cited by rules, declared once per file.</summary>
public sealed record Instrument(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("href")] string? Href);
