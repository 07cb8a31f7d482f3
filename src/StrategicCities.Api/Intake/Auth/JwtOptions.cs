namespace StrategicCities.Api.Intake.Auth;

/// <summary>
/// <c>Auth:Jwt</c>: optional bearer tokens next to API keys. Either an OpenID Connect authority
/// (<see cref="Authority"/> + <see cref="Audience"/>: keys from its discovery document) or a symmetric
/// <see cref="SigningKey"/> (HS256, for tests and closed deployments) with <see cref="Issuer"/>. Neither set: API keys only.
/// </summary>
public sealed class JwtOptions
{
    /// <summary>The section name.</summary>
    public const string Section = "Auth:Jwt";

    /// <summary><c>Auth:Jwt:Authority</c>: the OIDC issuer URL (its metadata and signing keys are fetched).</summary>
    public string? Authority { get; set; }

    /// <summary><c>Auth:Jwt:Audience</c>: the expected <c>aud</c> (required with an authority).</summary>
    public string? Audience { get; set; }

    /// <summary><c>Auth:Jwt:SigningKey</c>: a symmetric key (UTF-8, at least 32 bytes) instead of an authority.</summary>
    public string? SigningKey { get; set; }

    /// <summary><c>Auth:Jwt:Issuer</c>: the expected <c>iss</c> with a signing key (required with one).</summary>
    public string? Issuer { get; set; }

    /// <summary><c>Auth:Jwt:RoleClaim</c>: the claim holding the role (default <c>role</c>).</summary>
    public string RoleClaim { get; set; } = "role";

    /// <summary><c>Auth:Jwt:OfficeClaim</c>: the claim holding the office id (default <c>office</c>).</summary>
    public string OfficeClaim { get; set; } = "office";

    /// <summary><c>Auth:Jwt:ClockSkewSeconds</c>: tolerance on <c>exp</c>/<c>nbf</c> (default 60).</summary>
    public int ClockSkewSeconds { get; set; } = 60;

    /// <summary>Whether bearer tokens are accepted.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(SigningKey);

    /// <summary>Refuses half configurations at start rather than accepting every token or none.</summary>
    public void Validate()
    {
        if (!string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(SigningKey))
        {
            throw new InvalidOperationException("Auth:Jwt: set either Authority (OIDC) or SigningKey, not both.");
        }

        if (!string.IsNullOrWhiteSpace(Authority) && string.IsNullOrWhiteSpace(Audience))
        {
            throw new InvalidOperationException("Auth:Jwt:Authority needs Auth:Jwt:Audience.");
        }

        if (!string.IsNullOrWhiteSpace(SigningKey))
        {
            if (string.IsNullOrWhiteSpace(Issuer))
            {
                throw new InvalidOperationException("Auth:Jwt:SigningKey needs Auth:Jwt:Issuer.");
            }

            if (System.Text.Encoding.UTF8.GetByteCount(SigningKey) < 32)
            {
                throw new InvalidOperationException("Auth:Jwt:SigningKey must be at least 32 bytes.");
            }
        }
    }
}
