using StrategicCities.Core.Legal;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StrategicCities.Api.Contracts;
using StrategicCities.Api.Contracts.Applications;
using StrategicCities.Api.Http;
using StrategicCities.Api.Intake;
using StrategicCities.Api.Intake.Auth;
using StrategicCities.Api.OpenApi;
using StrategicCities.Api.Problems;
using StrategicCities.Core;
using StrategicCities.Core.Law;
using StrategicCities.Core.Procedures;
using StrategicCities.Data.Applications;
using StrategicCities.Data.Offices;
using StrategicCities.Core.Applications;

namespace StrategicCities.Api.Controllers;

/// <summary>
/// Building-permit applications (DESIGN.md §7): drafts, data, triggers of the procedure, events, deadlines, search.
/// Clerks and supervisors see the municipalities of their office (others are 404), admins everything.
/// </summary>
[ApiController]
[Route("api/v1/applications")]
[Tags("Applications")]
[Authorize(Policy = IntakePolicies.Applications)]
[ProducesResponseType<ProblemResponse>(StatusCodes.Status401Unauthorized, ProblemFactory.MediaType)]
[ProducesResponseType<ProblemResponse>(StatusCodes.Status403Forbidden, ProblemFactory.MediaType)]
public sealed class ApplicationsController(
    ApplicationUseCases applications, ApplicationStore store, OfficeStore offices, IdempotentRequests idempotent, JsonBody body,
    ILawSource law, ProblemFactory problems, TimeProvider clock) : ControllerBase
{
    /// <summary>The idempotency header.</summary>
    public const string IdempotencyHeader = IdempotentRequests.Header;

    /// <summary>
    /// Creates a draft. With <c>Idempotency-Key</c>, a retry with the same key and body returns the stored response
    /// (one application); the same key with another body is 422 <c>idempotency.mismatch</c>; while the first is still
    /// running, 409 <c>idempotency.in-progress</c>.
    /// </summary>
    [HttpPost]
    [EndpointSummary("Create a draft application")]
    [JsonRequestBody(typeof(CreateApplicationRequest))]
    [ProducesResponseType<ApplicationResponse>(StatusCodes.Status201Created, "application/json")]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status400BadRequest, ProblemFactory.MediaType)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status409Conflict, ProblemFactory.MediaType)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status422UnprocessableEntity, ProblemFactory.MediaType)]
    [ResponseHeader(StatusCodes.Status201Created, "ETag", "The version, quoted: send it back in If-Match.")]
    [ResponseHeader(StatusCodes.Status201Created, "Location", "The new application.")]
    public Task<IActionResult> CreateAsync(
        [FromHeader(Name = IdempotencyHeader), Description("Optional key (≤ 200 chars) making a retry safe.")] string? idempotencyKey,
        CancellationToken cancellationToken) =>
        IdempotentAsync(idempotencyKey, async (text, caller, resourceId) =>
        {
            CreateApplicationRequest? request;
            try
            {
                request = JsonSerializer.Deserialize<CreateApplicationRequest>(text, JsonDefaults.Compact);
            }
            catch (JsonException)
            {
                request = null;
            }

            return request is null
                ? Problem(ProblemFactory.Error(ProblemCodes.RequestInvalid, "",
                    "Il corpo non è una richiesta di creazione valida.", "The body is not a valid create request."))
                : ApiOutcome.From(await applications.CreateAsync(caller, request, resourceId, cancellationToken), problems, HttpContext,
                    ApplicationResponse.From, StatusCodes.Status201Created, r => "/api/v1/applications/" + r.Id);
        }, requireBody: true, cancellationToken);

    /// <summary>One application (ETag = version).</summary>
    [HttpGet("{id:guid}")]
    [EndpointSummary("Get an application")]
    [ProducesResponseType<ApplicationResponse>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status404NotFound, ProblemFactory.MediaType)]
    [ResponseHeader(StatusCodes.Status200OK, "ETag", "The version, quoted.")]
    public async Task<IActionResult> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var caller = await CallerAsync(cancellationToken);
        var application = await store.GetAsync(id, caller.Scope, cancellationToken);
        return (application is null ? Problem(ApplicationProblems.NotFound())
            : ApiOutcome.Ok(StatusCodes.Status200OK, ApplicationResponse.From(application), application.Version)).ToResult(Response);
    }

    /// <summary>
    /// Replaces the draft's form data. Needs <c>If-Match</c> (428 without, 412 <c>application.stale</c> when it moved).
    /// The data is saved even when it does not validate yet (it is a draft); the response carries the validation
    /// report and the new ETag. Filing (the first trigger) refuses invalid data. After filing: 409 <c>application.filed</c>.
    /// </summary>
    [HttpPut("{id:guid}/data")]
    [EndpointSummary("Replace the draft data and validate it")]
    [JsonRequestBody(typeof(object))]
    [ProducesResponseType<UpdateDataResponse>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status404NotFound, ProblemFactory.MediaType)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status409Conflict, ProblemFactory.MediaType)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status412PreconditionFailed, ProblemFactory.MediaType)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status428PreconditionRequired, ProblemFactory.MediaType)]
    [ResponseHeader(StatusCodes.Status200OK, "ETag", "The new version, quoted.")]
    public async Task<IActionResult> UpdateDataAsync(Guid id, CancellationToken cancellationToken)
    {
        var (version, ifMatchError) = IfMatch();
        if (ifMatchError is not null)
        {
            return ifMatchError.ToResult(Response);
        }

        if (version is null)
        {
            return Problem(ProblemFactory.Error(IntakeCodes.PreconditionRequired, "/header/If-Match",
                "Serve l'intestazione If-Match con l'ETag letto.", "The If-Match header with the ETag read is required.")).ToResult(Response);
        }

        var (text, bodyError) = await body.ReadAsync(Request, cancellationToken);
        if (text is null)
        {
            return problems.Result(HttpContext, [bodyError!]);
        }

        var caller = await CallerAsync(cancellationToken);
        return ApiOutcome.From(await applications.UpdateDataAsync(caller, id, version.Value, text, cancellationToken), problems, HttpContext, r => r)
            .ToResult(Response);
    }

    /// <summary>
    /// Fires a trigger of the application's procedure. From the draft state the first trigger (<c>presentazione</c>)
    /// files the application: the form must validate (422 <c>application.invalid</c> with the report), and the pinned
    /// versions, filing date and first event are written atomically. Refusals: 404 <c>trigger.unknown</c>,
    /// 409 <c>trigger.not-permitted</c> / <c>trigger.guard-refused</c>, 403 <c>trigger.forbidden</c> (with
    /// <c>permittedTriggers</c>), 412 on a stale If-Match, 409 <c>application.conflict</c> when a concurrent writer won.
    /// Applicant acts (portal triggers) are recorded by the desk (clerk, supervisor, admin) on the applicant's behalf.
    /// </summary>
    [HttpPost("{id:guid}/triggers/{trigger}")]
    [EndpointSummary("Fire a trigger (the first one files the application)")]
    [JsonRequestBody(typeof(TriggerRequest))]
    [ProducesResponseType<TriggerResponse>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status404NotFound, ProblemFactory.MediaType)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status409Conflict, ProblemFactory.MediaType)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status412PreconditionFailed, ProblemFactory.MediaType)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status422UnprocessableEntity, ProblemFactory.MediaType)]
    [ResponseHeader(StatusCodes.Status200OK, "ETag", "The new version, quoted.")]
    public async Task<IActionResult> FireAsync(
        Guid id, string trigger,
        [FromHeader(Name = IdempotencyHeader), Description("Optional key (≤ 200 chars) making a retry safe.")] string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        var (version, ifMatchError) = IfMatch();
        if (ifMatchError is not null)
        {
            return ifMatchError.ToResult(Response);
        }

        return await IdempotentAsync(idempotencyKey, async (text, caller, _) =>
        {
            TriggerRequest? request = null;
            if (!string.IsNullOrWhiteSpace(text))
            {
                try
                {
                    request = JsonSerializer.Deserialize<TriggerRequest>(text, JsonDefaults.Compact);
                }
                catch (JsonException)
                {
                    return Problem(ProblemFactory.Error(ProblemCodes.RequestInvalid, "",
                        "Il corpo non è un atto valido ({ note, attachments, date }).", "The body is not a valid trigger request ({ note, attachments, date })."));
                }
            }

            return ApiOutcome.From(await applications.FireAsync(caller, id, trigger, request, version, cancellationToken), problems, HttpContext, r => r);
        }, requireBody: false, cancellationToken);
    }

    /// <summary>
    /// Admin only: moves a filed application to the newest revision of each file it pinned (never to another version:
    /// the law in force at filing still governs), as an audited event with who and why, and shows each term whose due
    /// date moves. With <c>dryRun</c>, only the plan. 400 without a reason, 409 for a draft or a concurrent change.
    /// </summary>
    [HttpPost("{id:guid}/repin")]
    [Authorize(Policy = IntakePolicies.Admin)]
    [EndpointSummary("Re-pin an application to the newest revisions (admin)")]
    [JsonRequestBody(typeof(RepinRequest))]
    [ProducesResponseType<RepinResponse>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status400BadRequest, ProblemFactory.MediaType)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status404NotFound, ProblemFactory.MediaType)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status409Conflict, ProblemFactory.MediaType)]
    public async Task<IActionResult> RepinAsync(Guid id, CancellationToken cancellationToken)
    {
        RepinRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<RepinRequest>(Request.Body, JsonDefaults.Compact, cancellationToken);
        }
        catch (JsonException)
        {
            request = null;
        }

        var caller = await CallerAsync(cancellationToken);
        var outcome = await applications.RepinAsync(caller, id, request?.Reason, request?.DryRun ?? false, cancellationToken);
        return ApiOutcome.From(outcome, problems, HttpContext, r => new RepinResponse(id, r.Status.ToString().ToLowerInvariant(), r.Version, r.Plan))
            .ToResult(Response);
    }

    /// <summary>The events of an application, in order.</summary>
    [HttpGet("{id:guid}/events")]
    [EndpointSummary("The events of an application")]
    [ProducesResponseType<IReadOnlyList<ApplicationEventResponse>>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status404NotFound, ProblemFactory.MediaType)]
    public async Task<IActionResult> EventsAsync(Guid id, CancellationToken cancellationToken)
    {
        var caller = await CallerAsync(cancellationToken);
        var events = await store.ListEventsAsync(id, caller.Scope, cancellationToken);
        if (events is null)
        {
            return Problem(ApplicationProblems.NotFound()).ToResult(Response);
        }

        return ApiOutcome.Ok(StatusCodes.Status200OK, events.Select(e =>
        {
            JsonElement? payload = null;
            if (e.Payload is not null)
            {
                using var document = JsonDocument.Parse(e.Payload);
                payload = document.RootElement.Clone();
            }

            return new ApplicationEventResponse
            {
                Sequence = e.Sequence, OccurredAt = e.OccurredAt, ActorId = e.Actor.Id, ActorRole = e.Actor.Role,
                Trigger = e.Trigger, From = e.FromState, To = e.ToState, Payload = payload,
            };
        }).ToList()).ToResult(Response);
    }

    /// <summary>The legal terms of an application today (Europe/Rome), on the procedure pinned at filing. A draft has none.</summary>
    [HttpGet("{id:guid}/deadlines")]
    [EndpointSummary("The legal terms and deadlines of an application")]
    [ProducesResponseType<DeadlinesResponse>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status404NotFound, ProblemFactory.MediaType)]
    public async Task<IActionResult> DeadlinesAsync(Guid id, CancellationToken cancellationToken)
    {
        var caller = await CallerAsync(cancellationToken);
        var application = await store.GetAsync(id, caller.Scope, cancellationToken);
        if (application is null)
        {
            return Problem(ApplicationProblems.NotFound()).ToResult(Response);
        }

        var today = RomeCalendar.Today(clock);
        if (application.FiledOn is not { } filedOn || application.Regime is null)
        {
            return ApiOutcome.Ok(StatusCodes.Status200OK, new DeadlinesResponse(id, today, [])).ToResult(Response);
        }

        var (inForce, municipalityError) = law.Current.At(application.Municipality, filedOn);
        var (procedure, error) = inForce is null
            ? (null, municipalityError)
            : await inForce.PinnedProcedureAsync(application.Regime, application.PinnedVersions, cancellationToken);
        if (procedure is null)
        {
            return problems.Result(HttpContext, [error!]);
        }

        var events = ProcedureEvents.From(await store.ListEventsAsync(id, caller.Scope, cancellationToken) ?? []);
        var terms = ProcedureDeadlines.Compute(procedure.Definition, events, inForce!.Calendar, application.Municipality, today);
        return ApiOutcome.Ok(StatusCodes.Status200OK, new DeadlinesResponse(id, today, terms)).ToResult(Response);
    }

    /// <summary>
    /// Applications in the caller's scope, newest first, filtered and paged (page 1–10,000, pageSize 1–500, default 50).
    /// Deeper pages are refused (400): narrow the search with the filters instead.
    /// </summary>
    [HttpGet]
    [EndpointSummary("Search applications")]
    [ProducesResponseType<ApplicationPageResponse>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status400BadRequest, ProblemFactory.MediaType)]
    public async Task<IActionResult> SearchAsync(
        [FromQuery] string? municipality, [FromQuery] string? state, [FromQuery] string? regime,
        [FromQuery] string? page, [FromQuery] string? pageSize, CancellationToken cancellationToken)
    {
        var pageNumber = 1;
        var size = 50;
        if (page is not null && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out pageNumber) || pageNumber is < 1 or > ApplicationQuery.MaxPage))
        {
            return problems.Result(HttpContext, [ProblemFactory.Error(ProblemCodes.RequestInvalid, "/query/page",
                "page deve essere un numero da 1 a 10000: per andare oltre, restringere la ricerca con i filtri.",
                "page must be a number from 1 to 10000: to go further, narrow the search with the filters.")]);
        }

        if (pageSize is not null && (!int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > ApplicationQuery.MaxPageSize))
        {
            return problems.Result(HttpContext, [ProblemFactory.Error(ProblemCodes.RequestInvalid, "/query/pageSize",
                "pageSize deve essere un numero da 1 a 500.", "pageSize must be a number from 1 to 500.")]);
        }

        var caller = await CallerAsync(cancellationToken);
        var found = await store.SearchAsync(new ApplicationQuery
        {
            Municipality = string.IsNullOrWhiteSpace(municipality) ? null : municipality.Trim(),
            State = string.IsNullOrWhiteSpace(state) ? null : state.Trim(),
            Regime = string.IsNullOrWhiteSpace(regime) ? null : regime.Trim(),
            Page = pageNumber,
            PageSize = size,
        }, caller.Scope, cancellationToken);
        return ApiOutcome.Ok(StatusCodes.Status200OK, new ApplicationPageResponse(found.Items, found.Page, found.PageSize, found.Total)).ToResult(Response);
    }

    private Task<Caller> CallerAsync(CancellationToken cancellationToken) => Callers.FromAsync(User, offices, cancellationToken);

    private (long? Version, ApiOutcome? Error) IfMatch()
    {
        var header = Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return (null, null);
        }

        var tag = header.Trim();
        if (tag.StartsWith("W/", StringComparison.OrdinalIgnoreCase))
        {
            // If-Match compares strongly (RFC 9110 §13.1.1): a weak tag never matches, so the precondition fails.
            return (null, Problem(ProblemFactory.Error(IntakeCodes.IfMatchWeak, "/header/If-Match",
                "If-Match richiede l'ETag forte ricevuto (es. \"3\"), non un ETag debole (W/\"3\").",
                "If-Match needs the strong ETag received (e.g. \"3\"), not a weak one (W/\"3\").")));
        }

        tag = tag.Trim('"');
        return long.TryParse(tag, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? (version, null)
            : (null, Problem(ProblemFactory.Error(IntakeCodes.IfMatchInvalid, "/header/If-Match",
                "If-Match deve essere l'ETag ricevuto (es. \"3\").", "If-Match must be the ETag received (e.g. \"3\").")));
    }

    /// <summary>
    /// Reads the body (when there is one, or always with <paramref name="requireBody"/>) and the caller, then runs
    /// <paramref name="action"/> once per (caller, Idempotency-Key) through the one wrapper (<see cref="IdempotentRequests"/>).
    /// </summary>
    private async Task<IActionResult> IdempotentAsync(
        string? key, Func<string, Caller, Guid?, Task<ApiOutcome>> action, bool requireBody, CancellationToken cancellationToken)
    {
        var text = "";
        if (requireBody || Request.ContentLength is > 0 || Request.Headers.TransferEncoding.Count > 0)
        {
            var (read, bodyError) = await body.ReadAsync(Request, cancellationToken);
            if (read is null)
            {
                return problems.Result(HttpContext, [bodyError!]);
            }

            text = read;
        }

        var caller = await CallerAsync(cancellationToken);
        return await idempotent.RunAsync(HttpContext, caller.Actor.Id, key, text, resourceId => action(text, caller, resourceId), cancellationToken);
    }

    private ApiOutcome Problem(InputError error) => ApiOutcome.Problem(problems, HttpContext, error);
}
