namespace StrategicCities.Data.ApiKeys;

/// <summary>The roles a key may have (the api_keys.role check constraint lists the same).</summary>
public static class ApiKeyRoles
{
    /// <summary>A registered portal: validation and determination.</summary>
    public const string Portal = "portal";

    /// <summary>A clerk of an office: the applications of the municipalities the office serves.</summary>
    public const string Clerk = "clerk";

    /// <summary>A supervisor of an office.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>Legal staff who author rule sets.</summary>
    public const string RulesAuthor = "rules-author";

    /// <summary>Operators.</summary>
    public const string Admin = "admin";

    /// <summary>Every role.</summary>
    public static IReadOnlyList<string> All { get; } = [Portal, Clerk, Supervisor, RulesAuthor, Admin];

    /// <summary>Whether the role needs an office.</summary>
    public static bool NeedsOffice(string role) => role is Clerk or Supervisor;
}
