using System.Text.Json.Serialization;
using StrategicCities.Core.Forms;

namespace StrategicCities.Api.Contracts;

/// <summary><c>GET /api/v1/forms</c>: every national unified form with its versions and municipal extensions.</summary>
/// <param name="Forms">The forms, by code.</param>
public sealed record FormsResponse([property: JsonPropertyName("forms")] IReadOnlyList<FormSummary> Forms)
{
    /// <summary>Maps the loaded schemas.</summary>
    public static FormsResponse From(FormSchemaProvider schemas)
    {
        ArgumentNullException.ThrowIfNull(schemas);
        return new FormsResponse([.. schemas.Forms.Select(form => FormSummary.From(schemas, form))]);
    }
}
