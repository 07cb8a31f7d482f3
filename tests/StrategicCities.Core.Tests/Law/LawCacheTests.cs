using StrategicCities.Core.Law;

namespace StrategicCities.Core.Tests.Law;

/// <summary>The bounded cache of compiled rule sets and merged schemas.</summary>
public sealed class LawCacheTests
{
    [Test]
    public async Task GetOrAdd_SameKeyAskedConcurrently_BuildsOnce()
    {
        var cache = new LawCache<int>(capacity: 16);
        var builds = 0;

        var values = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => cache.GetOrAddAsync("scia|2024-07-30|r1", async () =>
        {
            Interlocked.Increment(ref builds);
            await Task.Delay(20);
            return 42;
        }))));

        Assert.Multiple(() =>
        {
            Assert.That(values, Has.All.EqualTo(42));
            Assert.That(builds, Is.EqualTo(1));
            Assert.That(cache.Count, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task GetOrAdd_PastTheCapacity_DropsTheLeastRecentlyUsedAndStaysBounded()
    {
        var cache = new LawCache<string>(capacity: 16);
        var builds = new Dictionary<string, int>();
        Task<string> Get(string key) => cache.GetOrAddAsync(key, () =>
        {
            builds[key] = builds.GetValueOrDefault(key) + 1;
            return Task.FromResult(key);
        });

        for (var i = 0; i < 16; i++)
        {
            await Get("k" + i);
        }

        await Get("k0"); // the oldest key is used again: it is now the most recent
        for (var i = 16; i < 26; i++)
        {
            await Get("k" + i);
        }

        await Get("k0");
        await Get("k1");

        Assert.Multiple(() =>
        {
            Assert.That(cache.Count, Is.LessThanOrEqualTo(cache.Capacity));
            Assert.That(builds["k0"], Is.EqualTo(1), "a recently used entry is kept");
            Assert.That(builds["k1"], Is.EqualTo(2), "the least recently used entry was dropped and is built again");
        });
    }

    [Test]
    public void Constructor_TinyCapacity_KeepsAUsefulMinimum() =>
        Assert.That(new LawCache<int>(capacity: 1).Capacity, Is.EqualTo(16));
}
