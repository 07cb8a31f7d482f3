using StrategicCities.Data.Expiry;
using StrategicCities.Data.Tests.Support;

namespace StrategicCities.Data.Tests;

[TestFixture(Dialect.Sqlite)]
[TestFixture(Dialect.Postgres)]
[TestFixture(Dialect.SqlServer)]
public sealed class ExpiryClaimsTests(Dialect dialect) : DialectFixture(dialect)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private async Task<ExpiryKey> NewExpiryAsync()
    {
        var draft = await CreateDraftAsync();
        return new ExpiryKey(draft.Id, "silenzio-assenso", new DateOnly(2025, 5, 30));
    }

    [Test]
    [Description("Several instances claim the same expiry at once: only one gets it.")]
    public async Task ConcurrentClaimers_OnlyOneGetsTheExpiry()
    {
        for (var round = 0; round < 10; round++)
        {
            var key = await NewExpiryAsync();
            using var start = new Barrier(4);
            var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
            {
                start.SignalAndWait();
                return await Claims.TryClaimAsync(key, "formazione-silenzio", $"instance-{i}", Lease);
            })));

            Assert.That(results.Count(r => r == ClaimStatus.Claimed), Is.EqualTo(1), string.Join(", ", results));
            Assert.That(results.Where(r => r != ClaimStatus.Claimed), Is.All.EqualTo(ClaimStatus.HeldByOther));
        }
    }

    [Test]
    public async Task ConcurrentClaimers_OfALapsedLease_OnlyOneTakesItOver()
    {
        for (var round = 0; round < 5; round++)
        {
            var key = await NewExpiryAsync();
            await Claims.TryClaimAsync(key, "t", "crashed", Lease);
            Time.Advance(Lease + TimeSpan.FromSeconds(1));
            using var start = new Barrier(4);
            var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
            {
                start.SignalAndWait();
                return await Claims.TryClaimAsync(key, "t", $"instance-{i}", Lease);
            })));

            Assert.That(results.Count(r => r == ClaimStatus.Claimed), Is.EqualTo(1), string.Join(", ", results));
        }
    }

    [Test]
    public async Task Claim_Complete_IsNeverClaimableAgain()
    {
        var key = await NewExpiryAsync();

        Assert.That(await Claims.TryClaimAsync(key, "t", "a", Lease), Is.EqualTo(ClaimStatus.Claimed));
        Assert.That(await Claims.TryClaimAsync(key, "t", "a", Lease), Is.EqualTo(ClaimStatus.Claimed), "re-entrant for the holder");
        Assert.That(await Claims.CompleteAsync(key, "b"), Is.False, "only the holder completes");
        Assert.That(await Claims.CompleteAsync(key, "a"), Is.True);
        Time.Advance(TimeSpan.FromDays(1));
        Assert.That(await Claims.TryClaimAsync(key, "t", "b", Lease), Is.EqualTo(ClaimStatus.AlreadyFired));
    }

    [Test]
    public async Task Release_AndLapsedLeases_AreReclaimed_OnceEach()
    {
        var released = await NewExpiryAsync();
        var lapsed = await NewExpiryAsync();
        var held = await NewExpiryAsync();
        await Claims.TryClaimAsync(released, "t1", "a", Lease);
        await Claims.TryClaimAsync(lapsed, "t2", "crashed", TimeSpan.FromSeconds(10));
        Assert.That(await Claims.ReleaseAsync(released, "a"), Is.True);
        Time.Advance(TimeSpan.FromMinutes(1));
        await Claims.TryClaimAsync(held, "t3", "c", Lease);

        using var start = new Barrier(2);
        var taken = await Task.WhenAll(new[] { "x", "y" }.Select(owner => Task.Run(async () =>
        {
            start.SignalAndWait();
            return await Claims.ReclaimLapsedAsync(owner, Lease, 100);
        })));

        var all = taken.SelectMany(t => t).Where(c => c.Key.ApplicationId == released.ApplicationId || c.Key.ApplicationId == lapsed.ApplicationId || c.Key.ApplicationId == held.ApplicationId).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(all.Select(c => c.Key), Is.EquivalentTo(new[] { released, lapsed }), "each once, never the held one");
            Assert.That(all.Single(c => c.Key == lapsed).Trigger, Is.EqualTo("t2"));
            Assert.That(all.Select(c => c.ClaimedUntil), Is.All.EqualTo(Time.GetUtcNow() + Lease));
        });
    }
}
