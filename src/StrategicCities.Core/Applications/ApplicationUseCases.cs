using System.Text.Json;
using Microsoft.Extensions.Logging;
using StrategicCities.Core.Law;
using StrategicCities.Core.Legal;
using StrategicCities.Core.Procedures;

namespace StrategicCities.Core.Applications;

/// <summary>
/// The application use cases: create a draft, replace its data, fire a trigger (the first one from the draft files
/// it), expire a due term, re-pin. One code path for the API, the deadline sweep and the CLI; each call reads the law
/// once (<see cref="ILawSource.Current"/>) and finishes on it. Refusals are <see cref="Outcome{T}"/>s with stable
/// codes, never exceptions and never HTTP: the API maps codes to statuses in its one table.
/// </summary>
public sealed class ApplicationUseCases(IApplicationRepository store, ILawSource law, TimeProvider clock, ILogger<ApplicationUseCases> logger)
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
    public async Task<Outcome<ApplicationRecord>> CreateAsync(Caller caller, CreateApplicationRequest request, Guid? id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Municipality))
        {
            return Outcome<ApplicationRecord>.Refused(ApplicationProblems.Missing("/municipality", "Manca il comune (codice ISTAT).", "The municipality (ISTAT code) is missing."));
        }

        if (string.IsNullOrWhiteSpace(request.Regime))
        {
            return Outcome<ApplicationRecord>.Refused(ApplicationProblems.Missing("/regime", "Manca il regime.", "The regime is missing."));
        }

        if (request.Data is { ValueKind: not JsonValueKind.Object and not JsonValueKind.Null and not JsonValueKind.Undefined })
        {
            return Outcome<ApplicationRecord>.Refused(ApplicationProblems.DataNotObject());
        }

        var municipality = request.Municipality.Trim();
        var regime = request.Regime.Trim();
        var form = string.IsNullOrWhiteSpace(request.Form) ? DefaultForm(regime) : request.Form.Trim();
        var catalog = law.Current;
        var (inForce, municipalityError) = catalog.At(municipality, RomeCalendar.Today(clock));
        if (inForce is null)
        {
            // A municipality named in the body is an input, never the resource: its pointer is the body's.
            return Outcome<ApplicationRecord>.Refused(municipalityError! with { Pointer = "/municipality" });
        }

        if (!caller.Scope.Allows(municipality))
        {
            return Outcome<ApplicationRecord>.Refused(ApplicationProblems.OutOfScope());
        }

        if (!inForce.IsForm(form))
        {
            return Outcome<ApplicationRecord>.Refused(catalog.Forms.UnknownForm(form) with { Pointer = "/form" });
        }

        var (procedure, procedureError) = await inForce.ProcedureAsync(regime, cancellationToken);
        if (procedure is null)
        {
            return Outcome<ApplicationRecord>.Refused(procedureError!.Code == ProcedureCatalog.UnknownProcedure
                ? procedureError with { Code = Problems.ProblemCatalog.RegimeUnknown, Pointer = "/regime" }
                : procedureError);
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
        ApplicationLog.Created(logger, record.Id, regime, caller.Role);
        return Outcome<ApplicationRecord>.Ok(record, record.Version);
    }

    /// <summary>Replaces the draft data (saved even when not yet valid: it is a draft) and reports on it.</summary>
    public async Task<Outcome<UpdateDataResponse>> UpdateDataAsync(Caller caller, Guid id, long expectedVersion, string json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(json);
        var application = await store.GetAsync(id, caller.Scope, cancellationToken);
        if (application is null)
        {
            return Outcome<UpdateDataResponse>.Refused(ApplicationProblems.NotFound());
        }

        if (application.FiledOn is not null)
        {
            return Outcome<UpdateDataResponse>.Refused(ApplicationProblems.AlreadyFiled());
        }

        if (application.Version != expectedVersion)
        {
            return Stale<UpdateDataResponse>(application.Version);
        }

        var (inForce, municipalityError) = law.Current.At(application.Municipality, RomeCalendar.Today(clock));
        if (inForce is null)
        {
            return Outcome<UpdateDataResponse>.Refused(municipalityError!);
        }

        var (report, errors) = await inForce.ValidateAsync(application.Form, json, cancellationToken);
        if (report is null)
        {
            // The law could not validate at all (no version in force, unknown form): the first reason decides.
            return Outcome<UpdateDataResponse>.Refused(errors[0]);
        }

        var written = await store.UpdateDataAsync(id, expectedVersion, json, caller.Scope, cancellationToken);
        return written.Status switch
        {
            WriteStatus.Ok => Outcome<UpdateDataResponse>.Ok(new UpdateDataResponse(id, written.Version!.Value, report), written.Version),
            WriteStatus.NotFound => Outcome<UpdateDataResponse>.Refused(ApplicationProblems.NotFound()),
            _ => Stale<UpdateDataResponse>(written.Version),
        };
    }

    /// <summary>
    /// Fires a trigger as <paramref name="caller"/>. From the draft (initial) state the trigger files the application:
    /// the form must validate, and the pins, filing date and first event are written atomically. A filed application
    /// runs the files it pinned (an older revision included), never what a date selects today.
    /// </summary>
    /// <param name="caller">Who fires.</param>
    /// <param name="id">The application.</param>
    /// <param name="trigger">The trigger.</param>
    /// <param name="request">Optional note, attachments, legal date.</param>
    /// <param name="ifMatch">The version the caller read (stale when it moved), or null.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<Outcome<TriggerResponse>> FireAsync(
        Caller caller, Guid id, string trigger, TriggerRequest? request, long? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(trigger);
        var application = await store.GetAsync(id, caller.Scope, cancellationToken);
        if (application is null)
        {
            return Outcome<TriggerResponse>.Refused(ApplicationProblems.NotFound());
        }

        if (ifMatch is { } expected && expected != application.Version)
        {
            return Stale<TriggerResponse>(application.Version);
        }

        var today = RomeCalendar.Today(clock);
        var date = request?.Date ?? today;
        if (date > today)
        {
            return Outcome<TriggerResponse>.Refused(ApplicationProblems.FutureDate());
        }

        var filing = application.FiledOn is null;
        var (inForce, municipalityError) = law.Current.At(application.Municipality, application.FiledOn ?? date);
        if (inForce is null)
        {
            return Outcome<TriggerResponse>.Refused(municipalityError!);
        }

        var (procedure, procedureError) = filing
            ? await inForce.ProcedureAsync(application.Regime ?? "", cancellationToken)
            : await inForce.PinnedProcedureAsync(application.Regime ?? "", application.PinnedVersions, cancellationToken);
        if (procedure is null)
        {
            // A pinned file missing from the deployment is the deployment's fault, never the caller's (unavailable, not a fault).
            return Outcome<TriggerResponse>.Refused(procedureError!);
        }

        var events = filing ? [] : ProcedureEvents.From(await store.ListEventsAsync(id, caller.Scope, cancellationToken) ?? []);
        var machine = ProcedureMachine.Create(procedure, application.State, events, new ProcedureFacts(), inForce.Calendar);
        var role = MachineRole(caller.Role, procedure.Definition.FindTrigger(trigger));
        var fired = await machine.FireAsync(trigger, role, date, cancellationToken);
        if (fired.Status != FireStatus.Fired)
        {
            ApplicationLog.TriggerRefused(logger, id, trigger, fired.Status);
            var details = fired.Status == FireStatus.GuardRefused
                ? new Dictionary<string, object?> { ["state"] = fired.State, ["refusals"] = fired.Refusals, ["permittedTriggers"] = fired.PermittedTriggers }
                : new Dictionary<string, object?> { ["state"] = fired.State, ["permittedTriggers"] = fired.PermittedTriggers };
            return Outcome<TriggerResponse>.Refused(ApplicationProblems.Refusal(fired), details);
        }

        var payload = ProcedureEvents.Encode(date, role, fired.Event!.LegalBasis, request?.Note, request?.Attachments);
        WriteOutcome written;
        if (filing)
        {
            var (report, errors) = await inForce.ValidateAsync(application.Form, application.Data, cancellationToken);
            if (report is null)
            {
                return Outcome<TriggerResponse>.Refused(errors[0]);
            }

            if (!report.Valid)
            {
                return Outcome<TriggerResponse>.Refused(ApplicationProblems.Invalid(), new Dictionary<string, object?> { ["report"] = report });
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
                ApplicationLog.TriggerFired(logger, id, trigger, application.State, fired.State, caller.Role);
                return Outcome<TriggerResponse>.Ok(new TriggerResponse
                {
                    Id = id,
                    State = fired.State,
                    Version = written.Version!.Value,
                    Sequence = written.Sequence ?? 0,
                    Event = fired.Event,
                    PermittedTriggers = fired.PermittedTriggers,
                }, written.Version);
            case WriteStatus.NotFound:
                return Outcome<TriggerResponse>.Refused(ApplicationProblems.NotFound());
            case WriteStatus.Stale when ifMatch is not null:
                return Stale<TriggerResponse>(written.Version);
            default:
                ApplicationLog.WriteConflict(logger, id, trigger, written.Status);
                return Outcome<TriggerResponse>.Refused(ApplicationProblems.Conflict());
        }
    }

    /// <summary>
    /// Fires the trigger of a term found due by the legal clock, as the system, on the day the term's effect starts
    /// (or today, if that is still ahead). Says whether the term is done: fired, or never due again because the
    /// procedure moved on or a guard refuses (e.g. constraints exclude silenzio-assenso); or to retry (a concurrent
    /// writer won, or a pinned file is missing).
    /// </summary>
    public async Task<ExpiryResult> ExpireAsync(Caller system, Guid id, string trigger, DateOnly effectiveFrom, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(system);
        var today = RomeCalendar.Today(clock);
        var outcome = await FireAsync(system, id, trigger, new TriggerRequest { Date = effectiveFrom > today ? today : effectiveFrom }, null, cancellationToken);
        return outcome switch
        {
            { Succeeded: true } => ExpiryResult.Fired,
            { Code: Problems.ProblemCatalog.TriggerNotPermitted or Problems.ProblemCatalog.TriggerGuardRefused
                or Problems.ProblemCatalog.TriggerUnknown or Problems.ProblemCatalog.TriggerDate } => ExpiryResult.NeverDue,
            _ => ExpiryResult.Retry,
        };
    }

    /// <summary>
    /// Re-pins (or, with <paramref name="dryRun"/>, plans the re-pin of) a filed application to the newest revision of
    /// each file it pinned — never another version — as one audited event with who, why, and the deadlines that move.
    /// </summary>
    public async Task<Outcome<RepinResult>> RepinAsync(Caller caller, Guid id, string? reason, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Outcome<RepinResult>.Refused(ApplicationProblems.RepinReasonMissing());
        }

        var application = await store.GetAsync(id, caller.Scope, cancellationToken);
        if (application is null)
        {
            return Outcome<RepinResult>.Refused(ApplicationProblems.NotFound());
        }

        if (application.FiledOn is not { } filedOn || application.Regime is null)
        {
            return Outcome<RepinResult>.Refused(ApplicationProblems.RepinNotFiled(), version: application.Version);
        }

        var catalog = law.Current;
        var today = RomeCalendar.Today(clock);
        var events = ProcedureEvents.From(await store.ListEventsAsync(id, caller.Scope, cancellationToken) ?? []);
        var (plan, procedure, error) = await RepinPlan.ForAsync(
            catalog.Procedures, application.Regime, application.Municipality, filedOn, application.PinnedVersions, events, catalog.Calendar, today, cancellationToken);
        if (plan is null || procedure is null)
        {
            return Outcome<RepinResult>.Refused(error!, version: application.Version);
        }

        if (!plan.Changes || dryRun)
        {
            return Outcome<RepinResult>.Ok(new RepinResult(plan.Changes ? RepinStatus.Planned : RepinStatus.Unchanged, plan, application.Version), application.Version);
        }

        var header = procedure.Definition.Header;
        var written = await store.RepinAsync(new RepinApplication
        {
            Id = id,
            ExpectedVersion = application.Version,
            State = application.State,
            PinnedVersions = plan.To,
            Procedure = new ProcedurePin(header.Id, header.Version, header.ContentHash),
            Actor = caller.Actor,
            Payload = ProcedureEvents.EncodeRepin(today, caller.Role, reason.Trim(), plan),
        }, caller.Scope, cancellationToken);
        return written.Status switch
        {
            WriteStatus.Ok => Outcome<RepinResult>.Ok(new RepinResult(RepinStatus.Repinned, plan, written.Version), written.Version),
            WriteStatus.NotFound => Outcome<RepinResult>.Refused(ApplicationProblems.NotFound()),
            _ => Stale<RepinResult>(written.Version),
        };
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

        return callerRole is ProcedureRoles.Clerk or ProcedureRoles.Supervisor or ProcedureRoles.Admin
            && trigger.Roles.Contains(ProcedureRoles.Portal, StringComparer.Ordinal)
            ? ProcedureRoles.Portal
            : callerRole;
    }

    private static Outcome<T> Stale<T>(long? current) =>
        Outcome<T>.Refused(ApplicationProblems.Stale(), new Dictionary<string, object?> { ["currentVersion"] = current }, current);
}

/// <summary>What firing a due term did, for the sweep's claim on it.</summary>
public enum ExpiryResult
{
    /// <summary>Fired: the term is done.</summary>
    Fired,

    /// <summary>Refused by the procedure (it moved on, or a guard refuses): the term is never due again.</summary>
    NeverDue,

    /// <summary>Not fired for a reason that may pass (a concurrent writer, a missing pinned file): release the claim.</summary>
    Retry,
}

/// <summary>What a re-pin did: status, the plan, and the application's version after it.</summary>
/// <param name="Status">Re-pinned, planned or unchanged.</param>
/// <param name="Plan">The pins and deadlines before and after.</param>
/// <param name="Version">The application's version.</param>
public sealed record RepinResult(RepinStatus Status, RepinPlan Plan, long? Version);

/// <summary>What a successful re-pin call did.</summary>
public enum RepinStatus
{
    /// <summary>The pins moved; an event records it.</summary>
    Repinned,

    /// <summary>A dry run: the plan, nothing written.</summary>
    Planned,

    /// <summary>The application already runs the newest revisions.</summary>
    Unchanged,
}
