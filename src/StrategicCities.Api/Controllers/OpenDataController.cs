using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Mvc;
using StrategicCities.Api.Http;
using StrategicCities.Api.OpenApi;
using StrategicCities.Core.OpenData;
using StrategicCities.Data.Monitoring;

namespace StrategicCities.Api.Controllers;

/// <summary>
/// Open data: one row per filed application, no personal data. Public. The columns (names, order, types, codes) are
/// documented in docs/opendata/permits-dictionary.md, also served at <c>/api/v1/opendata/permits-dictionary.md</c>:
/// regime, municipality_istat, filed_on, decided_on, outcome, days_taken, within_term, intervention_category, state,
/// integration_requests, integration_days. The rows are streamed from the database to the response as they are read.
/// </summary>
[ApiController]
[Route("api/v1/opendata")]
[Tags("Open data")]
[AllowAnonymous]
public sealed class OpenDataController(MonitoringStore store) : ControllerBase
{
    /// <summary>Where the data dictionary is served.</summary>
    public const string DictionaryPath = "/api/v1/opendata/permits-dictionary.md";

    /// <summary>
    /// permits.csv — RFC 4180, UTF-8 without BOM, CRLF, one header row (regime, municipality_istat, filed_on,
    /// decided_on, outcome, days_taken, within_term, intervention_category, state, integration_requests,
    /// integration_days). Dictionary: /api/v1/opendata/permits-dictionary.md.
    /// </summary>
    [HttpGet("permits.csv")]
    [HeavyRequest]
    [DisableRequestTimeout]
    [EndpointSummary("Open data: building permits (CSV)")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/csv")]
    [ResponseHeader(StatusCodes.Status200OK, "Content-Disposition", "attachment; filename=\"permits.csv\"")]
    [ResponseHeader(StatusCodes.Status200OK, "Link", "The data dictionary (rel=\"describedby\").")]
    public Task CsvAsync(CancellationToken cancellationToken) =>
        StreamAsync(OpenDataFormat.Csv, "text/csv; charset=utf-8", "permits.csv", cancellationToken);

    /// <summary>
    /// permits.json — one JSON array of objects whose property names are the CSV columns; nulls written.
    /// Dictionary: /api/v1/opendata/permits-dictionary.md.
    /// </summary>
    [HttpGet("permits.json")]
    [HeavyRequest]
    [DisableRequestTimeout]
    [EndpointSummary("Open data: building permits (JSON)")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "application/json")]
    [ResponseHeader(StatusCodes.Status200OK, "Content-Disposition", "attachment; filename=\"permits.json\"")]
    [ResponseHeader(StatusCodes.Status200OK, "Link", "The data dictionary (rel=\"describedby\").")]
    public Task JsonAsync(CancellationToken cancellationToken) =>
        StreamAsync(OpenDataFormat.Json, "application/json; charset=utf-8", "permits.json", cancellationToken);

    /// <summary>The data dictionary of permits.csv / permits.json (Markdown).</summary>
    [HttpGet("permits-dictionary.md")]
    [EndpointSummary("Open data: the data dictionary")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/markdown")]
    public IActionResult Dictionary()
    {
        var stream = typeof(OpenDataController).Assembly.GetManifestResourceStream("StrategicCities.Api.opendata.permits-dictionary.md");
        return stream is null ? NotFound() : File(stream, "text/markdown; charset=utf-8");
    }

    private async Task StreamAsync(OpenDataFormat format, string contentType, string fileName, CancellationToken cancellationToken)
    {
        // Straight through: rows are read unbuffered and written as they come; the response is never buffered whole.
        HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        Response.ContentType = contentType;
        Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        Response.Headers.Link = $"<{DictionaryPath}>; rel=\"describedby\"; type=\"text/markdown\"";
        Response.Headers.CacheControl = "public, max-age=300";
        if (HttpMethods.IsHead(Request.Method))
        {
            // The headers of the export without reading every application for a body nobody receives.
            return;
        }

        await OpenDataWriter.WriteAsync(store.OpenDataAsync(cancellationToken: cancellationToken), format, Response.Body, cancellationToken);
    }
}
