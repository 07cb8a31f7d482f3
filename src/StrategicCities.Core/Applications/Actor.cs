namespace StrategicCities.Core.Applications;

/// <summary>Who did something: an identity id (the API key id) and its role. Never a person's name (STYLE.md C5).</summary>
/// <param name="Id">The actor id.</param>
/// <param name="Role">portal | clerk | supervisor | rules-author | admin | system.</param>
public sealed record Actor(string Id, string Role);
