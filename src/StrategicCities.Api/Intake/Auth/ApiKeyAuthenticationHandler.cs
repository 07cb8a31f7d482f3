using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using StrategicCities.Api.Problems;
using StrategicCities.Data.ApiKeys;

namespace StrategicCities.Api.Intake.Auth;

/// <summary>
/// API keys: <c>X-Api-Key: sck_…</c> or <c>Authorization: ApiKey sck_…</c>. The key is looked up by its hash
/// (<see cref="ApiKeyStore.FindBySecretAsync"/>); the claims carry its id, role and office, never the secret.
/// No key → 401 <c>auth.missing</c>; an unknown or revoked key → 401 <c>auth.invalid</c>; a known key
/// without the role an endpoint needs → 403 <c>auth.forbidden</c>, all as problem details.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggerFactory, UrlEncoder encoder,
    ApiKeyStore keys, ProblemFactory problems) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    /// <summary>Reads the presented secret, if any.</summary>
    internal static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(IntakeClaims.ApiKeyHeader, out var header) && !string.IsNullOrWhiteSpace(header))
        {
            return header.ToString().Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        const string prefix = "ApiKey ";
        return authorization.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? authorization[prefix.Length..].Trim() : null;
    }

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey(Request);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        var key = presented.Length is > 0 and <= 200 ? await keys.FindBySecretAsync(presented, Context.RequestAborted) : null;
        if (key is null || !key.IsActive)
        {
            Context.Items[IntakeClaims.InvalidCredentialItem] = true;
            return AuthenticateResult.Fail("auth.invalid");
        }

        List<Claim> claims =
        [
            new(IntakeClaims.ActorId, key.Id.ToString()),
            new(IntakeClaims.Role, key.Role),
        ];
        if (key.OfficeId is { } office)
        {
            claims.Add(new Claim(IntakeClaims.Office, office.ToString()));
        }

        var identity = new ClaimsIdentity(claims, Scheme.Name, IntakeClaims.ActorId, IntakeClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    /// <inheritdoc />
    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => WriteChallengeAsync(Context, problems);

    /// <inheritdoc />
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => WriteForbiddenAsync(Context, problems);

    /// <summary>401 problem: <c>auth.invalid</c> when a credential was refused, else <c>auth.missing</c>.</summary>
    internal static Task WriteChallengeAsync(HttpContext context, ProblemFactory problems, string challenge = "ApiKey header=\"X-Api-Key\"")
    {
        var invalid = context.Items.ContainsKey(IntakeClaims.InvalidCredentialItem);
        context.Response.Headers.WWWAuthenticate = challenge;
        var error = invalid
            ? ProblemFactory.Error(IntakeCodes.AuthInvalid, "/header/X-Api-Key",
                "La chiave API è sconosciuta o revocata.", "The API key is unknown or revoked.")
            : ProblemFactory.Error(IntakeCodes.AuthMissing, "/header/X-Api-Key",
                "Manca la chiave API (intestazione X-Api-Key o Authorization: ApiKey …).", "The API key is missing (header X-Api-Key or Authorization: ApiKey …).");
        return problems.WriteAsync(context, [error], StatusCodes.Status401Unauthorized);
    }

    /// <summary>403 problem <c>auth.forbidden</c>.</summary>
    internal static Task WriteForbiddenAsync(HttpContext context, ProblemFactory problems) =>
        problems.WriteAsync(context, [ProblemFactory.Error(IntakeCodes.AuthForbidden, "",
            "Il ruolo di questa chiave non consente l'operazione.", "This key's role does not allow the operation.")], StatusCodes.Status403Forbidden);
}
