namespace StrategicCities.Data.Migrations;

/// <summary>What a migration run did.</summary>
/// <param name="Dialect">The dialect.</param>
/// <param name="Applied">The scripts applied by this run, in order.</param>
/// <param name="AlreadyApplied">The scripts found in the journal (checksums verified).</param>
public sealed record MigrationReport(Dialect Dialect, IReadOnlyList<string> Applied, IReadOnlyList<string> AlreadyApplied);
