namespace StrategicCities.Api.Intake;

/// <summary>Problem codes of the intake endpoints (the status is always given explicitly where they are raised).</summary>
public static class IntakeCodes
{
    /// <summary>401: no credential.</summary>
    public const string AuthMissing = "auth.missing";

    /// <summary>401: unknown or revoked key, or a token that does not validate.</summary>
    public const string AuthInvalid = "auth.invalid";

    /// <summary>403: the role may not use the endpoint.</summary>
    public const string AuthForbidden = "auth.forbidden";

    /// <summary>403: the municipality is outside the caller's office.</summary>
    public const string OutOfScope = "auth.out-of-scope";

    /// <summary>404: no such application in the caller's scope.</summary>
    public const string ApplicationNotFound = "application.not-found";

    /// <summary>412: If-Match names an older version.</summary>
    public const string Stale = "application.stale";

    /// <summary>428: the write needs If-Match.</summary>
    public const string PreconditionRequired = "precondition.required";

    /// <summary>409: another writer changed the application meanwhile.</summary>
    public const string Conflict = "application.conflict";

    /// <summary>409: the data of a filed application is frozen.</summary>
    public const string AlreadyFiled = "application.filed";

    /// <summary>422: the form does not validate, so the application cannot be filed.</summary>
    public const string Invalid = "application.invalid";

    /// <summary>422: no procedure for the regime.</summary>
    public const string RegimeUnknown = "regime.unknown";

    /// <summary>404: the procedure has no such trigger.</summary>
    public const string TriggerUnknown = "trigger.unknown";

    /// <summary>409: the trigger does not leave the current state.</summary>
    public const string TriggerNotPermitted = "trigger.not-permitted";

    /// <summary>403: the caller's role may not fire the trigger.</summary>
    public const string TriggerForbidden = "trigger.forbidden";

    /// <summary>409: a guard rule does not hold.</summary>
    public const string TriggerGuardRefused = "trigger.guard-refused";

    /// <summary>422: the legal date is before the last event or in the future.</summary>
    public const string TriggerDate = "trigger.date";

    /// <summary>422 (keys are single-use per request): the key was used with another body.</summary>
    public const string IdempotencyMismatch = "idempotency.mismatch";

    /// <summary>409: the first request with this key is still running.</summary>
    public const string IdempotencyInProgress = "idempotency.in-progress";

    /// <summary>400: the Idempotency-Key header is empty or longer than 200 characters.</summary>
    public const string IdempotencyKeyInvalid = "idempotency.key-invalid";

    /// <summary>400: the If-Match header is not a version tag.</summary>
    public const string IfMatchInvalid = "precondition.invalid";

    /// <summary>429: too many requests in the window.</summary>
    public const string RateLimited = "rate.limited";

    /// <summary>400: a re-pin needs a reason (it is recorded in the audit event).</summary>
    public const string RepinReasonMissing = "application.repin-reason-missing";

    /// <summary>409: a draft pins nothing, so there is nothing to re-pin.</summary>
    public const string RepinNotFiled = "application.repin-not-filed";
}
