using System.Text.Json.Serialization;

namespace StrategicCities.Core.Legal;

/// <summary>A message in Italian (the legal language) and English; both are always present.</summary>
public sealed record LocalizedText(
    [property: JsonPropertyName("it")] string It,
    [property: JsonPropertyName("en")] string En)
{
    /// <summary>The text in <paramref name="language"/> ("it" or "en"); Italian for anything else.</summary>
    public string In(string? language) =>
        string.Equals(language, "en", StringComparison.OrdinalIgnoreCase) ? En : It;

    /// <summary>Replaces <c>{name}</c> placeholders in both languages.</summary>
    public LocalizedText Format(IReadOnlyDictionary<string, string> values)
    {
        var it = It;
        var en = En;
        foreach (var (key, value) in values)
        {
            it = it.Replace("{" + key + "}", value, StringComparison.Ordinal);
            en = en.Replace("{" + key + "}", value, StringComparison.Ordinal);
        }

        return new LocalizedText(it, en);
    }
}
