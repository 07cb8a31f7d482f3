using System.Text.Json.Serialization;
using StrategicCities.Core.Forms;

namespace StrategicCities.Core.Applications;

/// <summary>Draft data saved (even when not yet valid): the new version and the validation report.</summary>
/// <param name="Id">The application.</param>
/// <param name="Version">The new version (also the ETag).</param>
/// <param name="Report">The validation report for the form, municipality and today.</param>
public sealed record UpdateDataResponse(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("version")] long Version,
    [property: JsonPropertyName("report")] ValidationReport Report);
