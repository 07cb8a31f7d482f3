using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using StrategicCities.Api.Contracts;
using StrategicCities.Api.Http;
using StrategicCities.Api.OpenApi;
using StrategicCities.Api.Problems;
using StrategicCities.Core.Fees;
using StrategicCities.Core.Law;

namespace StrategicCities.Api.Controllers;

/// <summary>The contributo di costruzione and desk charges of an intervention (DESIGN.md §9), public like the determination.</summary>
[ApiController]
[Route("api/v1/fees")]
[Tags("Fees")]
public sealed class FeesController(LawCatalog catalog, JsonBody body, ProblemFactory problems, TimeProvider clock) : ControllerBase
{
    /// <summary>
    /// Computes the fees: itemized lines with formula, inputs, tariffs and legal basis, exemptions, totals, rounding and
    /// instalments. The municipality and the legal date are query parameters; amounts are decimal euros.
    /// </summary>
    [HttpPost]
    [EndpointSummary("Compute the fees of an intervention")]
    [JsonRequestBody(typeof(FeeRequest), Description = "The fee input (docs/fees/README.md), e.g. {\"regime\":\"permesso-di-costruire\",\"category\":\"nuova-costruzione\",\"use\":\"commerciale\",\"surface\":100,\"worksCost\":100000}. Error pointers point into it.")]
    [ProducesResponseType<FeeAssessment>(StatusCodes.Status200OK, "application/json")]
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

        var (law, lawError) = catalog.At(municipality!, legalDate);
        if (law is null)
        {
            return problems.Result(HttpContext, QueryParameters.Relocate([lawError!], QueryParameters.MunicipalityQueryPointer));
        }

        var (assessment, errors) = await FeeCalculator.ComputeAsync(law, text!, cancellationToken);
        return assessment is null ? problems.Result(HttpContext, errors) : Ok(assessment);
    }
}
