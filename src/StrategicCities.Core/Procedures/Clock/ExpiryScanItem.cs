namespace StrategicCities.Core.Procedures.Clock;

/// <summary>One application to scan for expired terms.</summary>
/// <param name="ApplicationId">The application's identifier.</param>
/// <param name="Terms">The terms of its procedure.</param>
/// <param name="Events">Its events, in chronological order, including triggers already fired.</param>
/// <param name="Municipality">ISTAT code of the municipality whose office must act.</param>
public sealed record ExpiryScanItem(
    string ApplicationId,
    IReadOnlyList<LegalTermDefinition> Terms,
    IReadOnlyList<ClockEvent> Events,
    string Municipality);
