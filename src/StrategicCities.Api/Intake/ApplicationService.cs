using System.Text.Json;
using System.Text.Json.Serialization;
using StrategicCities.Api.Contracts.Applications;
using StrategicCities.Api.Http;
using StrategicCities.Api.Problems;
using StrategicCities.Core;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Forms;
using StrategicCities.Core.Law;
using StrategicCities.Core.Legal;
using StrategicCities.Core.Procedures;
using StrategicCities.Data;
using StrategicCities.Data.ApiKeys;
using StrategicCities.Data.Applications;

namespace StrategicCities.Api.Intake;

/// <summary>
/// The application use cases behind the thin controller and the deadline sweep (one code path for both):
/// create, update data, fire a trigger (the first one from the draft state files the application).
/// Refusals are outcomes (<see cref="ApiOutcome"/> problems), never exceptions.
/// </summary>
public sealed class ApplicationService(
    ApplicationStore store, ProcedureCatalog procedures, FormValidator validator, LegalCalendarProvider calendars,
    ProblemFactory problems, TimeProvider clock, ILogger<ApplicationService> logger)
{
    /// <summary>The regime's default form when the request names none.</summary>
    public static string DefaultForm(string regime) => regime switch
    {
        "permesso-di-costruire" => "pdc",
        // Both compliance assessments (artt. 36 and 36-bis D.P.R. 380/2001) are requested on the permit form's sanatoria section.
        "accertamento-conformita" or "accertamento-conformita-parziale" => "pdc-sanatoria",
        _ => regime,
    };

    /// <summary>Creates a draft in the procedure's initial state; <paramref name="id"/>, when given, makes a retry find it.</summary>
    public async Task<ApiOutcome> CreateAsync(HttpContext http, Caller caller, CreateApplicationRequest request, Guid? id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        List<InputError> errors = [];
        if (string.IsNullOrWhiteSpace(request.Municipality))
        {
            errors.Add(ProblemFactory.Error(ProblemCodes.RequestInvalid, "/municipality", "Manca il comune (codice ISTAT).", "The municipality (ISTAT code) is missing."));
        }

        if (string.IsNullOrWhiteSpace(request.Regime))
        {
            errors.Add(ProblemFactory.Error(ProblemCodes.RequestInvalid, "/regime", "Manca il regime.", "The regime is missing."));
        }

        if (request.Data is { ValueKind: not JsonValueKind.Object and not JsonValueKind.Null and not JsonValueKind.Undefined })
        {
            errors.Add(ProblemFactory.Error(ProblemCodes.BodyNotObject, "/data", "I dati del modulo devono essere un oggetto JSON.", "The form data must be a JSON object."));
        }

        if (errors.Count > 0)
        {
            return Problem(http, StatusCodes.Status400BadRequest, errors[0]);
        }

        var municipality = request.Municipality!.Trim();
        var regime = request.Regime!.Trim();
        var form = string.IsNullOrWhiteSpace(request.Form) ? DefaultForm(regime) : request.Form.Trim();
        var (found, municipalityError) = procedures.Rules.FindMunicipality(municipality);
        if (found is null)
        {
            return Problem(http, StatusCodes.Status422UnprocessableEntity, municipalityError! with { Pointer = "/municipality" });
        }

        if (!caller.Scope.Allows(municipality))
        {
            return Problem(http, StatusCodes.Status403Forbidden, ProblemFactory.Error(IntakeCodes.OutOfScope, "/municipality",
                "Il comune non è servito dall'ufficio di questa chiave.", "The municipality is not served by this key's office."));
        }

        if (!validator.Schemas.IsForm(form))
        {
            return Problem(http, StatusCodes.Status422UnprocessableEntity, validator.Schemas.UnknownForm(form) with { Pointer = "/form" });
        }

        var today = RomeCalendar.Today(clock);
        var (procedure, procedureError) = await procedures.ResolveAsync(regime, municipality, today, cancellationToken);
        if (procedure is null)
        {
            var error = procedureError!.Code == ProcedureCatalog.UnknownProcedure
                ? procedureError with { Code = IntakeCodes.RegimeUnknown, Pointer = "/regime" }
                : procedureError;
            return Problem(http, StatusCodes.Status422UnprocessableEntity, error);
        }

        var record = await store.CreateDraftAsync(new NewApplication
        {
            Id = id,
            Municipality = municipality,
            OfficeId = caller.OfficeId,
            Form = form,
            Regime = regime,
            Data = request.Data is { ValueKind: JsonValueKind.Object } data ? data.GetRawText() : "{}",
            State = procedure.Definition.Initial,
            CreatedBy = caller.Actor,
        }, cancellationToken);
        IntakeLog.ApplicationCreated(logger, record.Id, regime, caller.Role);
        return ApiOutcome.Ok(StatusCodes.Status201Created, ApplicationResponse.From(record), record.Version, "/api/v1/applications/" + record.Id);
    }

    /// <summary>Replaces the draft data (saved even when not yet valid: it is a draft) and reports on it.</summary>
    public async Task<ApiOutcome> UpdateDataAsync(HttpContext http, Caller caller, Guid id, long expectedVersion, string json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var application = await store.GetAsync(id, caller.Scope, cancellationToken);
        if (application is null)
        {
            return NotFound(http);
        }

        if (application.FiledOn is not null)
        {
            return Problem(http, StatusCodes.Status409Conflict, ProblemFactory.Error(IntakeCodes.AlreadyFiled, "",
                "La pratica è già presentata: i dati non si modificano più (usare le integrazioni).",
                "The application is filed: its data no longer changes (use the integration triggers)."));
        }

        if (application.Version != expectedVersion)
        {
            return Stale(http, application.Version);
        }

        var (report, errors) = await validator.ValidateAsync(application.Form, application.Municipality, RomeCalendar.Today(clock), json, cancellationToken);
        if (report is null)
        {
            return ProblemOf(http, errors);
        }

        var written = await store.UpdateDataAsync(id, expectedVersion, json, caller.Scope, cancellationToken);
        return written.Status switch
        {
            WriteStatus.Ok => ApiOutcome.Ok(StatusCodes.Status200OK, new UpdateDataResponse(id, written.Version!.Value, report), written.Version),
            WriteStatus.NotFound => NotFound(http),
            _ => Stale(http, written.Version),
        };
    }

    /// <summary>
    /// Fires a trigger as <paramref name="caller"/>. From the draft (initial) state the trigger files the application:
    /// the form must validate, and the pins, filing date and first event are written atomically.
    /// </summary>
    /// <param name="http">For problem details (null for the sweep).</param>
    /// <param name="caller">Who fires.</param>
    /// <param name="id">The application.</param>
    /// <param name="trigger">The trigger.</param>
    /// <param name="request">Optional note, attachments, legal date.</param>
    /// <param name="ifMatch">The version the caller read (412 when it moved), or null.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<ApiOutcome> FireAsync(
        HttpContext http, Caller caller, Guid id, string trigger, TriggerRequest? request, long? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(trigger);
        var application = await store.GetAsync(id, caller.Scope, cancellationToken);
        if (application is null)
        {
            return NotFound(http);
        }

        if (ifMatch is { } expected && expected != application.Version)
        {
            return Stale(http, application.Version);
        }

        var today = RomeCalendar.Today(clock);
        var date = request?.Date ?? today;
        if (date > today)
        {
            return Problem(http, StatusCodes.Status422UnprocessableEntity, ProblemFactory.Error(IntakeCodes.TriggerDate, "/date",
                "La data dell'atto non può essere futura.", "The date of the act cannot be in the future."));
        }

        var filing = application.FiledOn is null;
        var legalDate = application.FiledOn ?? date;
        // A filed application runs the files it pinned (an older revision included), never what a date selects today.
        var (procedure, procedureError) = filing
            ? await procedures.ResolveAsync(application.Regime ?? "", application.Municipality, legalDate, cancellationToken)
            : await procedures.ResolvePinnedAsync(application.Regime ?? "", application.Municipality, legalDate, application.PinnedVersions, cancellationToken);
        if (procedure is null)
        {
            // A pinned file missing from the deployment is the deployment's fault, never the caller's: 503, not 500.
            return Problem(http, ProblemStatus.For(procedureError!), procedureError!);
        }

        var events = filing ? [] : ProcedureEvents.From(await store.ListEventsAsync(id, caller.Scope, cancellationToken) ?? []);
        var calendar = await calendars.GetAsync(cancellationToken);
        var machine = ProcedureMachine.Create(procedure, application.State, events, new ProcedureFacts(), calendar);
        var role = MachineRole(caller.Role, procedure.Definition.FindTrigger(trigger));
        var fired = await machine.FireAsync(trigger, role, date, cancellationToken);
        if (fired.Status != FireStatus.Fired)
        {
            IntakeLog.TriggerRefused(logger, id, trigger, fired.Status);
            return Refusal(http, fired);
        }

        var payload = JsonSerializer.Serialize(new EventPayload(date, role, fired.Event!.LegalBasis, request?.Note, request?.Attachments), JsonDefaults.Compact);
        WriteOutcome written;
        if (filing)
        {
            var (report, errors) = await validator.ValidateAsync(application.Form, application.Municipality, date, application.Data, cancellationToken);
            if (report is null)
            {
                return ProblemOf(http, errors);
            }

            if (!report.Valid)
            {
                return Problem(http, StatusCodes.Status422UnprocessableEntity, ProblemFactory.Error(IntakeCodes.Invalid, "/data",
                    "Il modulo non è valido: la pratica non può essere presentata (vedi \"report\").",
                    "The form is not valid: the application cannot be filed (see \"report\")."),
                    new Dictionary<string, object?> { ["report"] = report });
            }

            var header = procedure.Definition.Header;
            written = await store.SubmitAsync(new SubmitApplication
            {
                Id = id,
                ExpectedVersion = application.Version,
                FromState = application.State,
                ToState = fired.State,
                Trigger = trigger,
                FiledOn = date,
                PinnedVersions = [.. procedure.Pins.Concat(report.Pinned).Distinct()],
                Procedure = new ProcedurePin(header.Id, header.Version, header.ContentHash),
                Actor = caller.Actor,
                Payload = payload,
            }, caller.Scope, cancellationToken);
        }
        else
        {
            var final = procedure.Definition.FindState(fired.State) is { Final: true };
            written = await store.TransitionAsync(new TransitionApplication
            {
                Id = id,
                ExpectedVersion = application.Version,
                FromState = application.State,
                ToState = fired.State,
                Trigger = trigger,
                Actor = caller.Actor,
                Payload = payload,
                DecidedOn = final ? date : null,
                Outcome = final ? fired.State : null,
            }, caller.Scope, cancellationToken);
        }

        switch (written.Status)
        {
            case WriteStatus.Ok:
                IntakeLog.TriggerFired(logger, id, trigger, application.State, fired.State, caller.Role);
                return ApiOutcome.Ok(StatusCodes.Status200OK, new TriggerResponse
                {
                    Id = id,
                    State = fired.State,
                    Version = written.Version!.Value,
                    Sequence = written.Sequence ?? 0,
                    Event = fired.Event,
                    PermittedTriggers = fired.PermittedTriggers,
                }, written.Version);
            case WriteStatus.NotFound:
                return NotFound(http);
            case WriteStatus.Stale when ifMatch is not null:
                return Stale(http, written.Version);
            default:
                IntakeLog.WriteConflict(logger, id, trigger, written.Status);
                return Problem(http, StatusCodes.Status409Conflict, ProblemFactory.Error(IntakeCodes.Conflict, "",
                    "Un'altra operazione ha modificato la pratica nel frattempo: rileggerla e riprovare.",
                    "Another operation changed the application meanwhile: read it again and retry."));
        }
    }

    /// <summary>
    /// The role the procedure sees. Applicant acts (triggers of the <c>portal</c> role: filing, integrations,
    /// observations, start and end of works) reach the permit desk and are recorded there by a clerk,
    /// supervisor or admin on the applicant's behalf; every other trigger needs the caller's own role.
    /// </summary>
    public static string MachineRole(string callerRole, ProcedureTrigger? trigger)
    {
        ArgumentNullException.ThrowIfNull(callerRole);
        if (trigger is null || trigger.Roles.Contains(callerRole, StringComparer.Ordinal))
        {
            return callerRole;
        }

        return callerRole is ApiKeyRoles.Clerk or ApiKeyRoles.Supervisor or ApiKeyRoles.Admin
            && trigger.Roles.Contains(ProcedureRoles.Portal, StringComparer.Ordinal)
            ? ProcedureRoles.Portal
            : callerRole;
    }

    /// <summary>404 for an application outside the caller's scope or absent.</summary>
    public ApiOutcome NotFound(HttpContext http) => Problem(http, StatusCodes.Status404NotFound, ProblemFactory.Error(IntakeCodes.ApplicationNotFound, "/path/id",
        "Pratica non trovata.", "Application not found."));

    /// <summary>412 with the current version.</summary>
    public ApiOutcome Stale(HttpContext http, long? current) => Problem(http, StatusCodes.Status412PreconditionFailed,
        ProblemFactory.Error(IntakeCodes.Stale, "/header/If-Match",
            "La pratica è cambiata dopo la lettura (If-Match superato): rileggerla.",
            "The application changed since it was read (stale If-Match): read it again."),
        new Dictionary<string, object?> { ["currentVersion"] = current });

    /// <summary>A problem with an explicit status.</summary>
    public ApiOutcome Problem(HttpContext http, int status, InputError error, IReadOnlyDictionary<string, object?>? extensions = null) =>
        ApiOutcome.Problem(problems, http, status, error, extensions);

    private ApiOutcome ProblemOf(HttpContext http, IReadOnlyList<InputError> errors) =>
        Problem(http, ProblemStatus.For(errors).Status, ProblemStatus.For(errors).Decisive);

    private ApiOutcome Refusal(HttpContext http, FireOutcome fired)
    {
        var permitted = new Dictionary<string, object?> { ["state"] = fired.State, ["permittedTriggers"] = fired.PermittedTriggers };
        return fired.Status switch
        {
            FireStatus.UnknownTrigger => Problem(http, StatusCodes.Status404NotFound, ProblemFactory.Error(IntakeCodes.TriggerUnknown, "/path/trigger",
                $"Il procedimento non prevede l'atto \"{fired.Trigger}\".", $"The procedure has no trigger \"{fired.Trigger}\"."), permitted),
            FireStatus.NotPermittedInState => Problem(http, StatusCodes.Status409Conflict, ProblemFactory.Error(IntakeCodes.TriggerNotPermitted, "/path/trigger",
                $"L'atto \"{fired.Trigger}\" non è ammesso nello stato \"{fired.State}\".", $"The trigger \"{fired.Trigger}\" is not permitted in state \"{fired.State}\"."), permitted),
            FireStatus.NotPermittedForRole => Problem(http, StatusCodes.Status403Forbidden, ProblemFactory.Error(IntakeCodes.TriggerForbidden, "/path/trigger",
                $"Il ruolo di questa chiave non può compiere l'atto \"{fired.Trigger}\".", $"This key's role may not fire \"{fired.Trigger}\"."), permitted),
            FireStatus.GuardRefused => Problem(http, StatusCodes.Status409Conflict, ProblemFactory.Error(IntakeCodes.TriggerGuardRefused, "/path/trigger",
                fired.Refusals.Count > 0 ? fired.Refusals[0].Message.It : "Una condizione di legge non è soddisfatta.",
                fired.Refusals.Count > 0 ? fired.Refusals[0].Message.En : "A legal condition does not hold."),
                new Dictionary<string, object?> { ["state"] = fired.State, ["refusals"] = fired.Refusals, ["permittedTriggers"] = fired.PermittedTriggers }),
            _ => Problem(http, StatusCodes.Status422UnprocessableEntity, ProblemFactory.Error(IntakeCodes.TriggerDate, "/date",
                "La data dell'atto precede l'ultimo evento della pratica.", "The date of the act is before the application's last event."), permitted),
        };
    }

    /// <summary>What an event stores besides the state change.</summary>
    internal sealed record EventPayload(
        [property: JsonPropertyName("date")] DateOnly Date,
        [property: JsonPropertyName("role")] string Role,
        [property: JsonPropertyName("legalBasis")] IReadOnlyList<LegalBasis> LegalBasis,
        [property: JsonPropertyName("note")] string? Note,
        [property: JsonPropertyName("attachments")] IReadOnlyList<AttachmentReference>? Attachments);
}
