using System.Data.Common;
using Dapper;
using Microsoft.Data.SqlClient;
using Npgsql;
using StrategicCities.Data.Applications;
using StrategicCities.Data.Tests.Support;
using StrategicCities.Core.Applications;

namespace StrategicCities.Data.Tests;

/// <summary>A multi-statement write that dies between its statements leaves the old state and no event.</summary>
[TestFixture(Dialect.Sqlite)]
[TestFixture(Dialect.Postgres)]
[TestFixture(Dialect.SqlServer)]
public sealed class CrashSafetyTests(Dialect dialect) : DialectFixture(dialect)
{
    [Test]
    public async Task Submit_FailingBetweenStateChangeAndEvent_LeavesDraftAndNoEvent()
    {
        var draft = await CreateDraftAsync();
        var store = new ApplicationStore(Factory, Time)
        {
            BetweenStatements = (_, _, _) => throw new InvalidOperationException("crash after the UPDATE, before the event"),
        };

        Assert.That(async () => await store.SubmitAsync(Submit(draft), MunicipalityScope.Everywhere), Throws.InvalidOperationException);

        await AssertUntouchedAndStillSubmittableAsync(draft);
    }

    [Test]
    public async Task Submit_WhenTheConnectionIsKilledMidTransaction_LeavesDraftAndNoEvent()
    {
        var draft = await CreateDraftAsync();
        var store = new ApplicationStore(Factory, Time) { BetweenStatements = KillAsync };

        Assert.That(async () => await store.SubmitAsync(Submit(draft), MunicipalityScope.Everywhere), Throws.Exception);

        await AssertUntouchedAndStillSubmittableAsync(draft);
    }

    [Test]
    public async Task Transition_FailingBeforeTheEvent_LeavesStateAndEvents()
    {
        var draft = await CreateDraftAsync();
        await Applications.SubmitAsync(Submit(draft), MunicipalityScope.Everywhere);
        var store = new ApplicationStore(Factory, Time) { BetweenStatements = (_, _, _) => throw new TimeoutException("simulated") };

        Assert.That(async () => await store.TransitionAsync(new TransitionApplication
        {
            Id = draft.Id, ExpectedVersion = 2, FromState = "presentata", ToState = "conclusa", Trigger = "accoglie", Actor = Clerk,
            DecidedOn = new DateOnly(2025, 4, 1), Outcome = "accolta",
        }, MunicipalityScope.Everywhere), Throws.TypeOf<TimeoutException>());

        var read = (await Applications.GetAsync(draft.Id, MunicipalityScope.Everywhere))!;
        Assert.Multiple(async () =>
        {
            Assert.That(read.State, Is.EqualTo("presentata"));
            Assert.That(read.Version, Is.EqualTo(2));
            Assert.That(read.DecidedOn, Is.Null);
            Assert.That(read.Outcome, Is.Null);
            Assert.That(await Applications.ListEventsAsync(draft.Id, MunicipalityScope.Everywhere), Has.Count.EqualTo(1));
        });
    }

    private async Task AssertUntouchedAndStillSubmittableAsync(ApplicationRecord draft)
    {
        var read = (await Applications.GetAsync(draft.Id, MunicipalityScope.Everywhere))!;
        Assert.Multiple(async () =>
        {
            Assert.That(read.State, Is.EqualTo("draft"));
            Assert.That(read.Version, Is.EqualTo(1));
            Assert.That(read.FiledOn, Is.Null);
            Assert.That(read.PinnedVersions, Is.Empty);
            Assert.That(await Applications.ListEventsAsync(draft.Id, MunicipalityScope.Everywhere), Is.Empty);
        });

        // Nothing half-done blocks the retry.
        var retry = await Applications.SubmitAsync(Submit(draft), MunicipalityScope.Everywhere);
        Assert.That(retry, Is.EqualTo(new WriteOutcome(WriteStatus.Ok, 2, 1)));
    }

    /// <summary>Kills the writer's session from outside (server) or closes it under the transaction (SQLite).</summary>
    private async Task KillAsync(DbConnection victim, string step, CancellationToken cancellationToken)
    {
        switch (victim)
        {
            case NpgsqlConnection pg:
            {
                await using var killer = await Factory.OpenAsync(cancellationToken);
                await killer.ExecuteAsync("SELECT pg_terminate_backend(@Pid)", new { Pid = pg.ProcessID });
                break;
            }

            case SqlConnection ss:
            {
                await using var killer = await Factory.OpenAsync(cancellationToken);
                await killer.ExecuteAsync($"KILL {ss.ServerProcessId}");
                break;
            }

            default:
                await victim.CloseAsync();
                break;
        }
    }
}
