using Microsoft.AspNetCore.Mvc;

namespace StrategicCities.Api.Controllers;

/// <summary>The landing page: the demo portal, the dashboard and open data, then the developers' links.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class HomeController : ControllerBase
{
    private const string Page = """
        <!doctype html>
        <html lang="it">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>StrategicCities API</title>
        </head>
        <body>
          <header>
            <h1>StrategicCities API</h1>
            <p>Regole edilizie italiane come codice / <span lang="en">Italian building-permit rules as code.</span></p>
          </header>
          <main>
            <h2>Per i cittadini e gli uffici / <span lang="en">For citizens and offices</span></h2>
            <ul>
              <li><a href="/demo">Portale dimostrativo: il modulo incorporabile / <span lang="en">Demo portal: the embeddable form</span></a></li>
              <li><a href="/dashboard">Monitoraggio dei tempi (chiave di supervisore) / <span lang="en">Monitoring dashboard (supervisor key)</span></a></li>
              <li><a href="/api/v1/opendata/permits-dictionary.md">Dati aperti: dizionario / <span lang="en">Open data: data dictionary</span></a></li>
            </ul>
            <h2>Per gli sviluppatori / <span lang="en">For developers</span></h2>
            <ul lang="en">
              <li><a href="/scalar">API reference (Scalar)</a></li>
              <li><a href="/openapi/v1.json">OpenAPI document</a></li>
              <li><a href="/api/v1/catalog">Catalog</a></li>
              <li><a href="/health/ready">Readiness</a></li>
            </ul>
          </main>
        </body>
        </html>
        """;

    /// <summary>The landing page.</summary>
    [HttpGet("/")]
    public ContentResult Index() => Content(Page, "text/html; charset=utf-8");
}
