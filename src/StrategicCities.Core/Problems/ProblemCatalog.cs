using System.Collections.Frozen;

namespace StrategicCities.Core.Problems;

/// <summary>
/// What kind of refusal a problem code is, independent of the transport: the API maps each kind to one HTTP status
/// (<c>ProblemStatus</c>), the CLI to an exit code.
/// </summary>
public enum ProblemKind
{
    /// <summary>The request is malformed (HTTP 400).</summary>
    Malformed,

    /// <summary>No or invalid credentials (401).</summary>
    Unauthenticated,

    /// <summary>Authenticated, but not allowed (403).</summary>
    Forbidden,

    /// <summary>The resource does not exist for this caller (404).</summary>
    NotFound,

    /// <summary>The route exists but not for that method (405).</summary>
    MethodNotAllowed,

    /// <summary>The state of the resource does not allow it (409).</summary>
    Conflict,

    /// <summary>A precondition (If-Match) failed (412).</summary>
    PreconditionFailed,

    /// <summary>The body is too large (413).</summary>
    PayloadTooLarge,

    /// <summary>The body is not JSON in UTF-8 (415).</summary>
    UnsupportedMediaType,

    /// <summary>Well-formed, but the law or the data cannot process it (422).</summary>
    Unprocessable,

    /// <summary>A precondition header is required (428).</summary>
    PreconditionRequired,

    /// <summary>Too many requests (429).</summary>
    TooManyRequests,

    /// <summary>The deployment cannot serve it now; nothing the caller sent is wrong (503).</summary>
    Unavailable,

    /// <summary>A fault of the service or of a rule set, never of the caller (500).</summary>
    Fault,
}

/// <summary>
/// Every stable problem code of the service, declared once, with its kind. Codes are contracts (portals, legal staff
/// and tests rely on them): add, never rename. The classes that group codes by area (<see cref="InputError.Codes"/>,
/// <c>IntakeCodes</c>, …) refer to these constants; a test checks that every code they expose is here.
/// </summary>
public static class ProblemCatalog
{
    // Requests: body, query, route.

    /// <summary>The body is empty where a JSON document is required.</summary>
    public const string BodyEmpty = "body.empty";

    /// <summary>The body is not JSON.</summary>
    public const string BodyNotJson = "body.not-json";

    /// <summary>The JSON nests deeper than the limit.</summary>
    public const string BodyTooDeep = "body.too-deep";

    /// <summary>The body is JSON but not an object where one is expected.</summary>
    public const string BodyNotObject = "body.not-object";

    /// <summary>The body is larger than the limit.</summary>
    public const string BodyTooLarge = "body.too-large";

    /// <summary>The Content-Type is not JSON in UTF-8.</summary>
    public const string UnsupportedMediaType = "body.unsupported-media-type";

    /// <summary>A format named in the query is unknown (graph: mermaid or dot).</summary>
    public const string QueryFormatUnknown = "query.format-unknown";

    /// <summary>A required query parameter is missing.</summary>
    public const string QueryMissing = "query.missing";

    /// <summary>A query parameter is given more than once.</summary>
    public const string QueryRepeated = "query.repeated";

    /// <summary>No route matches the path.</summary>
    public const string RouteNotFound = "route.not-found";

    /// <summary>The route exists but not for that method.</summary>
    public const string MethodNotAllowed = "method.not-allowed";

    /// <summary>The request is invalid at the protocol level or in its shape.</summary>
    public const string RequestInvalid = "request.invalid";

    // The law: municipality, legal date, versions, forms, procedures.

    /// <summary>The municipality's ISTAT code is not 6 digits.</summary>
    public const string MunicipalityInvalid = "municipality.invalid";

    /// <summary>No municipality has the ISTAT code (404 when the path names it, 422 when the query does).</summary>
    public const string MunicipalityUnknown = "municipality.unknown";

    /// <summary>The legal date is not a date (yyyy-MM-dd).</summary>
    public const string LegalDateInvalid = "legal-date.invalid";

    /// <summary>No version of the rules is in force on the legal date.</summary>
    public const string NoVersion = "legal-date.no-version";

    /// <summary>No form has the code.</summary>
    public const string FormUnknown = "form.unknown";

    /// <summary>The form does not fit the title the intervention needs.</summary>
    public const string FormRegimeMismatch = "form.regime-mismatch";

    /// <summary>The form's location is not in the municipality.</summary>
    public const string FormLocationMismatch = "form.location-mismatch";

    /// <summary>No procedure has the id.</summary>
    public const string ProcedureUnknown = "procedure.unknown";

    /// <summary>A file a filed application pinned is missing from this deployment.</summary>
    public const string PinnedVersionMissing = "law.pinned-version-missing";

    /// <summary>A catalog reload found problems: the old catalog keeps serving.</summary>
    public const string CatalogReloadRefused = "catalog.reload-refused";

    /// <summary>An intervention field is not of its type.</summary>
    public const string InterventionWrongType = "intervention.wrong-type";

    /// <summary>An intervention value is outside its range.</summary>
    public const string InterventionOutOfRange = "intervention.out-of-range";

    /// <summary>An intervention has a field the vocabulary does not know.</summary>
    public const string InterventionUnknownField = "intervention.unknown-field";

    /// <summary>An intervention lacks a required field.</summary>
    public const string InterventionMissingField = "intervention.missing-field";

    /// <summary>An intervention value is not in the vocabulary.</summary>
    public const string InterventionUnknownValue = "intervention.unknown-value";

    // Event histories checked against the legal clock (POST …/deadlines/check, permits deadlines).

    /// <summary>The events are not a JSON array of events.</summary>
    public const string EventsMalformed = "events.malformed";

    /// <summary>There are no events.</summary>
    public const string EventsEmpty = "events.empty";

    /// <summary>An event's date is not a date.</summary>
    public const string EventsDateInvalid = "events.date-invalid";

    /// <summary>The events are not in date order.</summary>
    public const string EventsOutOfOrder = "events.out-of-order";

    /// <summary>An event names a trigger the procedure does not have.</summary>
    public const string EventsTriggerUnknown = "events.trigger-unknown";

    /// <summary>An event's trigger is not permitted in the state it reaches.</summary>
    public const string EventsTriggerNotPermitted = "events.trigger-not-permitted";

    // Authentication and authorization.

    /// <summary>No credentials.</summary>
    public const string AuthMissing = "auth.missing";

    /// <summary>Invalid, revoked or expired credentials.</summary>
    public const string AuthInvalid = "auth.invalid";

    /// <summary>The role may not use the operation.</summary>
    public const string AuthForbidden = "auth.forbidden";

    /// <summary>The municipality is not served by the caller's office.</summary>
    public const string AuthOutOfScope = "auth.out-of-scope";

    /// <summary>Too many requests for the caller's budget.</summary>
    public const string RateLimited = "rate.limited";

    // Applications.

    /// <summary>No such application in the caller's scope.</summary>
    public const string ApplicationNotFound = "application.not-found";

    /// <summary>The application changed since it was read (If-Match).</summary>
    public const string ApplicationStale = "application.stale";

    /// <summary>A concurrent writer won.</summary>
    public const string ApplicationConflict = "application.conflict";

    /// <summary>The application is filed: its data no longer changes.</summary>
    public const string ApplicationFiled = "application.filed";

    /// <summary>The form is not valid: the application cannot be filed.</summary>
    public const string ApplicationInvalid = "application.invalid";

    /// <summary>A re-pin without a reason.</summary>
    public const string RepinReasonMissing = "application.repin-reason-missing";

    /// <summary>A re-pin of a draft, which pins nothing yet.</summary>
    public const string RepinNotFiled = "application.repin-not-filed";

    /// <summary>No procedure has the regime named.</summary>
    public const string RegimeUnknown = "regime.unknown";

    /// <summary>The procedure has no such trigger.</summary>
    public const string TriggerUnknown = "trigger.unknown";

    /// <summary>The trigger is not permitted in the current state.</summary>
    public const string TriggerNotPermitted = "trigger.not-permitted";

    /// <summary>The caller's role may not fire the trigger.</summary>
    public const string TriggerForbidden = "trigger.forbidden";

    /// <summary>A legal condition (a guard rule) refuses the trigger.</summary>
    public const string TriggerGuardRefused = "trigger.guard-refused";

    /// <summary>The date of the act is in the future or before the last event.</summary>
    public const string TriggerDate = "trigger.date";

    /// <summary>If-Match is required.</summary>
    public const string PreconditionRequired = "precondition.required";

    /// <summary>If-Match is not an ETag.</summary>
    public const string PreconditionInvalid = "precondition.invalid";

    /// <summary>If-Match is a weak ETag, which never matches.</summary>
    public const string PreconditionWeakETag = "precondition.weak-etag";

    /// <summary>The idempotency key was used for a different request.</summary>
    public const string IdempotencyMismatch = "idempotency.mismatch";

    /// <summary>A request with the same idempotency key is still running.</summary>
    public const string IdempotencyInProgress = "idempotency.in-progress";

    /// <summary>The idempotency key is empty or too long.</summary>
    public const string IdempotencyKeyInvalid = "idempotency.key-invalid";

    // Monitoring.

    /// <summary>A statistics query parameter is invalid.</summary>
    public const string StatsQueryInvalid = "stats.query-invalid";

    /// <summary>The statistics asked for include municipalities outside the caller's scope.</summary>
    public const string StatsOutOfScope = "stats.out-of-scope";

    // Fees (contributo di costruzione, diritti, bollo).

    /// <summary>A fee input is of the wrong shape.</summary>
    public const string FeeInputInvalid = "fees.input.invalid";

    /// <summary>A figure the fee needs (volume, surface, cost) is missing.</summary>
    public const string FeeInputMissing = "fees.input.missing";

    /// <summary>No tariff is in force for the case (zone, use, intervention) in the municipality on the date.</summary>
    public const string FeeTariffMissing = "fees.tariff-missing";

    /// <summary>Several tariffs match the case: the tables need a rule to choose.</summary>
    public const string FeeTariffAmbiguous = "fees.tariff-ambiguous";

    // Faults.

    /// <summary>A rule failed while being evaluated: a fault of the rule set.</summary>
    public const string RulesFault = "rules.fault";

    /// <summary>Any other fault.</summary>
    public const string Internal = "internal";

    private static readonly FrozenDictionary<string, ProblemKind> Kinds = new Dictionary<string, ProblemKind>(StringComparer.Ordinal)
    {
        [BodyEmpty] = ProblemKind.Malformed,
        [BodyNotJson] = ProblemKind.Malformed,
        [BodyTooDeep] = ProblemKind.Malformed,
        [BodyNotObject] = ProblemKind.Malformed,
        [BodyTooLarge] = ProblemKind.PayloadTooLarge,
        [UnsupportedMediaType] = ProblemKind.UnsupportedMediaType,
        [QueryFormatUnknown] = ProblemKind.Malformed,
        [QueryMissing] = ProblemKind.Malformed,
        [QueryRepeated] = ProblemKind.Malformed,
        [RouteNotFound] = ProblemKind.NotFound,
        [MethodNotAllowed] = ProblemKind.MethodNotAllowed,
        [RequestInvalid] = ProblemKind.Malformed,
        [MunicipalityInvalid] = ProblemKind.Malformed,
        [MunicipalityUnknown] = ProblemKind.Unprocessable,
        [LegalDateInvalid] = ProblemKind.Malformed,
        [NoVersion] = ProblemKind.Unprocessable,
        [FormUnknown] = ProblemKind.NotFound,
        [FormRegimeMismatch] = ProblemKind.Unprocessable,
        [FormLocationMismatch] = ProblemKind.Unprocessable,
        [ProcedureUnknown] = ProblemKind.NotFound,
        [PinnedVersionMissing] = ProblemKind.Unavailable,
        [CatalogReloadRefused] = ProblemKind.Unprocessable,
        [InterventionWrongType] = ProblemKind.Malformed,
        [InterventionOutOfRange] = ProblemKind.Malformed,
        [InterventionUnknownField] = ProblemKind.Malformed,
        [InterventionMissingField] = ProblemKind.Malformed,
        [InterventionUnknownValue] = ProblemKind.Malformed,
        [EventsMalformed] = ProblemKind.Unprocessable,
        [EventsEmpty] = ProblemKind.Unprocessable,
        [EventsDateInvalid] = ProblemKind.Unprocessable,
        [EventsOutOfOrder] = ProblemKind.Unprocessable,
        [EventsTriggerUnknown] = ProblemKind.Unprocessable,
        [EventsTriggerNotPermitted] = ProblemKind.Unprocessable,
        [AuthMissing] = ProblemKind.Unauthenticated,
        [AuthInvalid] = ProblemKind.Unauthenticated,
        [AuthForbidden] = ProblemKind.Forbidden,
        [AuthOutOfScope] = ProblemKind.Forbidden,
        [RateLimited] = ProblemKind.TooManyRequests,
        [ApplicationNotFound] = ProblemKind.NotFound,
        [ApplicationStale] = ProblemKind.PreconditionFailed,
        [ApplicationConflict] = ProblemKind.Conflict,
        [ApplicationFiled] = ProblemKind.Conflict,
        [ApplicationInvalid] = ProblemKind.Unprocessable,
        [RepinReasonMissing] = ProblemKind.Malformed,
        [RepinNotFiled] = ProblemKind.Conflict,
        [RegimeUnknown] = ProblemKind.Unprocessable,
        [TriggerUnknown] = ProblemKind.NotFound,
        [TriggerNotPermitted] = ProblemKind.Conflict,
        [TriggerForbidden] = ProblemKind.Forbidden,
        [TriggerGuardRefused] = ProblemKind.Conflict,
        [TriggerDate] = ProblemKind.Unprocessable,
        [PreconditionRequired] = ProblemKind.PreconditionRequired,
        [PreconditionInvalid] = ProblemKind.Malformed,
        [PreconditionWeakETag] = ProblemKind.PreconditionFailed,
        [IdempotencyMismatch] = ProblemKind.Unprocessable,
        [IdempotencyInProgress] = ProblemKind.Conflict,
        [IdempotencyKeyInvalid] = ProblemKind.Malformed,
        [StatsQueryInvalid] = ProblemKind.Malformed,
        [StatsOutOfScope] = ProblemKind.Forbidden,
        [FeeInputInvalid] = ProblemKind.Malformed,
        [FeeInputMissing] = ProblemKind.Unprocessable,
        [FeeTariffMissing] = ProblemKind.Unprocessable,
        [FeeTariffAmbiguous] = ProblemKind.Unprocessable,
        [RulesFault] = ProblemKind.Fault,
        [Internal] = ProblemKind.Fault,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every code with its kind.</summary>
    public static IReadOnlyDictionary<string, ProblemKind> All => Kinds;

    /// <summary>Whether the catalog declares a code.</summary>
    public static bool IsDeclared(string code) => Kinds.ContainsKey(code);

    /// <summary>
    /// The kind of a code. A code the catalog does not declare (a new area added without an entry here) is unprocessable,
    /// the safest reading of a refusal; a test keeps that from happening.
    /// </summary>
    public static ProblemKind KindOf(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Kinds.TryGetValue(code, out var kind) ? kind : ProblemKind.Unprocessable;
    }
}
