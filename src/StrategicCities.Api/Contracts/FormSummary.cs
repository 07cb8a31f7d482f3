using System.Text.Json.Serialization;
using StrategicCities.Core.Forms;
using StrategicCities.Core.Legal;

namespace StrategicCities.Api.Contracts;

/// <summary>One form: its code, title, national versions (oldest first) and municipal extensions.</summary>
public sealed record FormSummary
{
    /// <summary>Form code, as in the URL (<c>scia</c>, <c>cila</c>, <c>pdc</c>, …).</summary>
    [JsonPropertyName("form")]
    public required string Form { get; init; }

    /// <summary>Title of the latest version, in Italian and English.</summary>
    [JsonPropertyName("title")]
    public required LocalizedText Title { get; init; }

    /// <summary>National versions, oldest first; validity is half-open <c>[validFrom, validTo)</c>.</summary>
    [JsonPropertyName("versions")]
    public required IReadOnlyList<FormVersionSummary> Versions { get; init; }

    /// <summary>Municipal extensions (optional local fields), by municipality then date.</summary>
    [JsonPropertyName("extensions")]
    public required IReadOnlyList<FormExtensionSummary> Extensions { get; init; }

    /// <summary>Maps one form of the loaded schemas.</summary>
    public static FormSummary From(FormSchemaProvider schemas, string form)
    {
        ArgumentNullException.ThrowIfNull(schemas);
        var versions = schemas.Versions(form);
        return new FormSummary
        {
            Form = form,
            Title = versions.Count > 0 ? versions[^1].Title : new LocalizedText(form, form),
            Versions = [.. versions.Select(v => new FormVersionSummary(v.Version, v.Validity.From, v.Validity.To, v.ContentHash, v.File, v.Title))],
            Extensions =
            [
                .. schemas.Extensions
                    .Where(e => e.Form == form)
                    .OrderBy(e => e.Municipality, StringComparer.Ordinal)
                    .ThenBy(e => e.Validity.From)
                    .Select(e => new FormExtensionSummary(e.Municipality, e.Version, e.Validity.From, e.Validity.To, e.ContentHash, e.File, e.Title)),
            ],
        };
    }
}

/// <summary>One national version of a form schema.</summary>
/// <param name="Version">The version label (the date it takes effect).</param>
/// <param name="ValidFrom">First day in force.</param>
/// <param name="ValidTo">First day no longer in force; absent when open-ended.</param>
/// <param name="Hash"><c>sha256:</c> + hex of the schema file: what an application pins.</param>
/// <param name="File">The file, relative to schemas/.</param>
/// <param name="Title">Title of this version.</param>
public sealed record FormVersionSummary(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("validFrom")] DateOnly ValidFrom,
    [property: JsonPropertyName("validTo")] DateOnly? ValidTo,
    [property: JsonPropertyName("hash")] string Hash,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("title")] LocalizedText Title);

/// <summary>One municipal extension of a form schema (optional local fields only, D.Lgs. 126/2016 art. 2 c.5).</summary>
/// <param name="Municipality">ISTAT code of the municipality.</param>
/// <param name="Version">The version label (the date it takes effect).</param>
/// <param name="ValidFrom">First day in force.</param>
/// <param name="ValidTo">First day no longer in force; absent when open-ended.</param>
/// <param name="Hash"><c>sha256:</c> + hex of the extension file.</param>
/// <param name="File">The file, relative to schemas/.</param>
/// <param name="Title">Title of the extension.</param>
public sealed record FormExtensionSummary(
    [property: JsonPropertyName("municipality")] string Municipality,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("validFrom")] DateOnly ValidFrom,
    [property: JsonPropertyName("validTo")] DateOnly? ValidTo,
    [property: JsonPropertyName("hash")] string Hash,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("title")] LocalizedText Title);
