using StrategicCities.Core.Legal;
using Microsoft.Extensions.Options;
using StrategicCities.Api.Http;
using StrategicCities.Api.Contracts.Applications;
using StrategicCities.Core.Procedures;
using StrategicCities.Data;
using StrategicCities.Data.Applications;
using StrategicCities.Data.Expiry;
using StrategicCities.Data.Idempotency;
using StrategicCities.Core.Applications;
using StrategicCities.Core.Law;

namespace StrategicCities.Api.Intake;

/// <summary>
/// Every <c>Sweep:IntervalSeconds</c>: the filed applications, <see cref="ProcedureExpiry.Scan"/>, and for each due
/// trigger a claim (<see cref="ExpiryClaims"/>, a row per expiry: two instances never both hold it), then the use case
/// <see cref="ApplicationUseCases.ExpireAsync"/> (the endpoint's own trigger path) with role <c>system</c>, then the claim
/// is completed, or released when the use case says to retry.
/// Idempotent: a fired expiry is no longer due, and a completed claim is never taken again. Logs counts only.
/// </summary>
public sealed class DeadlineSweep(
    IServiceScopeFactory scopes, IOptions<SweepOptions> options, TimeProvider clock, ILogger<DeadlineSweep> logger) : BackgroundService
{
    private const int PageSize = 200;

    /// <summary>This instance's id in claims and event actors.</summary>
    public string InstanceId { get; } = options.Value.InstanceId is { Length: > 0 } id ? id : $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>One sweep; returns how many triggers this call fired.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var store = services.GetRequiredService<ApplicationStore>();
        var law = services.GetRequiredService<ILawSource>().Current;
        var procedures = law.Procedures;
        var claims = services.GetRequiredService<ExpiryClaims>();
        var useCases = services.GetRequiredService<ApplicationUseCases>();
        var calendar = law.Calendar;
        var today = RomeCalendar.Today(clock);
        var caller = Caller.System(InstanceId);
        var lease = TimeSpan.FromSeconds(Math.Max(10, options.Value.LeaseSeconds));

        List<ProcedureApplication> scan = [];
        var unrunnable = new HashSet<Guid>();
        for (var page = 1; ; page++)
        {
            var found = await store.SearchAsync(new ApplicationQuery { FiledFrom = DateOnly.MinValue, Page = page, PageSize = PageSize }, MunicipalityScope.Everywhere, cancellationToken);
            foreach (var summary in found.Items.Where(s => s.DecidedOn is null))
            {
                // One application that cannot be run (a pinned file missing, a fault in its data) never stops the others.
                try
                {
                    if (await ScanOneAsync(summary.Id, store, procedures, unrunnable, cancellationToken) is { } item)
                    {
                        scan.Add(item);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    unrunnable.Add(summary.Id);
                    IntakeLog.SweepApplicationFailed(logger, ex, InstanceId, summary.Id);
                }
            }

            if ((long)page * PageSize >= found.Total)
            {
                break;
            }
        }

        Health.Record(unrunnable);
        var due = ProcedureExpiry.Scan(scan, calendar, today);
        int fired = 0, skipped = 0;
        foreach (var item in due)
        {
            var key = new ExpiryKey(Guid.Parse(item.ApplicationId), item.TermId, item.DueDate);
            if (await claims.TryClaimAsync(key, item.Trigger, InstanceId, lease, cancellationToken) != ClaimStatus.Claimed)
            {
                skipped++;
                continue;
            }

            try
            {
                switch (await useCases.ExpireAsync(caller, key.ApplicationId, item.Trigger, item.EffectiveFrom, cancellationToken))
                {
                    case ExpiryResult.Fired:
                        fired++;
                        await claims.CompleteAsync(key, InstanceId, cancellationToken);
                        break;
                    case ExpiryResult.NeverDue:
                        skipped++;
                        await claims.CompleteAsync(key, InstanceId, cancellationToken);
                        break;
                    default:
                        skipped++;
                        await claims.ReleaseAsync(key, InstanceId, cancellationToken);
                        break;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                skipped++;
                IntakeLog.SweepApplicationFailed(logger, ex, InstanceId, key.ApplicationId);
                await claims.ReleaseAsync(key, InstanceId, CancellationToken.None);
            }
        }

        IntakeLog.SweepDone(logger, InstanceId, scan.Count, due.Count, fired, skipped);
        return fired;
    }

    /// <summary>Applications the last sweep could not run (readiness reports them as degraded).</summary>
    public SweepHealth Health { get; } = new();

    private async Task<ProcedureApplication?> ScanOneAsync(
        Guid id, ApplicationStore store, ProcedureCatalog procedures, HashSet<Guid> unrunnable, CancellationToken cancellationToken)
    {
        var application = await store.GetAsync(id, MunicipalityScope.Everywhere, cancellationToken);
        if (application?.FiledOn is not { } filedOn || application.Regime is null)
        {
            return null;
        }

        var (procedure, error) = await procedures.ResolvePinnedAsync(
            application.Regime, application.Municipality, filedOn, application.PinnedVersions, cancellationToken);
        if (procedure is null)
        {
            unrunnable.Add(id);
            if (Health.FirstTime(id))
            {
                IntakeLog.SweepApplicationUnrunnable(logger, InstanceId, id, error?.Code ?? "-", error?.Message.En ?? "");
            }

            return null;
        }

        var events = ProcedureEvents.From(await store.ListEventsAsync(application.Id, MunicipalityScope.Everywhere, cancellationToken) ?? []);
        return new ProcedureApplication(application.Id.ToString(), procedure.Definition, application.State, events, application.Municipality);
    }

    /// <summary>
    /// Deletes idempotency records older than <see cref="SweepOptions.IdempotencyRetentionHours"/> (at least one hour);
    /// returns how many. Run on every tick, after the deadlines.
    /// </summary>
    public async Task<int> PurgeIdempotencyAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IdempotencyStore>();
        var cutoff = clock.GetUtcNow() - TimeSpan.FromHours(Math.Max(1, options.Value.IdempotencyRetentionHours));
        var purged = await store.PurgeAsync(cutoff, cancellationToken);
        IntakeLog.IdempotencyPurged(logger, InstanceId, purged);
        return purged;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.IntervalSeconds)), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepOnceAsync(stoppingToken);
                await PurgeIdempotencyAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                IntakeLog.SweepFailed(logger, ex, InstanceId);
            }
        }
    }
}
