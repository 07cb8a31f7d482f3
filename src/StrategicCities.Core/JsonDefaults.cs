using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace StrategicCities.Core;

/// <summary>The one JSON shape of every output (CLI and HTTP): camelCase, readable accents, no nulls.</summary>
public static class JsonDefaults
{
    /// <summary>Indented output for people (CLI).</summary>
    public static readonly JsonSerializerOptions Indented = Create(indented: true);

    /// <summary>Compact output for machines.</summary>
    public static readonly JsonSerializerOptions Compact = Create(indented: false);

    /// <summary>Applies the shared settings to an options instance (e.g. ASP.NET Core's).</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // Italian text (è, à, «») stays readable; output is never embedded in HTML unescaped.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Add(CreateEnumConverter());
        // Rule traces repeat the same entries in every answer: written from kept text (see the converter).
        options.Converters.Add(new Determination.TraceEntryJsonConverter());
        // Form reports are the busiest answer: written from generated metadata (see the context).
        options.TypeInfoResolver = JsonTypeInfoResolver.Combine(
            Forms.ValidationReportJsonContext.Default, options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver());
    }

    /// <summary>
    /// Enumerations are written as their codes, never as numbers: kebab-case like the other codes of the API
    /// (<c>TermState.NotStarted</c> is <c>"not-started"</c>, <c>StatisticsDimension.Municipality</c> is <c>"municipality"</c>).
    /// </summary>
    public static JsonConverter CreateEnumConverter() => new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions { WriteIndented = indented };
        Apply(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
