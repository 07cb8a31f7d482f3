namespace StrategicCities.Data.Expiry;

/// <summary>A held claim.</summary>
/// <param name="Key">The expiry.</param>
/// <param name="Trigger">The trigger to fire.</param>
/// <param name="ClaimedBy">The holder (instance id).</param>
/// <param name="ClaimedUntil">End of the lease (UTC).</param>
public sealed record ExpiryClaim(ExpiryKey Key, string Trigger, string ClaimedBy, DateTimeOffset ClaimedUntil);
