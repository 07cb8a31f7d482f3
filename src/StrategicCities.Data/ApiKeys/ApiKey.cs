namespace StrategicCities.Data.ApiKeys;

/// <summary>A stored API key: never its secret, only what identifies it.</summary>
/// <param name="Id">The id (the actor id recorded on events).</param>
/// <param name="Prefix">The public part shown to people (<c>sck_{prefix}_…</c>).</param>
/// <param name="Role">portal | clerk | supervisor | rules-author | admin.</param>
/// <param name="OfficeId">The office of a clerk or supervisor.</param>
/// <param name="Label">A label for operators (e.g. the portal's name); not a person's name.</param>
/// <param name="CreatedAt">Created (UTC).</param>
/// <param name="RevokedAt">Revoked (UTC), or null while valid.</param>
public sealed record ApiKey(Guid Id, string Prefix, string Role, Guid? OfficeId, string? Label, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    /// <summary>True until revoked.</summary>
    public bool IsActive => RevokedAt is null;
}
