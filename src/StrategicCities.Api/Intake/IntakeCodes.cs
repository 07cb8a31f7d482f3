namespace StrategicCities.Api.Intake;

/// <summary>Problem codes of the intake endpoints (the status is always given explicitly where they are raised).</summary>
public static class IntakeCodes
{
    /// <summary>401: no credential.</summary>
    public const string AuthMissing = Core.Problems.ProblemCatalog.AuthMissing;

    /// <summary>401: unknown or revoked key, or a token that does not validate.</summary>
    public const string AuthInvalid = Core.Problems.ProblemCatalog.AuthInvalid;

    /// <summary>403: the role may not use the endpoint.</summary>
    public const string AuthForbidden = Core.Problems.ProblemCatalog.AuthForbidden;

    /// <summary>403: the municipality is outside the caller's office.</summary>
    public const string OutOfScope = Core.Problems.ProblemCatalog.AuthOutOfScope;

    /// <summary>404: no such application in the caller's scope.</summary>
    public const string ApplicationNotFound = Core.Problems.ProblemCatalog.ApplicationNotFound;

    /// <summary>412: If-Match names an older version.</summary>
    public const string Stale = Core.Problems.ProblemCatalog.ApplicationStale;

    /// <summary>428: the write needs If-Match.</summary>
    public const string PreconditionRequired = Core.Problems.ProblemCatalog.PreconditionRequired;

    /// <summary>409: another writer changed the application meanwhile.</summary>
    public const string Conflict = Core.Problems.ProblemCatalog.ApplicationConflict;

    /// <summary>409: the data of a filed application is frozen.</summary>
    public const string AlreadyFiled = Core.Problems.ProblemCatalog.ApplicationFiled;

    /// <summary>422: the form does not validate, so the application cannot be filed.</summary>
    public const string Invalid = Core.Problems.ProblemCatalog.ApplicationInvalid;

    /// <summary>422: no procedure for the regime.</summary>
    public const string RegimeUnknown = Core.Problems.ProblemCatalog.RegimeUnknown;

    /// <summary>404: the procedure has no such trigger.</summary>
    public const string TriggerUnknown = Core.Problems.ProblemCatalog.TriggerUnknown;

    /// <summary>409: the trigger does not leave the current state.</summary>
    public const string TriggerNotPermitted = Core.Problems.ProblemCatalog.TriggerNotPermitted;

    /// <summary>403: the caller's role may not fire the trigger.</summary>
    public const string TriggerForbidden = Core.Problems.ProblemCatalog.TriggerForbidden;

    /// <summary>409: a guard rule does not hold.</summary>
    public const string TriggerGuardRefused = Core.Problems.ProblemCatalog.TriggerGuardRefused;

    /// <summary>422: the legal date is before the last event or in the future.</summary>
    public const string TriggerDate = Core.Problems.ProblemCatalog.TriggerDate;

    /// <summary>422 (keys are single-use per request): the key was used with another body.</summary>
    public const string IdempotencyMismatch = Core.Problems.ProblemCatalog.IdempotencyMismatch;

    /// <summary>409: the first request with this key is still running.</summary>
    public const string IdempotencyInProgress = Core.Problems.ProblemCatalog.IdempotencyInProgress;

    /// <summary>400: the Idempotency-Key header is empty or longer than 200 characters.</summary>
    public const string IdempotencyKeyInvalid = Core.Problems.ProblemCatalog.IdempotencyKeyInvalid;

    /// <summary>400: the If-Match header is not a version tag.</summary>
    public const string IfMatchInvalid = Core.Problems.ProblemCatalog.PreconditionInvalid;

    /// <summary>412: If-Match carries a weak ETag, which never matches under the strong comparison If-Match uses.</summary>
    public const string IfMatchWeak = Core.Problems.ProblemCatalog.PreconditionWeakETag;

    /// <summary>429: too many requests in the window.</summary>
    public const string RateLimited = Core.Problems.ProblemCatalog.RateLimited;

    /// <summary>400: a re-pin needs a reason (it is recorded in the audit event).</summary>
    public const string RepinReasonMissing = Core.Problems.ProblemCatalog.RepinReasonMissing;

    /// <summary>409: a draft pins nothing, so there is nothing to re-pin.</summary>
    public const string RepinNotFiled = Core.Problems.ProblemCatalog.RepinNotFiled;
}
