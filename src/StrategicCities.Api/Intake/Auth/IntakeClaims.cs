namespace StrategicCities.Api.Intake.Auth;

/// <summary>Claim types the authentication handlers produce (API keys and JWT bearer alike).</summary>
public static class IntakeClaims
{
    /// <summary>The identity id: the API key id, or the JWT subject. Recorded as the actor of events.</summary>
    public const string ActorId = "sc:actor";

    /// <summary>The role (portal | clerk | supervisor | rules-author | admin).</summary>
    public const string Role = "sc:role";

    /// <summary>The office of a clerk or supervisor (GUID).</summary>
    public const string Office = "sc:office";

    /// <summary>The API-key scheme name.</summary>
    public const string ApiKeyScheme = "ApiKey";

    /// <summary>The header carrying the key.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>HttpContext item set when a key was presented but not accepted (401 auth.invalid rather than auth.missing).</summary>
    internal const string InvalidCredentialItem = "sc:auth-invalid";
}
