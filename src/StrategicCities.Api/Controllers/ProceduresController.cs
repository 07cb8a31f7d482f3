using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using StrategicCities.Api.Contracts;
using StrategicCities.Api.Http;
using StrategicCities.Api.Problems;
using StrategicCities.Core;
using StrategicCities.Core.Legal;
using StrategicCities.Core.Procedures;

namespace StrategicCities.Api.Controllers;

/// <summary>The procedure definitions of each regime, and their graphs labelled with the legal basis of every transition.</summary>
[ApiController]
[Route("api/v1/procedures")]
[Tags("Procedures")]
public sealed class ProceduresController(ProcedureCatalog procedures, ProblemFactory problems, TimeProvider clock) : ControllerBase
{
    /// <summary>The procedures (one per regime) with their versions.</summary>
    [HttpGet]
    [EndpointSummary("Procedures and versions")]
    [ProducesResponseType<ProceduresResponse>(StatusCodes.Status200OK, "application/json")]
    public ActionResult<ProceduresResponse> Get() => new ProceduresResponse([
        .. procedures.Ids.Select(id => new ProcedureSummary(id, [
            .. procedures.Versions(id).Select(v => new ProcedureVersionSummary(
                v.Header.Version, v.Header.Validity.From, v.Header.Validity.To, v.Header.ContentHash))])),
    ]);

    /// <summary>
    /// The state graph of a procedure as Mermaid or Graphviz DOT text, each transition labelled with its trigger
    /// and legal basis. With <c>municipality</c>, the local steps of its overlays are included.
    /// </summary>
    [HttpGet("{id}/graph")]
    [EndpointSummary("Procedure graph (Mermaid or DOT)")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/plain")]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status400BadRequest, ProblemFactory.MediaType)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status404NotFound, ProblemFactory.MediaType)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status422UnprocessableEntity, ProblemFactory.MediaType)]
    public async Task<IActionResult> Graph(
        [Description("Procedure id: the regime, e.g. permesso-di-costruire, scia, cila.")] string id,
        [FromQuery, Description("mermaid (default) or dot.")] string? format,
        [FromQuery, Description("Legal reference date, yyyy-MM-dd; default today in Europe/Rome.")] string? date,
        [FromQuery, Description("ISTAT code: include the municipality's local steps.")] string? municipality,
        CancellationToken cancellationToken)
    {
        var graphFormat = ProcedureGraph.ParseFormat(format ?? "mermaid");
        var (legalDate, dateError) = QueryParameters.LegalDate(date, clock);
        var errors = new List<InputError>();
        if (graphFormat is null)
        {
            errors.Add(new InputError(ProblemCodes.GraphFormatUnknown, "/query/format", new LocalizedText(
                $"Formato \"{format}\" non previsto: usare mermaid o dot.", $"Unknown format \"{format}\": use mermaid or dot.")));
        }

        if (dateError is not null)
        {
            errors.Add(dateError);
        }

        if (errors.Count > 0)
        {
            return problems.Result(HttpContext, errors);
        }

        ProcedureDefinition? definition;
        if (municipality is not null)
        {
            var (resolved, error) = await procedures.ResolveAsync(id, municipality, legalDate, cancellationToken);
            if (resolved is null)
            {
                return problems.Result(HttpContext, QueryParameters.Relocate([error!], "/query/municipality"));
            }

            definition = resolved.Definition;
        }
        else
        {
            if (procedures.Versions(id).Count == 0)
            {
                return problems.Result(HttpContext, [new InputError(ProcedureCatalog.UnknownProcedure, "/path/id", new LocalizedText(
                    $"Nessun procedimento \"{id}\" (noti: {string.Join(", ", procedures.Ids)}).",
                    $"No procedure \"{id}\" (known: {string.Join(", ", procedures.Ids)})."))]);
            }

            definition = procedures.NationalAt(id, legalDate);
            if (definition is null)
            {
                var first = procedures.Versions(id)[0].Header.Validity.From;
                return problems.Result(HttpContext, [new InputError(InputError.Codes.NoVersion, "/query/date", new LocalizedText(
                    $"Nessuna versione di \"{id}\" è in vigore il {legalDate:dd/MM/yyyy}; la prima dal {first:dd/MM/yyyy}.",
                    $"No version of \"{id}\" is in force on {legalDate:yyyy-MM-dd}; the first takes effect on {first:yyyy-MM-dd}."))]);
            }
        }

        return Content(ProcedureGraph.Render(definition, graphFormat!.Value), "text/plain; charset=utf-8");
    }
}
