namespace StrategicCities.Data.Expiry;

/// <summary>How a claim ended.</summary>
public enum ClaimStatus
{
    /// <summary>This instance holds the claim until the lease ends: fire the trigger, then complete.</summary>
    Claimed,

    /// <summary>Another instance holds an unexpired lease: skip it.</summary>
    HeldByOther,

    /// <summary>The expiry was already fired and completed.</summary>
    AlreadyFired,
}
