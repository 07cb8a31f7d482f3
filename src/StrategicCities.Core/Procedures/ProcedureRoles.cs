namespace StrategicCities.Core.Procedures;

/// <summary>The roles that may fire triggers. A definition naming any other role is refused by the loader.</summary>
public static class ProcedureRoles
{
    /// <summary>An applicant's portal (filing, integrations, observations, start and end of works).</summary>
    public const string Portal = "portal";

    /// <summary>A clerk of the permit desk (sportello unico): instruction acts.</summary>
    public const string Clerk = "clerk";

    /// <summary>The head of office (dirigente / responsabile dell'ufficio): final decisions.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>Legal staff authoring rules; fires nothing in a live procedure unless a definition says so.</summary>
    public const string RulesAuthor = "rules-author";

    /// <summary>Operators.</summary>
    public const string Admin = "admin";

    /// <summary>The service itself: triggers fired on the expiry of a term (silenzio-assenso, decadenza).</summary>
    public const string System = "system";

    /// <summary>Every role, in the order of the contract.</summary>
    public static readonly IReadOnlyList<string> All = [Portal, Clerk, Supervisor, RulesAuthor, Admin, System];
}
