using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using StrategicCities.Api.Problems;
using StrategicCities.Data.ApiKeys;

namespace StrategicCities.Api.Intake.Auth;

/// <summary>
/// The optional bearer scheme (<see cref="JwtOptions"/>) and the policy scheme in front of both: <c>Authorization: Bearer …</c>
/// goes to the JWT handler, anything else to the API-key handler. A validated token becomes the same claims an API key
/// gives (<see cref="IntakeClaims"/>): actor = <c>jwt:</c> + <c>sub</c>, role from the role claim (one of
/// <see cref="ApiKeyRoles.All"/>, else none), office from the office claim, so policies and scope are unchanged.
/// </summary>
public static class JwtAuthentication
{
    /// <summary>The bearer scheme name.</summary>
    public const string BearerScheme = "Bearer";

    /// <summary>The policy scheme choosing between bearer and API key.</summary>
    public const string SelectorScheme = "ApiKeyOrBearer";

    /// <summary>Adds the bearer and selector schemes; returns the default scheme to use.</summary>
    public static string Add(AuthenticationBuilder builder, JwtOptions jwt)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(jwt);
        jwt.Validate();
        builder.AddJwtBearer(BearerScheme, o =>
        {
            o.MapInboundClaims = false;
            o.RequireHttpsMetadata = true;
            if (!string.IsNullOrWhiteSpace(jwt.Authority))
            {
                o.Authority = jwt.Authority;
                o.Audience = jwt.Audience;
            }

            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidateIssuer = true,
                ValidIssuer = string.IsNullOrWhiteSpace(jwt.SigningKey) ? null : jwt.Issuer,
                ValidateAudience = !string.IsNullOrWhiteSpace(jwt.Audience),
                ValidAudience = jwt.Audience,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ValidateIssuerSigningKey = true,
                IssuerSigningKey = string.IsNullOrWhiteSpace(jwt.SigningKey) ? null : new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwt.SigningKey)),
                ClockSkew = TimeSpan.FromSeconds(Math.Max(0, jwt.ClockSkewSeconds)),
                NameClaimType = IntakeClaims.ActorId,
                RoleClaimType = IntakeClaims.Role,
            };
            o.Events = new JwtBearerEvents
            {
                OnTokenValidated = context =>
                {
                    var subject = context.Principal?.FindFirst("sub")?.Value;
                    if (string.IsNullOrWhiteSpace(subject))
                    {
                        context.Fail("auth.invalid: no sub");
                        return Task.CompletedTask;
                    }

                    context.Principal = ToIntakePrincipal(context.Principal!, subject, jwt);
                    return Task.CompletedTask;
                },
                OnChallenge = async context =>
                {
                    context.HandleResponse();
                    context.HttpContext.Items[IntakeClaims.InvalidCredentialItem] = true;
                    await ApiKeyAuthenticationHandler.WriteChallengeAsync(context.HttpContext,
                        context.HttpContext.RequestServices.GetRequiredService<ProblemFactory>(), "Bearer error=\"invalid_token\"");
                },
                OnForbidden = context => ApiKeyAuthenticationHandler.WriteForbiddenAsync(context.HttpContext, context.HttpContext.RequestServices.GetRequiredService<ProblemFactory>()),
            };
        });
        builder.AddPolicyScheme(SelectorScheme, "API key or bearer token", o => o.ForwardDefaultSelector = context =>
            context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? BearerScheme : IntakeClaims.ApiKeyScheme);
        return SelectorScheme;
    }

    /// <summary>The token's claims as intake claims (only those: no names or e-mails flow further).</summary>
    internal static ClaimsPrincipal ToIntakePrincipal(ClaimsPrincipal token, string subject, JwtOptions jwt)
    {
        List<Claim> claims = [new(IntakeClaims.ActorId, "jwt:" + subject)];
        var role = token.FindAll(jwt.RoleClaim).Select(c => c.Value).FirstOrDefault(r => ApiKeyRoles.All.Contains(r, StringComparer.Ordinal));
        if (role is not null)
        {
            claims.Add(new Claim(IntakeClaims.Role, role));
        }

        if (Guid.TryParse(token.FindFirst(jwt.OfficeClaim)?.Value, out var office))
        {
            claims.Add(new Claim(IntakeClaims.Office, office.ToString()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, BearerScheme, IntakeClaims.ActorId, IntakeClaims.Role));
    }
}
