using System.Security.Claims;
using StrategicCities.Api.Intake.Auth;
using StrategicCities.Data;
using StrategicCities.Data.ApiKeys;
using StrategicCities.Data.Offices;
using StrategicCities.Core.Applications;

namespace StrategicCities.Api.Intake;

/// <summary>The caller of a request, from its authenticated principal.</summary>
public static class Callers
{
    /// <summary>Resolves the caller of an authenticated request (office municipalities read per request: assignments change).</summary>
    public static async Task<Caller> FromAsync(ClaimsPrincipal user, OfficeStore offices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(offices);
        var id = user.FindFirstValue(IntakeClaims.ActorId) ?? "anonymous";
        var role = user.FindFirstValue(IntakeClaims.Role) ?? "";
        Guid? office = Guid.TryParse(user.FindFirstValue(IntakeClaims.Office), out var o) ? o : null;
        var scope = role == ApiKeyRoles.Admin ? MunicipalityScope.Everywhere
            : office is { } officeId ? MunicipalityScope.Of(await offices.MunicipalitiesOfAsync(officeId, cancellationToken))
            : MunicipalityScope.Of([]);
        return new Caller(new Actor(id, role), office, scope);
    }
}
