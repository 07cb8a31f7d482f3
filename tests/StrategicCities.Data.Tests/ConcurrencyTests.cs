using StrategicCities.Data.Applications;
using StrategicCities.Data.Tests.Support;
using StrategicCities.Core.Applications;

namespace StrategicCities.Data.Tests;

/// <summary>Real parallel writers, each on its own connection (the stores open one per call).</summary>
[TestFixture(Dialect.Sqlite)]
[TestFixture(Dialect.Postgres)]
[TestFixture(Dialect.SqlServer)]
public sealed class ConcurrencyTests(Dialect dialect) : DialectFixture(dialect)
{
    [Test]
    [Description("Two (and more) writers read version N and write at once: exactly one wins, the others get Stale.")]
    public async Task ConcurrentWriters_WithSameExpectedVersion_ExactlyOneWins([Values(2, 4)] int writers)
    {
        for (var round = 0; round < 10; round++)
        {
            var draft = await CreateDraftAsync();
            var scope = MunicipalityScope.Of([draft.Municipality]);
            await Applications.SubmitAsync(Submit(draft), scope);
            using var start = new Barrier(writers);
            var outcomes = await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
            {
                start.SignalAndWait();
                return await Applications.TransitionAsync(new TransitionApplication
                {
                    Id = draft.Id, ExpectedVersion = 2, FromState = "presentata", ToState = $"esito-{w}", Trigger = $"writer-{w}", Actor = Clerk,
                }, scope);
            })));

            Assert.That(outcomes.Count(o => o.Status == WriteStatus.Ok), Is.EqualTo(1), $"round {round}: {string.Join(", ", outcomes.Select(o => o.Status))}");
            Assert.That(outcomes.Where(o => o.Status != WriteStatus.Ok), Has.All.EqualTo(new WriteOutcome(WriteStatus.Stale, 3)));
            var winner = outcomes.Single(o => o.Succeeded);
            Assert.That(winner.Sequence, Is.EqualTo(2));
            var events = await Applications.ListEventsAsync(draft.Id, scope);
            Assert.That(events!.Select(e => e.Sequence), Is.EqualTo(new long[] { 1, 2 }));
            var read = await Applications.GetAsync(draft.Id, scope);
            Assert.That(read!.State, Is.EqualTo(events![1].ToState), "the state is the winner's");
        }
    }

    [Test]
    [Description("Writers that retry on Stale until each has appended its share: the sequence is 1..N without gaps or duplicates.")]
    public async Task ConcurrentAppends_WithRetryOnStale_KeepTheSequenceGapless()
    {
        const int writers = 4;
        const int perWriter = 8;
        var draft = await CreateDraftAsync();
        var scope = MunicipalityScope.Of([draft.Municipality]);
        await Applications.SubmitAsync(Submit(draft), scope);
        var staleSeen = 0;

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var done = 0; done < perWriter;)
            {
                var current = (await Applications.GetAsync(draft.Id, scope))!;
                var outcome = await Applications.TransitionAsync(new TransitionApplication
                {
                    Id = draft.Id, ExpectedVersion = current.Version, FromState = current.State, ToState = "istruttoria",
                    Trigger = "annotazione", Actor = new Actor($"writer-{w}", "clerk"), Payload = $$"""{"n":{{done}}}""",
                }, scope);
                if (outcome.Succeeded)
                {
                    done++;
                }
                else
                {
                    Assert.That(outcome.Status, Is.EqualTo(WriteStatus.Stale).Or.EqualTo(WriteStatus.WrongState));
                    Interlocked.Increment(ref staleSeen);
                }
            }
        })));

        var events = (await Applications.ListEventsAsync(draft.Id, scope))!;
        var read = (await Applications.GetAsync(draft.Id, scope))!;
        Assert.Multiple(() =>
        {
            Assert.That(events.Select(e => e.Sequence), Is.EqualTo(Enumerable.Range(1, 1 + (writers * perWriter)).Select(i => (long)i)));
            Assert.That(read.Version, Is.EqualTo(2 + (writers * perWriter)));
            Assert.That(events.GroupBy(e => e.Actor.Id).Where(g => g.Key.StartsWith("writer-", StringComparison.Ordinal)).Select(g => g.Count()),
                Is.All.EqualTo(perWriter));
        });
        TestContext.Out.WriteLine($"{staleSeen} stale attempts were retried");
    }
}
