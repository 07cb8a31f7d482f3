using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using StrategicCities.Api.Contracts;
using StrategicCities.Api.Http;
using StrategicCities.Api.Problems;
using StrategicCities.Core.Catalog;

namespace StrategicCities.Api.Controllers;

/// <summary>What the catalog holds, and what is in force for a municipality on a date.</summary>
[ApiController]
[Route("api/v1/catalog")]
[Tags("Catalog")]
public sealed class CatalogController(RuleCatalog catalog, ProblemFactory problems, TimeProvider clock) : ControllerBase
{
    /// <summary>Every rule set with its versions (validity, content hash), every overlay, and counts.</summary>
    [HttpGet]
    [EndpointSummary("Rule sets, versions and overlays")]
    [ProducesResponseType<CatalogResponse>(StatusCodes.Status200OK, "application/json")]
    public ActionResult<CatalogResponse> Get() => CatalogResponse.From(catalog);

    /// <summary>What is in force for a municipality on a legal date: every layer version with its hash.</summary>
    [HttpGet("{municipality}")]
    [EndpointSummary("What is in force for a municipality")]
    [ProducesResponseType<MunicipalCatalogResponse>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status400BadRequest, ProblemFactory.MediaType)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status404NotFound, ProblemFactory.MediaType)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status422UnprocessableEntity, ProblemFactory.MediaType)]
    public IActionResult GetMunicipality(
        [Description("ISTAT code of the municipality, 6 digits (e.g. 015146 for Milano). Unknown: 404.")] string municipality,
        [FromQuery, Description("Legal reference date, yyyy-MM-dd; default today in Europe/Rome.")] string? date)
    {
        var (legalDate, dateError) = QueryParameters.LegalDate(date, clock);
        var (found, municipalityError) = catalog.FindMunicipality(municipality);
        if (dateError is not null || municipalityError is not null)
        {
            return problems.Result(HttpContext,
                QueryParameters.Relocate([.. new[] { municipalityError, dateError }.OfType<Core.InputError>()], QueryParameters.MunicipalityPathPointer));
        }

        var inForce = catalog.RuleSetIds.Select(id => catalog.Compose(id, found!, legalDate)).OfType<ComposedRuleSet>().ToList();
        return inForce.Count == 0
            ? problems.Result(HttpContext, QueryParameters.Relocate([catalog.NoVersionError(null, legalDate)], QueryParameters.MunicipalityPathPointer))
            : Ok(MunicipalCatalogResponse.From(found!, legalDate, inForce));
    }
}
