using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using StrategicCities.Api.Contracts;
using StrategicCities.Api.Http;
using StrategicCities.Api.OpenApi;
using StrategicCities.Api.Problems;
using StrategicCities.Core;
using StrategicCities.Core.Determination;

namespace StrategicCities.Api.Controllers;

/// <summary>Intervention → regime, additional acts and attachments (DESIGN.md §4).</summary>
[ApiController]
[Route("api/v1/determinations")]
[Tags("Determination")]
public sealed class DeterminationsController(DeterminationEngine engine, JsonBody body, ProblemFactory problems, TimeProvider clock) : ControllerBase
{
    /// <summary>
    /// Determines the regime of an intervention. The body is the intervention itself (application/json);
    /// the municipality and the legal date are query parameters.
    /// </summary>
    [HttpPost]
    [EndpointSummary("Determine the regime of an intervention")]
    [JsonRequestBody(typeof(InterventionRequest), Description = "The intervention (DESIGN.md §4), e.g. {\"category\":\"nuova-costruzione\"}. Error pointers point into it.")]
    [ProducesResponseType<DeterminationResult>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status400BadRequest, ProblemFactory.MediaType)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status413PayloadTooLarge, ProblemFactory.MediaType)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status415UnsupportedMediaType, ProblemFactory.MediaType)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status422UnprocessableEntity, ProblemFactory.MediaType)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status500InternalServerError, ProblemFactory.MediaType)]
    public async Task<IActionResult> PostAsync(
        [FromQuery, Description("ISTAT code of the municipality, 6 digits (e.g. 015146 for Milano). Required.")] string? municipality,
        [FromQuery, Description("Legal reference date (submission date), yyyy-MM-dd; default today in Europe/Rome.")] string? date,
        CancellationToken cancellationToken)
    {
        var (legalDate, queryErrors) = QueryParameters.MunicipalityAndDate(municipality, date, clock);

        if (queryErrors.Count > 0)
        {
            return problems.Result(HttpContext, queryErrors);
        }

        var (text, bodyError) = await body.ReadAsync(Request, cancellationToken);
        if (bodyError is not null)
        {
            return problems.Result(HttpContext, [bodyError]);
        }

        var (result, errors) = await engine.DetermineAsync(municipality!, legalDate, text!, cancellationToken);
        return result is null
            ? problems.Result(HttpContext, QueryParameters.Relocate(errors, QueryParameters.MunicipalityQueryPointer))
            : Ok(result);
    }
}
