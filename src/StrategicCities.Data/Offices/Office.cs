namespace StrategicCities.Data.Offices;

/// <summary>An office (ufficio tecnico, SUAP/SUE, or the joint office of associated municipalities).</summary>
/// <param name="Id">The id.</param>
/// <param name="Name">The office's name (an institution, not a person).</param>
/// <param name="Municipalities">The ISTAT codes it serves, in order.</param>
/// <param name="CreatedAt">When it was created (UTC).</param>
public sealed record Office(Guid Id, string Name, IReadOnlyList<string> Municipalities, DateTimeOffset CreatedAt);
