namespace StrategicCities.Core.Monitoring.Seeding;

/// <summary>A seeded office and the municipalities it serves (more than one: a joint office).</summary>
/// <param name="Id">The id.</param>
/// <param name="Name">The name.</param>
/// <param name="Municipalities">ISTAT codes served.</param>
public sealed record SeedOffice(Guid Id, string Name, IReadOnlyList<string> Municipalities);
