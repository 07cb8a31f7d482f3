using System.Security.Claims;
using StrategicCities.Api.Intake.Auth;
using StrategicCities.Data;
using StrategicCities.Data.ApiKeys;
using StrategicCities.Data.Offices;
using StrategicCities.Core.Applications;

namespace StrategicCities.Api.Intake;

/// <summary>Who is calling and what they may see: the actor recorded on events and the municipality scope.</summary>
/// <param name="Actor">Identity id and role (never a name).</param>
/// <param name="OfficeId">The office of a clerk or supervisor.</param>
/// <param name="Scope">Admins and the sweep: everywhere; clerks and supervisors: their office's municipalities.</param>
public sealed record Caller(Actor Actor, Guid? OfficeId, MunicipalityScope Scope)
{
    /// <summary>The deadline sweep.</summary>
    public static Caller System(string instance) => new(new Actor("system:" + instance, Core.Procedures.ProcedureRoles.System), null, MunicipalityScope.Everywhere);

    /// <summary>The role.</summary>
    public string Role => Actor.Role;

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
