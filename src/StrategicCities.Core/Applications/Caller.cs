using StrategicCities.Core.Procedures;

namespace StrategicCities.Core.Applications;

/// <summary>Who runs a use case: the actor recorded on events, the office (for a draft) and the municipalities they may see.</summary>
/// <param name="Actor">The key's or token's actor id and role.</param>
/// <param name="OfficeId">The caller's office, if any.</param>
/// <param name="Scope">The municipalities the caller may see.</param>
public sealed record Caller(Actor Actor, Guid? OfficeId, MunicipalityScope Scope)
{
    /// <summary>The deadline sweep of one instance: the system role, every municipality.</summary>
    public static Caller System(string instance) => new(new Actor("system:" + instance, ProcedureRoles.System), null, MunicipalityScope.Everywhere);

    /// <summary>The caller's role.</summary>
    public string Role => Actor.Role;
}
