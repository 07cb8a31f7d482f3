using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StrategicCities.Api.Contracts;
using StrategicCities.Api.Monitoring;
using StrategicCities.Api.Problems;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Monitoring;
using StrategicCities.Data.Monitoring;
using StrategicCities.Data.Offices;

namespace StrategicCities.Api.Controllers;

/// <summary>
/// The monitoring dashboard: the page (<c>/dashboard</c>, public shell, its script asks for a supervisor key) and
/// its three charts, rendered on the server as SVG from the statistics (same filters, roles and scope as
/// <c>/api/v1/stats</c>).
/// </summary>
[ApiController]
[Tags("Statistics")]
public sealed class DashboardController(MonitoringStore store, OfficeStore offices, ProblemFactory problems, RuleCatalog catalog, ClockRefresh refresh) : ControllerBase
{
    // Fills with at least 3:1 contrast against the white page (WCAG 1.4.11); SvgCharts adds a pattern per series.
    private static readonly SvgCharts.Series Filed = new("Presentate / filed", "#1f4e99");
    private static readonly SvgCharts.Series Decided = new("Decise / decided", "#1a7f37");
    private static readonly SvgCharts.Series Pending = new("In attesa / pending", "#b45309");
    private static readonly SvgCharts.Series Applications = new("Pratiche / applications", "#6f42c1");
    private static readonly SvgCharts.Series InTerm = new("Nei termini / within term", "#0e7490");

    /// <summary>The dashboard page (strict CSP: scripts and styles from this origin only).</summary>
    [HttpGet("/dashboard")]
    [AllowAnonymous]
    [ApiExplorerSettings(IgnoreApi = true)]
    public IActionResult Page()
    {
        Response.Headers.ContentSecurityPolicy =
            "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
            "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
        Response.Headers.CacheControl = "no-cache";
        var stream = typeof(DashboardController).Assembly.GetManifestResourceStream("StrategicCities.Api.web.dashboard.index.html")!;
        return File(stream, "text/html; charset=utf-8");
    }

    /// <summary>
    /// One chart as SVG: <c>backlog</c> (per month of filing: filed, decided, still pending), <c>durations</c>
    /// (histogram of filing-to-decision days, 15-day bins) or <c>compliance</c> (per municipality: % of express
    /// decisions within the legal term). Filters as <c>GET /api/v1/stats</c>.
    /// </summary>
    [HttpGet("/api/v1/stats/charts/{chart}.svg")]
    [Authorize(Policy = MonitoringApi.StatisticsPolicy)]
    [EndpointSummary("A dashboard chart (SVG)")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "image/svg+xml")]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status400BadRequest, ProblemFactory.MediaType)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status401Unauthorized, ProblemFactory.MediaType)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status403Forbidden, ProblemFactory.MediaType)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status404NotFound, ProblemFactory.MediaType)]
    public async Task<IActionResult> ChartAsync(
        string chart, string? municipality, string? office, string? regime, string? from, string? to, CancellationToken cancellationToken)
    {
        var stats = new StatisticsController(store, offices, problems, refresh) { ControllerContext = ControllerContext };
        var (query, problem) = await stats.ScopedQueryAsync(municipality, office, regime, from, to, "", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        string svg;
        switch (chart)
        {
            case "backlog":
            {
                var report = await store.StatisticsAsync(query! with { GroupBy = [StatisticsDimension.Month] }, cancellationToken);
                var rows = report.Rows.Where(r => r.Key.Month is not null).ToList();
                svg = SvgCharts.Bars("chart-backlog", "Pratiche per mese di presentazione / applications by month filed",
                    [.. rows.Select(r => r.Key.Month!)], [Filed, Decided, Pending],
                    (c, s) => s switch { 0 => rows[c].Filed, 1 => rows[c].Decided, _ => rows[c].Pending }, Count);
                break;
            }

            case "durations":
            {
                const int bin = 15;
                const int bins = 12;
                var counts = new long[bins + 1];
                await foreach (var days in store.DurationsAsync(query!, cancellationToken))
                {
                    counts[Math.Clamp(days / bin, 0, bins)]++;
                }

                var labels = Enumerable.Range(0, bins).Select(i => $"{i * bin}–{(i * bin) + bin - 1} gg").Append($"≥ {bins * bin} gg").ToList();
                svg = SvgCharts.Bars("chart-durations", "Giorni dalla presentazione alla decisione / days to decision",
                    labels, [Applications], (c, _) => counts[c], Count);
                break;
            }

            case "compliance":
            {
                var report = await store.StatisticsAsync(query! with { GroupBy = [StatisticsDimension.Municipality] }, cancellationToken);
                var rows = report.Rows.Where(r => r.WithinTermShare is not null).ToList();
                svg = SvgCharts.Bars("chart-compliance", "Decisioni espresse nei termini per comune / within term by municipality",
                    [.. rows.Select(r => catalog.Municipalities.Find(r.Key.Municipality ?? "")?.Name ?? r.Key.Municipality ?? "")], [InTerm],
                    (c, _) => 100 * rows[c].WithinTermShare!.Value, v => v.ToString("0", CultureInfo.InvariantCulture) + " %", max: 100);
                break;
            }

            default:
                return NotFound();
        }

        Response.Headers.CacheControl = "private, no-store";
        return Content(svg, "image/svg+xml; charset=utf-8");
    }

    private static string Count(double value) => Math.Round(value).ToString("0", CultureInfo.InvariantCulture);
}
