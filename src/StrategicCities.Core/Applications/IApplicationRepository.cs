namespace StrategicCities.Core.Applications;

/// <summary>
/// Where the use cases keep applications and their events (Data's <c>ApplicationStore</c> on SQLite, PostgreSQL or
/// SQL Server). Every read and write takes the caller's scope: an application outside it does not exist for them.
/// Writes are compare-and-set on the version and answer with a <see cref="WriteOutcome"/>, never an exception.
/// </summary>
public interface IApplicationRepository
{
    /// <summary>Creates a draft (with the given id, when the caller retries under an idempotency key).</summary>
    Task<ApplicationRecord> CreateDraftAsync(NewApplication draft, CancellationToken cancellationToken = default);

    /// <summary>One application in the scope, or null.</summary>
    Task<ApplicationRecord?> GetAsync(Guid id, MunicipalityScope scope, CancellationToken cancellationToken = default);

    /// <summary>The events of an application in the scope, in order, or null when there is no such application.</summary>
    Task<IReadOnlyList<ApplicationEvent>?> ListEventsAsync(Guid id, MunicipalityScope scope, CancellationToken cancellationToken = default);

    /// <summary>Replaces a draft's data if it is still at <paramref name="expectedVersion"/>.</summary>
    Task<WriteOutcome> UpdateDataAsync(Guid id, long expectedVersion, string data, MunicipalityScope scope, CancellationToken cancellationToken = default);

    /// <summary>Files a draft: state, pins, filing date and first event, atomically.</summary>
    Task<WriteOutcome> SubmitAsync(SubmitApplication submit, MunicipalityScope scope, CancellationToken cancellationToken = default);

    /// <summary>A state change of a filed application, with its event.</summary>
    Task<WriteOutcome> TransitionAsync(TransitionApplication transition, MunicipalityScope scope, CancellationToken cancellationToken = default);

    /// <summary>Moves the pins of a filed application, with the audit event.</summary>
    Task<WriteOutcome> RepinAsync(RepinApplication repin, MunicipalityScope scope, CancellationToken cancellationToken = default);
}
