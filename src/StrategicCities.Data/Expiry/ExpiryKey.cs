namespace StrategicCities.Data.Expiry;

/// <summary>One expiry of one term of one application (ExpiryScanner's ExpiredTerm: application, term, due date).</summary>
/// <param name="ApplicationId">The application.</param>
/// <param name="TermId">The term id of the procedure definition.</param>
/// <param name="DueOn">The due date that expired.</param>
public sealed record ExpiryKey(Guid ApplicationId, string TermId, DateOnly DueOn);
