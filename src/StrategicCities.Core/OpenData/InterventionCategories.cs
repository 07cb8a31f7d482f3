using System.Text.Json;

namespace StrategicCities.Core.OpenData;

/// <summary>
/// The intervention categories the forms enumerate (<c>intervento.categoria</c>). The open data publishes the value
/// only when it is one of these: a form field is never copied through as free text.
/// </summary>
public static class InterventionCategories
{
    /// <summary>The published values.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "manutenzione-ordinaria", "manutenzione-straordinaria", "restauro-risanamento", "ristrutturazione-edilizia",
        "nuova-costruzione", "ristrutturazione-urbanistica", "cambio-uso", "demolizione", "opere-pertinenziali",
        "opere-temporanee",
    };

    /// <summary>The category in form data JSON (<c>intervento.categoria</c>) if it is a known value, else null.</summary>
    public static string? FromFormData(string? data)
    {
        if (string.IsNullOrEmpty(data))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(data);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("intervento", out var intervento)
                && intervento.ValueKind == JsonValueKind.Object
                && intervento.TryGetProperty("categoria", out var categoria)
                && categoria.ValueKind == JsonValueKind.String
                && categoria.GetString() is { } value
                && All.Contains(value)
                ? value
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
