using System.Text;
using StrategicCities.Data.Idempotency;
using StrategicCities.Data.Tests.Support;

namespace StrategicCities.Data.Tests;

[TestFixture(Dialect.Sqlite)]
[TestFixture(Dialect.Postgres)]
[TestFixture(Dialect.SqlServer)]
public sealed class IdempotencyStoreTests(Dialect dialect) : DialectFixture(dialect)
{
    private static string HashOf(string body) => IdempotencyStore.HashRequest("POST", "/api/v1/applications", Encoding.UTF8.GetBytes(body));

    [Test]
    public async Task SameKeySameBody_ReplaysTheStoredResponse_DifferentBody_IsAMismatch()
    {
        var key = Guid.NewGuid().ToString();
        var body = """{"municipality":"015146"}""";

        var first = await Idempotency.BeginAsync("key-1", key, HashOf(body));
        var whileRunning = await Idempotency.BeginAsync("key-1", key, HashOf(body));
        var completed = await Idempotency.CompleteAsync("key-1", key, 201, """{"id":"abc"}""");
        var replay = await Idempotency.BeginAsync("key-1", key, HashOf(body));
        var otherBody = await Idempotency.BeginAsync("key-1", key, HashOf("""{"municipality":"058091"}"""));
        var otherCaller = await Idempotency.BeginAsync("key-2", key, HashOf(body));

        Assert.Multiple(() =>
        {
            Assert.That(first.Status, Is.EqualTo(IdempotencyStatus.Started));
            Assert.That(whileRunning.Status, Is.EqualTo(IdempotencyStatus.InProgress));
            Assert.That(completed, Is.True);
            Assert.That(replay, Is.EqualTo(new IdempotencyBegin(IdempotencyStatus.Replay, 201, """{"id":"abc"}""")));
            Assert.That(otherBody.Status, Is.EqualTo(IdempotencyStatus.Mismatch));
            Assert.That(otherCaller.Status, Is.EqualTo(IdempotencyStatus.Started), "keys are per caller");
        });
    }

    [Test]
    public async Task ConcurrentFirstRequests_ExactlyOneStarts()
    {
        for (var round = 0; round < 5; round++)
        {
            var key = Guid.NewGuid().ToString();
            using var start = new Barrier(6);
            var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
            {
                start.SignalAndWait();
                return await Idempotency.BeginAsync("portal-a", key, HashOf("{}"));
            })));

            Assert.That(results.Count(r => r.Status == IdempotencyStatus.Started), Is.EqualTo(1));
            Assert.That(results.Where(r => r.Status != IdempotencyStatus.Started).Select(r => r.Status), Is.All.EqualTo(IdempotencyStatus.InProgress));
        }
    }

    [Test]
    public async Task Abandon_LetsARetryStart_AndPurgeDropsOldRecords()
    {
        var key = Guid.NewGuid().ToString();
        await Idempotency.BeginAsync("c", key, HashOf("{}"));

        Assert.That(await Idempotency.AbandonAsync("c", key), Is.True);
        Assert.That((await Idempotency.BeginAsync("c", key, HashOf("{}"))).Status, Is.EqualTo(IdempotencyStatus.Started));
        Time.Advance(TimeSpan.FromDays(2));
        Assert.That(await Idempotency.PurgeAsync(Time.GetUtcNow() - TimeSpan.FromDays(1)), Is.GreaterThanOrEqualTo(1));
        Assert.That((await Idempotency.BeginAsync("c", key, HashOf("{}"))).Status, Is.EqualTo(IdempotencyStatus.Started));
    }

    [Test]
    [Description("Issue 14: after a crash, an in-progress record answered 'in progress' to every retry until the 24-hour purge.")]
    public async Task InProgressPastItsLease_IsTakenOverByExactlyOneRetry_AndReplayedAfterwards()
    {
        var key = Guid.NewGuid().ToString();
        var crashed = await Idempotency.BeginAsync("lease", key, HashOf("{}"));
        Time.Advance(Idempotency.Lease - TimeSpan.FromSeconds(5));
        var withinLease = await Idempotency.BeginAsync("lease", key, HashOf("{}"));
        Time.Advance(TimeSpan.FromSeconds(6));

        using var start = new Barrier(6);
        var retries = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            start.SignalAndWait();
            return await Idempotency.BeginAsync("lease", key, HashOf("{}"));
        })));
        var winner = retries.Single(r => r.Status == IdempotencyStatus.Started);
        var deadAttemptCompletes = await Idempotency.CompleteAsync("lease", key, crashed.LeaseStartedAt!.Value, 201, """{"id":"dead"}""");
        var winnerCompletes = await Idempotency.CompleteAsync("lease", key, winner.LeaseStartedAt!.Value, 201, """{"id":"retry"}""");
        var afterwards = await Idempotency.BeginAsync("lease", key, HashOf("{}"));

        Assert.Multiple(() =>
        {
            Assert.That(crashed.Status, Is.EqualTo(IdempotencyStatus.Started));
            Assert.That(withinLease.Status, Is.EqualTo(IdempotencyStatus.InProgress));
            Assert.That(withinLease.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(5)));
            Assert.That(retries.Count(r => r.Status == IdempotencyStatus.Started), Is.EqualTo(1));
            Assert.That(retries.Where(r => r.Status != IdempotencyStatus.Started).Select(r => r.Status), Is.All.EqualTo(IdempotencyStatus.InProgress));
            Assert.That(deadAttemptCompletes, Is.False, "the attempt whose lease was taken over stores nothing");
            Assert.That(winnerCompletes, Is.True);
            Assert.That(afterwards, Is.EqualTo(new IdempotencyBegin(IdempotencyStatus.Replay, 201, """{"id":"retry"}""")));
            Assert.That(winner.ResourceId, Is.EqualTo(crashed.ResourceId).And.Not.Null, "the retry creates under the dead attempt's id");
        });
    }

    [Test]
    public async Task AbandonOfATakenOverLease_LeavesTheNewHoldersReservation()
    {
        var key = Guid.NewGuid().ToString();
        var dead = await Idempotency.BeginAsync("lease-abandon", key, HashOf("{}"));
        Time.Advance(Idempotency.Lease + TimeSpan.FromSeconds(1));
        var retry = await Idempotency.BeginAsync("lease-abandon", key, HashOf("{}"));

        var deadAbandons = await Idempotency.AbandonAsync("lease-abandon", key, dead.LeaseStartedAt!.Value);
        var stillHeld = await Idempotency.BeginAsync("lease-abandon", key, HashOf("{}"));

        Assert.Multiple(() =>
        {
            Assert.That(retry.Status, Is.EqualTo(IdempotencyStatus.Started));
            Assert.That(deadAbandons, Is.False);
            Assert.That(stillHeld.Status, Is.EqualTo(IdempotencyStatus.InProgress));
        });
    }
}
