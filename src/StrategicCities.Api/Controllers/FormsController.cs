using System.ComponentModel;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Microsoft.Net.Http.Headers;
using StrategicCities.Api.Contracts;
using StrategicCities.Api.Http;
using StrategicCities.Api.OpenApi;
using StrategicCities.Api.Problems;
using StrategicCities.Core;
using StrategicCities.Core.Forms;

namespace StrategicCities.Api.Controllers;

/// <summary>The national unified forms (DESIGN.md §5): their versions, the schema a portal renders, and validation.</summary>
[ApiController]
[Route("api/v1/forms")]
[Tags("Forms")]
public sealed class FormsController(
    FormValidator validator, JsonBody body, ProblemFactory problems, TimeProvider clock, IOptions<JsonOptions> json) : ControllerBase
{
    /// <summary>Media type of a served schema.</summary>
    public const string SchemaMediaType = "application/schema+json";

    /// <summary>Response header naming the national version of the form that was selected.</summary>
    public const string FormVersionHeader = "X-Form-Version";

    /// <summary>Response header naming the municipal extension merged in (<c>{istat}@{version}</c>), when there is one.</summary>
    public const string FormExtensionHeader = "X-Form-Extension";

    private const string FormDescription = "Form code, e.g. scia (see GET /api/v1/forms). Unknown: 404.";
    private const string MunicipalityDescription = "ISTAT code of the municipality, 6 digits (e.g. 015146 for Milano). Required.";
    private const string DateDescription = "Legal reference date (submission date), yyyy-MM-dd; default today in Europe/Rome.";

    /// <summary>Every form with its national versions (validity, content hash), municipal extensions and titles in Italian and English.</summary>
    [HttpGet]
    [EndpointSummary("Forms and their versions")]
    [ProducesResponseType<FormsResponse>(StatusCodes.Status200OK, "application/json")]
    public ActionResult<FormsResponse> Get() => FormsResponse.From(validator.Schemas);

    /// <summary>
    /// The self-contained JSON Schema of a form as a portal renders it: the national version in force on the date,
    /// with the municipality's optional local fields merged into its extension points. Cache it by its ETag:
    /// <c>If-None-Match</c> with the same tag gets 304 without a body.
    /// </summary>
    [HttpGet("{form}/schema")]
    [EndpointSummary("The merged schema of a form for a municipality and date")]
    [ProducesResponseType(typeof(object), StatusCodes.Status200OK, SchemaMediaType)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status400BadRequest, ProblemFactory.MediaType)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status404NotFound, ProblemFactory.MediaType)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status422UnprocessableEntity, ProblemFactory.MediaType)]
    [ResponseHeader(StatusCodes.Status200OK, FormVersionHeader, "The national version of the form selected by the date, e.g. 2025-05-23.")]
    [ResponseHeader(StatusCodes.Status200OK, FormExtensionHeader, "The municipal extension merged in, {istat}@{version}; absent when the municipality has none.")]
    [ResponseHeader(StatusCodes.Status200OK, "ETag", "Strong tag of the schema's content (SHA-256); send it back in If-None-Match.")]
    [ResponseHeader(StatusCodes.Status304NotModified, "ETag", "The same tag: the cached schema is still current.")]
    public async Task<IActionResult> GetSchemaAsync(
        [FromRoute, Description(FormDescription)] string form,
        [FromQuery, Description(MunicipalityDescription)] string? municipality,
        [FromQuery, Description(DateDescription)] string? date,
        CancellationToken cancellationToken)
    {
        var (schema, _, errors) = await ResolveAsync(form, municipality, date, cancellationToken);
        if (schema is null)
        {
            return problems.Result(HttpContext, errors);
        }

        var etag = new EntityTagHeaderValue("\"" + schema.ContentHash["sha256:".Length..] + "\"");
        var headers = Response.GetTypedHeaders();
        headers.ETag = etag;
        // The content for a date never changes while the service runs, but "today" moves: revalidate, cheaply.
        headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
        Response.Headers[FormVersionHeader] = schema.Version.Version;
        if (schema.Extension is { } extension)
        {
            Response.Headers[FormExtensionHeader] = extension.Municipality + "@" + extension.Version;
        }

        if (Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } tags
            && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false)))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        return File(schema.Utf8.ToArray(), SchemaMediaType);
    }

    /// <summary>
    /// Validates a filled-in form: its JSON Schema (merged for the municipality, Italian formats), then the form's
    /// cross-field and attachment rules in force on the date. The answer is the report, 200 whether the form is valid
    /// or not (<c>valid: false</c> lists errors with pointers, codes and legal bases); problem details only for a
    /// request that cannot be validated (not JSON, too large, too deep, unknown form or municipality, no version in force).
    /// </summary>
    [HttpPost("{form}/validate")]
    [EndpointSummary("Validate a form")]
    [RequestParameter("form", ParameterLocation.Path, FormDescription)]
    [RequestParameter("municipality", ParameterLocation.Query, MunicipalityDescription)]
    [RequestParameter("date", ParameterLocation.Query, DateDescription)]
    [JsonRequestBody(typeof(object), Description = "The form as JSON (the document GET /api/v1/forms/{form}/schema describes). Issue pointers point into it.")]
    [ProducesResponseType<ValidationReport>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status400BadRequest, ProblemFactory.MediaType)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status404NotFound, ProblemFactory.MediaType)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status413PayloadTooLarge, ProblemFactory.MediaType)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status415UnsupportedMediaType, ProblemFactory.MediaType)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status422UnprocessableEntity, ProblemFactory.MediaType)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status500InternalServerError, ProblemFactory.MediaType)]
    public async Task<IActionResult> ValidateAsync()
    {
        // The action reads its three parameters itself (documented by RequestParameter) instead of binding them: on the
        // busiest public endpoint, model binding and its validation cost server time on every request for three
        // strings it checks itself anyway (QueryParameters), as the load test shows (tests/StrategicCities.Benchmarks/
        // README.md); with nothing to bind, MVC does not read the body as an HTML form either.
        var form = (string)RouteData.Values["form"]!;
        var municipality = Single(Request.Query["municipality"]);
        var date = Single(Request.Query["date"]);
        var cancellationToken = HttpContext.RequestAborted;

        // What the URL names is checked before the body is read: no point reading a form nobody can judge.
        var (schema, legalDate, errors) = await ResolveAsync(form, municipality, date, cancellationToken);
        if (schema is null)
        {
            return problems.Result(HttpContext, errors);
        }

        var (document, bodyError) = await body.ReadDocumentAsync(Request, cancellationToken);
        if (document is null)
        {
            return problems.Result(HttpContext, [bodyError!]);
        }

        using var filled = document;
        var (report, reportErrors) = await validator.ValidateAsync(schema, municipality!, legalDate, filled, cancellationToken);
        return report is null
            ? problems.Result(HttpContext, QueryParameters.Relocate(reportErrors, QueryParameters.MunicipalityQueryPointer))
            : new JsonBodyResult<ValidationReport>(report, ReportJson);
    }

    // As model binding read a string: the first value, empty as absent.
    private static string? Single(Microsoft.Extensions.Primitives.StringValues values) => values.Count == 0 || string.IsNullOrEmpty(values[0]) ? null : values[0];

    private JsonTypeInfo<ValidationReport> ReportJson => (JsonTypeInfo<ValidationReport>)json.Value.JsonSerializerOptions.GetTypeInfo(typeof(ValidationReport));

    /// <summary>The merged schema the URL names with the legal date it was selected by, or every mistake in the URL.</summary>
    private async Task<(MergedFormSchema? Schema, DateOnly LegalDate, IReadOnlyList<InputError> Errors)> ResolveAsync(
        string form, string? municipality, string? date, CancellationToken cancellationToken)
    {
        if (!validator.Schemas.IsForm(form))
        {
            return (null, default, QueryParameters.Relocate([validator.Schemas.UnknownForm(form)], QueryParameters.MunicipalityQueryPointer));
        }

        var (legalDate, queryErrors) = QueryParameters.MunicipalityAndDate(municipality, date, clock);

        if (queryErrors.Count > 0)
        {
            return (null, default, queryErrors);
        }

        var (schema, error) = await validator.GetSchemaAsync(form, municipality!, legalDate, cancellationToken);
        return schema is null
            ? (null, default, QueryParameters.Relocate([error!], QueryParameters.MunicipalityQueryPointer))
            : (schema, legalDate, []);
    }
}
