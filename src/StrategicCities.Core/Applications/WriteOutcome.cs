namespace StrategicCities.Core.Applications;

/// <summary>How a conditional write ended. Only <see cref="Ok"/> changed anything.</summary>
public enum WriteStatus
{
    /// <summary>Written.</summary>
    Ok,

    /// <summary>No such application in the caller's scope.</summary>
    NotFound,

    /// <summary>Another writer changed it since the caller read it (the expected version is not the current one).</summary>
    Stale,

    /// <summary>The version matched but the state is not the one the caller named.</summary>
    WrongState,

    /// <summary>Submit of an application that is already filed.</summary>
    AlreadyFiled,

    /// <summary>Another writer took the event sequence number first (unique (application_id, seq)).</summary>
    Conflict,
}

/// <summary>The result of a conditional write.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Version">On <see cref="WriteStatus.Ok"/> the new version; on <see cref="WriteStatus.Stale"/> the current one.</param>
/// <param name="Sequence">On <see cref="WriteStatus.Ok"/> of a transition or submit, the event's sequence number.</param>
public sealed record WriteOutcome(WriteStatus Status, long? Version = null, long? Sequence = null)
{
    /// <summary>True when written.</summary>
    public bool Succeeded => Status == WriteStatus.Ok;
}
