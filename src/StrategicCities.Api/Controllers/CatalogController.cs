using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using StrategicCities.Api.Contracts;
using StrategicCities.Api.Http;
using StrategicCities.Api.Problems;
using StrategicCities.Api.Intake;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Diff;
using StrategicCities.Core.Forms;
using StrategicCities.Core.Procedures;

namespace StrategicCities.Api.Controllers;

/// <summary>What the catalog holds, and what is in force for a municipality on a date.</summary>
[ApiController]
[Route("api/v1/catalog")]
[Tags("Catalog")]
public sealed class CatalogController(
    RuleCatalog catalog, FormSchemaProvider forms, ProcedureCatalog procedures, LegalCalendarProvider calendars, ProblemFactory problems, TimeProvider clock)
    : ControllerBase
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

    /// <summary>
    /// Everything the municipality and its region change against the national baseline on a legal date: rule overlays
    /// (added, overridden and disabled rules with their legal basis and file), local form fields, procedure steps and
    /// local calendar days. JSON by default; <c>Accept: text/plain</c> gives the readable form in the language of
    /// <c>Accept-Language</c> (it or en, Italian by default).
    /// </summary>
    [HttpGet("{municipality}/diff")]
    [EndpointSummary("What a municipality changes against the national baseline")]
    [ProducesResponseType<MunicipalDiffReport>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/plain")]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status400BadRequest, ProblemFactory.MediaType)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status404NotFound, ProblemFactory.MediaType)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status422UnprocessableEntity, ProblemFactory.MediaType)]
    public async Task<IActionResult> GetDiff(
        [Description("ISTAT code of the municipality, 6 digits (e.g. 058091 for Roma). Unknown: 404.")] string municipality,
        [FromQuery, Description("Legal reference date, yyyy-MM-dd; default today in Europe/Rome.")] string? date,
        CancellationToken cancellationToken)
    {
        var (legalDate, dateError) = QueryParameters.LegalDate(date, clock);
        var (found, municipalityError) = catalog.FindMunicipality(municipality);
        if (dateError is not null || municipalityError is not null)
        {
            return problems.Result(HttpContext,
                QueryParameters.Relocate([.. new[] { municipalityError, dateError }.OfType<Core.InputError>()], QueryParameters.MunicipalityPathPointer));
        }

        if (catalog.RuleSetIds.All(id => catalog.NationalVersionAt(id, legalDate) is null))
        {
            return problems.Result(HttpContext, QueryParameters.Relocate([catalog.NoVersionError(null, legalDate)], QueryParameters.MunicipalityPathPointer));
        }

        var calendar = await calendars.GetAsync(cancellationToken);
        var report = MunicipalDiff.Compute(catalog, forms, procedures, calendar, found!, legalDate);
        Response.Headers.Append("Vary", "Accept, Accept-Language");
        return !PrefersText(Request) ? Ok(report) : Content(MunicipalDiffText.Render(report, RequestLanguage.Pick(Request)), "text/plain; charset=utf-8");
    }

    // Plain text only when asked for, and preferred to JSON: a browser's or curl's */* keeps JSON.
    private static bool PrefersText(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        double Quality(string type) => accept
            .Where(a => a.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Quality ?? 1.0).DefaultIfEmpty(-1).Max();
        var text = Quality("text/plain");
        return text > 0 && text > Quality("application/json");
    }
}
