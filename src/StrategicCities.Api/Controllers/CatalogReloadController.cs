using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StrategicCities.Api.Catalog;
using StrategicCities.Api.Contracts;
using StrategicCities.Api.Intake;
using StrategicCities.Api.Intake.Auth;
using StrategicCities.Api.Problems;
using StrategicCities.Core.Catalog;

namespace StrategicCities.Api.Controllers;

/// <summary>Hot reload of the law catalog (admin): verified aside, swapped atomically, or refused with every problem.</summary>
[ApiController]
[Route("api/v1/catalog/reload")]
[Tags("Catalog")]
[Authorize(Policy = IntakePolicies.Admin)]
public sealed class CatalogReloadController(LoadedCatalog loaded, ProblemFactory problems) : ControllerBase
{
    /// <summary>Problem code: the new catalog was refused; the previous one keeps serving.</summary>
    public const string ReloadRefused = Core.Problems.ProblemCatalog.CatalogReloadRefused;

    /// <summary>
    /// Reads rules/ and schemas/ again, verifies everything as at start, and swaps the new catalog in for the next
    /// requests (requests in flight finish on the catalog they started with). Refused: 422 <c>catalog.reload-refused</c>
    /// listing every problem, and the catalog serving before keeps serving. SIGHUP does the same.
    /// </summary>
    [HttpPost]
    [EndpointSummary("Reload the law catalog (admin)")]
    [ProducesResponseType<CatalogReloadResponse>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status401Unauthorized, ProblemFactory.MediaType)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status403Forbidden, ProblemFactory.MediaType)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status422UnprocessableEntity, ProblemFactory.MediaType)]
    public async Task<IActionResult> ReloadAsync(CancellationToken cancellationToken)
    {
        var result = await loaded.LoadAsync(cancellationToken);
        if (!result.Succeeded)
        {
            return ApiOutcome.Problem(problems, HttpContext, ProblemFactory.Error(ReloadRefused, "",
                $"Il nuovo catalogo è stato rifiutato ({result.Problems.Count} problemi, vedi \"problems\"): resta in servizio quello precedente.",
                $"The new catalog was refused ({result.Problems.Count} problems, see \"problems\"): the previous one keeps serving."),
                new Dictionary<string, object?> { ["problems"] = result.Problems.Select(ReloadProblem.From).ToList() }).ToResult(Response);
        }

        var catalog = result.Catalog!;
        return Ok(new CatalogReloadResponse(catalog.LoadedAt, CatalogResponse.From(catalog.Rules).Counts));
    }
}

/// <summary>A reload that took effect: when, and what the new catalog holds.</summary>
public sealed record CatalogReloadResponse(
    [property: JsonPropertyName("loadedAt")] DateTimeOffset LoadedAt,
    [property: JsonPropertyName("counts")] CatalogCounts Counts);

/// <summary>One reason a reload was refused: the file, the rule (if any), the stable code and the message.</summary>
public sealed record ReloadProblem(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("rule")] string? Rule,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message)
{
    /// <summary>From a catalog problem.</summary>
    public static ReloadProblem From(CatalogProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new(problem.File, problem.Rule, problem.Code, problem.Message);
    }
}
