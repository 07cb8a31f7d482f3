using System.ComponentModel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StrategicCities.Api.Contracts;
using StrategicCities.Api.Intake;
using StrategicCities.Api.Monitoring;
using StrategicCities.Api.Problems;
using StrategicCities.Core;
using StrategicCities.Core.Monitoring;
using StrategicCities.Data.Monitoring;
using StrategicCities.Data.Offices;

namespace StrategicCities.Api.Controllers;

/// <summary>
/// Processing times and legal-deadline compliance (docs/opendata, DESIGN.md monitoring): supervisors see the
/// municipalities of their office, admins everything. Filters select applications by filing date (the cohort).
/// </summary>
[ApiController]
[Route("api/v1/stats")]
[Tags("Statistics")]
[Authorize(Policy = MonitoringApi.StatisticsPolicy)]
[ProducesResponseType<ProblemResponse>(StatusCodes.Status400BadRequest, ProblemFactory.MediaType)]
[ProducesResponseType<ProblemResponse>(StatusCodes.Status401Unauthorized, ProblemFactory.MediaType)]
[ProducesResponseType<ProblemResponse>(StatusCodes.Status403Forbidden, ProblemFactory.MediaType)]
public sealed class StatisticsController(MonitoringStore store, OfficeStore offices, ProblemFactory problems, ClockRefresh refresh) : ControllerBase
{
    /// <summary>
    /// The statistics report: one row per group (<c>groupBy</c>: comma-separated <c>municipality</c>, <c>office</c>,
    /// <c>regime</c>, <c>month</c>; default municipality,regime; empty: the total only), the total and the backlog.
    /// Median and p90 are continuous percentiles of the filing-to-decision days; the within-term share is over express
    /// decisions (legal clock).
    /// </summary>
    [HttpGet]
    [EndpointSummary("Processing times and deadline compliance")]
    [ProducesResponseType<StatisticsReport>(StatusCodes.Status200OK, "application/json")]
    public async Task<IActionResult> GetAsync(
        [FromQuery, Description("ISTAT code of one municipality.")] string? municipality,
        [FromQuery, Description("One office (id).")] string? office,
        [FromQuery, Description("One regime (procedure id, e.g. scia).")] string? regime,
        [FromQuery, Description("Filed on or after (yyyy-MM-dd).")] string? from,
        [FromQuery, Description("Filed on or before (yyyy-MM-dd).")] string? to,
        [FromQuery, Description("Comma-separated: municipality, office, regime, month.")] string? groupBy,
        CancellationToken cancellationToken)
    {
        var (query, problem) = await ScopedQueryAsync(municipality, office, regime, from, to, groupBy, cancellationToken);
        return problem ?? Ok(await store.StatisticsAsync(query!, cancellationToken));
    }

    /// <summary>The current backlog: applications awaiting a decision, by regime and state (same filters).</summary>
    [HttpGet("backlog")]
    [EndpointSummary("Current backlog by regime and state")]
    [ProducesResponseType<IReadOnlyList<BacklogEntry>>(StatusCodes.Status200OK, "application/json")]
    public async Task<IActionResult> BacklogAsync(
        [FromQuery, Description("ISTAT code of one municipality.")] string? municipality,
        [FromQuery, Description("One office (id).")] string? office,
        [FromQuery, Description("One regime (procedure id).")] string? regime,
        [FromQuery, Description("Filed on or after (yyyy-MM-dd).")] string? from,
        [FromQuery, Description("Filed on or before (yyyy-MM-dd).")] string? to,
        CancellationToken cancellationToken)
    {
        var (query, problem) = await ScopedQueryAsync(municipality, office, regime, from, to, "", cancellationToken);
        return problem ?? Ok((await store.StatisticsAsync(query!, cancellationToken)).Backlog);
    }

    /// <summary>The query restricted to the caller's scope, or the problem (400 invalid filter, 403 out of scope).</summary>
    internal async Task<(StatisticsQuery? Query, IActionResult? Problem)> ScopedQueryAsync(
        string? municipality, string? office, string? regime, string? from, string? to, string? groupBy, CancellationToken cancellationToken)
    {
        var (query, error) = StatisticsRequest.Parse(municipality, office, regime, from, to, groupBy);
        if (error is not null)
        {
            return (null, Problem(error));
        }

        await refresh.EnsureFreshAsync(cancellationToken);
        var caller = await Callers.FromAsync(User, offices, cancellationToken);
        if (caller.Scope.IsEverywhere)
        {
            return (query, null);
        }

        if (query!.Municipality is { } m && !caller.Scope.Allows(m))
        {
            return (null, Problem(ProblemFactory.Error(MonitoringCodes.OutOfScope, "/query/municipality",
                "Il comune non è tra quelli del proprio ufficio.", "The municipality is not one of your office's.")));
        }

        return (query with { Municipalities = caller.Scope.Municipalities }, null);
    }

    // The status comes from the one table (ProblemStatus): stats.query-invalid 400, stats.out-of-scope 403.
    private ObjectResult Problem(InputError error)
    {
        var status = ProblemStatus.For(error);
        var result = new ObjectResult(problems.Create(HttpContext, [error], status)) { StatusCode = status };
        result.ContentTypes.Add(ProblemFactory.MediaType);
        return result;
    }
}
