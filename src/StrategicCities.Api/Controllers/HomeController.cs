using Microsoft.AspNetCore.Mvc;

namespace StrategicCities.Api.Controllers;

/// <summary>The landing page: links to the API reference and the OpenAPI document.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class HomeController : ControllerBase
{
    private const string Page = """
        <!doctype html>
        <html lang="it">
        <head><meta charset="utf-8"><title>StrategicCities API</title></head>
        <body>
          <h1>StrategicCities API</h1>
          <p>Regole edilizie italiane come codice / Italian building-permit rules as code.</p>
          <ul>
            <li><a href="/scalar">API reference (Scalar)</a></li>
            <li><a href="/openapi/v1.json">OpenAPI document</a></li>
            <li><a href="/api/v1/catalog">Catalog</a></li>
            <li><a href="/health/ready">Readiness</a></li>
          </ul>
        </body>
        </html>
        """;

    /// <summary>The landing page.</summary>
    [HttpGet("/")]
    public ContentResult Index() => Content(Page, "text/html; charset=utf-8");
}
