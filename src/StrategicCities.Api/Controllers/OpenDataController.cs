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
/// Open data. The published dataset is permits-monthly (CSV, JSON): applications counted per month, municipality, regime
/// and category, no cell under three applications, CC BY 4.0, described in DCAT-AP_IT at <c>catalog.jsonld</c>.
/// permits.csv / permits.json: one row per filed application, no personal data. Public. The columns (names, order, types, codes) are
/// documented in docs/opendata/permits-dictionary.md, also served at <c>/api/v1/opendata/permits-dictionary.md</c>:
/// regime, municipality_istat, filed_on, decided_on, outcome, days_taken, within_term, intervention_category, state,
/// integration_requests, integration_days. The rows are streamed from the database to the response as they are read.
/// </summary>
[ApiController]
[Route("api/v1/opendata")]
[Tags("Open data")]
[AllowAnonymous]
public sealed class OpenDataController(MonitoringStore store, IConfiguration configuration, TimeProvider clock) : ControllerBase
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

    /// <summary>
    /// permits-monthly.csv — the open dataset: per month of filing, municipality, regime and intervention category, the
    /// applications filed, decided, decided expressly and within the legal term, tacit outcomes, integration requests
    /// and the median duration; cells under three applications merged or suppressed. CC BY 4.0 (Link rel="license").
    /// </summary>
    [HttpGet("permits-monthly.csv")]
    [HeavyRequest]
    [DisableRequestTimeout]
    [EndpointSummary("Open data: building permits per month (CSV, CC BY 4.0)")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/csv")]
    [ResponseHeader(StatusCodes.Status200OK, "Content-Disposition", "attachment; filename=\"permits-monthly.csv\"")]
    [ResponseHeader(StatusCodes.Status200OK, "Link", "The data dictionary (rel=\"describedby\") and the licence (rel=\"license\").")]
    public Task MonthlyCsvAsync(CancellationToken cancellationToken) =>
        StreamMonthlyAsync(OpenDataFormat.Csv, "text/csv; charset=utf-8", "permits-monthly.csv", cancellationToken);

    /// <summary>
    /// permits-monthly.json — one object: the licence (<c>license</c>, <c>licenseId</c>), the suppression rule and
    /// <c>rows</c>, whose property names are the CSV columns.
    /// </summary>
    [HttpGet("permits-monthly.json")]
    [HeavyRequest]
    [DisableRequestTimeout]
    [EndpointSummary("Open data: building permits per month (JSON, CC BY 4.0)")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "application/json")]
    [ResponseHeader(StatusCodes.Status200OK, "Content-Disposition", "attachment; filename=\"permits-monthly.json\"")]
    [ResponseHeader(StatusCodes.Status200OK, "Link", "The data dictionary (rel=\"describedby\") and the licence (rel=\"license\").")]
    public Task MonthlyJsonAsync(CancellationToken cancellationToken) =>
        StreamMonthlyAsync(OpenDataFormat.Json, "application/json; charset=utf-8", "permits-monthly.json", cancellationToken);

    /// <summary>
    /// DCAT-AP_IT metadata (JSON-LD) of the monthly dataset and its distributions, for harvesting by dati.gov.it. The
    /// publisher comes from OpenData:PublisherName, OpenData:PublisherIpaCode, OpenData:ContactEmail and
    /// OpenData:BaseUrl (default: this request's scheme and host).
    /// </summary>
    [HttpGet("catalog.jsonld")]
    [EndpointSummary("Open data: DCAT-AP_IT metadata (JSON-LD)")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "application/ld+json")]
    public async Task MetadataAsync(CancellationToken cancellationToken)
    {
        Response.ContentType = "application/ld+json; charset=utf-8";
        Response.Headers.Link = OpenDataLicence.LinkHeader;
        Response.Headers.CacheControl = "public, max-age=300";
        await using var json = new System.Text.Json.Utf8JsonWriter(Response.Body, new System.Text.Json.JsonWriterOptions { Indented = true });
        DcatApItMetadata.Write(json, Publisher(), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        await json.FlushAsync(cancellationToken);
    }

    /// <summary>The data dictionary of permits.csv / permits.json (Markdown).</summary>
    [HttpGet("permits-dictionary.md")]
    [EndpointSummary("Open data: the data dictionary")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/markdown")]
    public IActionResult Dictionary()
    {
        var stream = typeof(OpenDataController).Assembly.GetManifestResourceStream("StrategicCities.Api.opendata.permits-dictionary.md");
        return stream is null ? NotFound() : File(stream, "text/markdown; charset=utf-8");
    }

    private OpenDataPublisher Publisher() => new()
    {
        Name = configuration["OpenData:PublisherName"] ?? "StrategicCities",
        IpaCode = configuration["OpenData:PublisherIpaCode"] ?? "strategiccities",
        ContactEmail = configuration["OpenData:ContactEmail"] ?? "opendata@example.invalid",
        BaseUrl = configuration["OpenData:BaseUrl"] ?? $"{Request.Scheme}://{Request.Host}",
    };

    private async Task StreamMonthlyAsync(OpenDataFormat format, string contentType, string fileName, CancellationToken cancellationToken)
    {
        HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        Response.ContentType = contentType;
        Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        Response.Headers.Link = $"<{DictionaryPath}>; rel=\"describedby\"; type=\"text/markdown\", {OpenDataLicence.LinkHeader}";
        Response.Headers.CacheControl = "public, max-age=300";
        if (HttpMethods.IsHead(Request.Method))
        {
            return;
        }

        await MonthlyOpenDataWriter.WriteAsync(store.MonthlyOpenDataAsync(cancellationToken: cancellationToken), format, Response.Body, cancellationToken);
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
