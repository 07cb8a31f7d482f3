using Microsoft.AspNetCore.Mvc;

namespace StrategicCities.Api.Controllers;

/// <summary>The landing page: the demo portal, the dashboard and open data, then the developers' links.</summary>
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
          <h2>Per i cittadini e gli uffici / For citizens and offices</h2>
          <ul>
            <li><a href="/demo">Portale dimostrativo: il modulo incorporabile / Demo portal: the embeddable form</a></li>
            <li><a href="/dashboard">Monitoraggio dei tempi (chiave di supervisore) / Monitoring dashboard (supervisor key)</a></li>
            <li><a href="/api/v1/opendata/permits-dictionary.md">Dati aperti: dizionario / Open data: data dictionary</a></li>
          </ul>
          <h2>Per gli sviluppatori / For developers</h2>
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
