using StrategicCities.Data.ApiKeys;

namespace StrategicCities.Api.Intake.Auth;

/// <summary>Authorization policies by endpoint family (roles from <see cref="IntakeClaims.Role"/>).</summary>
public static class IntakePolicies
{
    /// <summary>Applications: clerks, supervisors (scoped to their office) and admins (everywhere).</summary>
    public const string Applications = "applications";

    /// <summary>The roles of <see cref="Applications"/>.</summary>
    public static readonly string[] ApplicationRoles = [ApiKeyRoles.Clerk, ApiKeyRoles.Supervisor, ApiKeyRoles.Admin];

    /// <summary>Operations on the law in force itself (re-pin, catalog reload): admins only.</summary>
    public const string Admin = "admin";
}
