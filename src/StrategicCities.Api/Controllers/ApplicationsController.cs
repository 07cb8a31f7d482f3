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
using StrategicCities.Core.Procedures;
using StrategicCities.Data.Applications;
using StrategicCities.Data.Idempotency;
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
    ApplicationService intake, ApplicationStore store, OfficeStore offices, IdempotencyStore idempotency, JsonBody body,
    LegalCalendarProvider calendars, ProcedureCatalog procedures, ProblemFactory problems, TimeProvider clock,
    ApplicationRepin repin) : ControllerBase
{
    /// <summary>The idempotency header.</summary>
    public const string IdempotencyHeader = "Idempotency-Key";

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
                ? intake.Problem(HttpContext, StatusCodes.Status400BadRequest, ProblemFactory.Error(ProblemCodes.RequestInvalid, "",
                    "Il corpo non è una richiesta di creazione valida.", "The body is not a valid create request."))
                : await intake.CreateAsync(HttpContext, caller, request, resourceId, cancellationToken);
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
        return (application is null ? intake.NotFound(HttpContext)
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
            return intake.Problem(HttpContext, StatusCodes.Status428PreconditionRequired, ProblemFactory.Error(IntakeCodes.PreconditionRequired, "/header/If-Match",
                "Serve l'intestazione If-Match con l'ETag letto.", "The If-Match header with the ETag read is required.")).ToResult(Response);
        }

        var (text, bodyError) = await body.ReadAsync(Request, cancellationToken);
        if (text is null)
        {
            return problems.Result(HttpContext, [bodyError!]);
        }

        var caller = await CallerAsync(cancellationToken);
        return (await intake.UpdateDataAsync(HttpContext, caller, id, version.Value, text, cancellationToken)).ToResult(Response);
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
                    return intake.Problem(HttpContext, StatusCodes.Status400BadRequest, ProblemFactory.Error(ProblemCodes.RequestInvalid, "",
                        "Il corpo non è un atto valido ({ note, attachments, date }).", "The body is not a valid trigger request ({ note, attachments, date })."));
                }
            }

            return await intake.FireAsync(HttpContext, caller, id, trigger, request, version, cancellationToken);
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

        if (string.IsNullOrWhiteSpace(request?.Reason))
        {
            return intake.Problem(HttpContext, StatusCodes.Status400BadRequest, ProblemFactory.Error(IntakeCodes.RepinReasonMissing, "/reason",
                "Indicare il motivo del riallineamento ({ \"reason\": \"…\" }): resta nell'evento di audit.",
                "Give the reason for the re-pin ({ \"reason\": \"…\" }): it is kept in the audit event.")).ToResult(Response);
        }

        var caller = await CallerAsync(cancellationToken);
        var result = await repin.RunAsync(id, procedures, await calendars.GetAsync(cancellationToken), caller.Actor, request!.Reason!.Trim(),
            request.DryRun, caller.Scope, RomeCalendar.Today(clock), cancellationToken);
        return (result.Status switch
        {
            RepinStatus.NotFound => intake.NotFound(HttpContext),
            RepinStatus.NotFiled => intake.Problem(HttpContext, StatusCodes.Status409Conflict, ProblemFactory.Error(IntakeCodes.RepinNotFiled, "",
                "La pratica è una bozza: non ha ancora versioni vincolate.", "The application is a draft: it has pinned nothing yet.")),
            RepinStatus.Refused => intake.Problem(HttpContext, ProblemStatus.For(result.Error!), result.Error!),
            RepinStatus.Conflict => intake.Stale(HttpContext, result.Version),
            _ => ApiOutcome.Ok(StatusCodes.Status200OK, new RepinResponse(id, result.Status.ToString().ToLowerInvariant(), result.Version, result.Plan), result.Version),
        }).ToResult(Response);
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
            return intake.NotFound(HttpContext).ToResult(Response);
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
            return intake.NotFound(HttpContext).ToResult(Response);
        }

        var today = RomeCalendar.Today(clock);
        if (application.FiledOn is not { } filedOn || application.Regime is null)
        {
            return ApiOutcome.Ok(StatusCodes.Status200OK, new DeadlinesResponse(id, today, [])).ToResult(Response);
        }

        var (procedure, error) = await procedures.ResolvePinnedAsync(application.Regime, application.Municipality, filedOn, application.PinnedVersions, cancellationToken);
        if (procedure is null)
        {
            return problems.Result(HttpContext, [error!]);
        }

        var events = ProcedureEvents.From(await store.ListEventsAsync(id, caller.Scope, cancellationToken) ?? []);
        var calendar = await calendars.GetAsync(cancellationToken);
        var terms = ProcedureDeadlines.Compute(procedure.Definition, events, calendar, application.Municipality, today);
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

    private Task<Caller> CallerAsync(CancellationToken cancellationToken) => Caller.FromAsync(User, offices, cancellationToken);

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
            return (null, intake.Problem(HttpContext, StatusCodes.Status412PreconditionFailed, ProblemFactory.Error(IntakeCodes.IfMatchWeak, "/header/If-Match",
                "If-Match richiede l'ETag forte ricevuto (es. \"3\"), non un ETag debole (W/\"3\").",
                "If-Match needs the strong ETag received (e.g. \"3\"), not a weak one (W/\"3\").")));
        }

        tag = tag.Trim('"');
        return long.TryParse(tag, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? (version, null)
            : (null, intake.Problem(HttpContext, StatusCodes.Status400BadRequest, ProblemFactory.Error(IntakeCodes.IfMatchInvalid, "/header/If-Match",
                "If-Match deve essere l'ETag ricevuto (es. \"3\").", "If-Match must be the ETag received (e.g. \"3\").")));
    }

    /// <summary>
    /// Runs <paramref name="action"/> once per (caller, Idempotency-Key); replays the stored outcome on a retry. The
    /// action gets the body, the caller and, under a key, the id a resource it creates takes (the same for a retry
    /// that takes over the lease of an attempt that died: IdempotencyStore).
    /// </summary>
    private async Task<IActionResult> IdempotentAsync(
        string? key, Func<string, Caller, Guid?, Task<ApiOutcome>> action, bool requireBody, CancellationToken cancellationToken)
    {
        string text;
        if (requireBody || Request.ContentLength is > 0 || Request.Headers.TransferEncoding.Count > 0)
        {
            var (read, bodyError) = await body.ReadAsync(Request, cancellationToken);
            if (read is null)
            {
                return problems.Result(HttpContext, [bodyError!]);
            }

            text = read;
        }
        else
        {
            text = "";
        }

        var caller = await CallerAsync(cancellationToken);
        if (key is null)
        {
            return (await action(text, caller, null)).ToResult(Response);
        }

        if (key.Length is 0 or > 200)
        {
            return intake.Problem(HttpContext, StatusCodes.Status400BadRequest, ProblemFactory.Error(IntakeCodes.IdempotencyKeyInvalid, "/header/Idempotency-Key",
                "Idempotency-Key deve avere da 1 a 200 caratteri.", "Idempotency-Key must have 1 to 200 characters.")).ToResult(Response);
        }

        var hash = IdempotencyStore.HashRequest(Request.Method, Request.Path.Value ?? "", Encoding.UTF8.GetBytes(text));
        var begin = await idempotency.BeginAsync(caller.Actor.Id, key, hash, cancellationToken);
        switch (begin.Status)
        {
            case IdempotencyStatus.Replay:
                var stored = begin.ResponseBody is null ? null : JsonSerializer.Deserialize<ApiOutcome>(begin.ResponseBody, JsonDefaults.Compact);
                Response.Headers["Idempotent-Replayed"] = "true";
                return (stored ?? new ApiOutcome { Status = begin.StatusCode ?? StatusCodes.Status200OK, Body = "{}" }).ToResult(Response);
            case IdempotencyStatus.InProgress:
                if (begin.RetryAfter is { } retryAfter)
                {
                    Response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return intake.Problem(HttpContext, StatusCodes.Status409Conflict, ProblemFactory.Error(IntakeCodes.IdempotencyInProgress, "/header/Idempotency-Key",
                    "Una richiesta con la stessa chiave è ancora in corso: riprovare tra poco.", "A request with the same key is still in progress: retry shortly.")).ToResult(Response);
            case IdempotencyStatus.Mismatch:
                return intake.Problem(HttpContext, StatusCodes.Status422UnprocessableEntity, ProblemFactory.Error(IntakeCodes.IdempotencyMismatch, "/header/Idempotency-Key",
                    "La chiave di idempotenza è già stata usata per una richiesta diversa.", "The idempotency key was already used for a different request.")).ToResult(Response);
        }

        ApiOutcome outcome;
        try
        {
            outcome = await action(text, caller, begin.ResourceId);
        }
        catch
        {
            await idempotency.AbandonAsync(caller.Actor.Id, key, begin.LeaseStartedAt!.Value, CancellationToken.None);
            throw;
        }

        // Faults are not stored (a retry may succeed); outcomes, including refusals, are. Only while this attempt
        // still holds the key's lease (IdempotencyStore).
        await idempotency.CompleteAsync(caller.Actor.Id, key, begin.LeaseStartedAt!.Value, outcome.Status, JsonSerializer.Serialize(outcome, JsonDefaults.Compact), CancellationToken.None);
        return outcome.ToResult(Response);
    }
}
