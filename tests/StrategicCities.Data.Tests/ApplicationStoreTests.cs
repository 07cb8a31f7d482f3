using Dapper;
using StrategicCities.Data.Applications;
using StrategicCities.Data.Tests.Support;
using StrategicCities.Core.Applications;

namespace StrategicCities.Data.Tests;

[TestFixture(Dialect.Sqlite)]
[TestFixture(Dialect.Postgres)]
[TestFixture(Dialect.SqlServer)]
public sealed class ApplicationStoreTests(Dialect dialect) : DialectFixture(dialect)
{
    [Test]
    public async Task CreateDraft_ThenGet_RoundTripsEveryColumn()
    {
        var municipality = NewMunicipality();
        var office = await Offices.CreateAsync("SUE Milano", [municipality]);
        var draft = await Applications.CreateDraftAsync(new NewApplication
        {
            Municipality = municipality,
            OfficeId = office.Id,
            Form = "scia",
            Regime = "scia",
            Data = """{"intervento":{"categoria":"manutenzione-straordinaria"},"note":"è così"}""",
            CreatedBy = Clerk,
        });

        var read = await Applications.GetAsync(draft.Id, MunicipalityScope.Of([municipality]));

        Assert.That(read, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(read!.Id, Is.EqualTo(draft.Id));
            Assert.That(read.Municipality, Is.EqualTo(municipality));
            Assert.That(read.OfficeId, Is.EqualTo(office.Id));
            Assert.That(read.Form, Is.EqualTo("scia"));
            Assert.That(read.Regime, Is.EqualTo("scia"));
            Assert.That(read.State, Is.EqualTo("draft"));
            Assert.That(read.Data, Is.EqualTo(draft.Data));
            Assert.That(read.Version, Is.EqualTo(1));
            Assert.That(read.CreatedAt, Is.EqualTo(Time.GetUtcNow()));
            Assert.That(read.CreatedAt.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(read.UpdatedAt, Is.EqualTo(Time.GetUtcNow()));
            Assert.That(read.CreatedBy, Is.EqualTo(Clerk.Id));
            Assert.That(read.FiledOn, Is.Null);
            Assert.That(read.DecidedOn, Is.Null);
            Assert.That(read.PinnedVersions, Is.Empty);
            Assert.That(read.Procedure, Is.Null);
        });
    }

    [Test]
    public async Task Get_OtherMunicipalitysApplication_IsNotFound()
    {
        var draft = await CreateDraftAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(await Applications.GetAsync(draft.Id, MunicipalityScope.Of([NewMunicipality()])), Is.Null);
            Assert.That(await Applications.GetAsync(draft.Id, MunicipalityScope.Of([])), Is.Null);
            Assert.That(await Applications.GetAsync(Guid.NewGuid(), MunicipalityScope.Everywhere), Is.Null);
            Assert.That(await Applications.GetAsync(draft.Id, MunicipalityScope.Everywhere), Is.Not.Null);
            Assert.That(await Applications.ListEventsAsync(draft.Id, MunicipalityScope.Of([NewMunicipality()])), Is.Null);
        });
    }

    [Test]
    public async Task Writes_OutsideScope_AreNotFoundAndChangeNothing()
    {
        var draft = await CreateDraftAsync();
        var elsewhere = MunicipalityScope.Of([NewMunicipality()]);

        var update = await Applications.UpdateDataAsync(draft.Id, draft.Version, "{}", elsewhere);
        var submit = await Applications.SubmitAsync(Submit(draft), elsewhere);

        Assert.That(update.Status, Is.EqualTo(WriteStatus.NotFound));
        Assert.That(submit.Status, Is.EqualTo(WriteStatus.NotFound));
        var read = await Applications.GetAsync(draft.Id, MunicipalityScope.Everywhere);
        Assert.That(read!.Version, Is.EqualTo(1));
    }

    [Test]
    public async Task UpdateData_WithExpectedVersion_BumpsVersion_AndStaleVersionIsAnOutcome()
    {
        var draft = await CreateDraftAsync();
        var scope = MunicipalityScope.Of([draft.Municipality]);
        Time.Advance(TimeSpan.FromMinutes(5));

        var first = await Applications.UpdateDataAsync(draft.Id, 1, """{"v":2}""", scope);
        var stale = await Applications.UpdateDataAsync(draft.Id, 1, """{"v":"lost"}""", scope);

        Assert.That(first, Is.EqualTo(new WriteOutcome(WriteStatus.Ok, 2)));
        Assert.That(stale, Is.EqualTo(new WriteOutcome(WriteStatus.Stale, 2)));
        var read = await Applications.GetAsync(draft.Id, scope);
        Assert.Multiple(() =>
        {
            Assert.That(read!.Data, Is.EqualTo("""{"v":2}"""));
            Assert.That(read.UpdatedAt, Is.EqualTo(Time.GetUtcNow()));
            Assert.That(read.CreatedAt, Is.EqualTo(Time.GetUtcNow() - TimeSpan.FromMinutes(5)));
        });
    }

    [Test]
    public async Task Submit_StoresStatePinsFilingDateAndFirstEvent()
    {
        var draft = await CreateDraftAsync();
        var scope = MunicipalityScope.Of([draft.Municipality]);
        var submit = Submit(draft, new DateOnly(2025, 2, 28));

        var outcome = await Applications.SubmitAsync(submit, scope);

        Assert.That(outcome, Is.EqualTo(new WriteOutcome(WriteStatus.Ok, 2, 1)));
        var read = (await Applications.GetAsync(draft.Id, scope))!;
        var events = (await Applications.ListEventsAsync(draft.Id, scope))!;
        Assert.Multiple(() =>
        {
            Assert.That(read.State, Is.EqualTo("presentata"));
            Assert.That(read.FiledOn, Is.EqualTo(new DateOnly(2025, 2, 28)));
            Assert.That(read.PinnedVersions, Is.EqualTo(submit.PinnedVersions));
            Assert.That(read.Procedure, Is.EqualTo(submit.Procedure));
            Assert.That(read.Regime, Is.EqualTo("scia"));
            Assert.That(read.Version, Is.EqualTo(2));
            Assert.That(events, Has.Count.EqualTo(1));
            Assert.That(events[0].Sequence, Is.EqualTo(1));
            Assert.That(events[0].Trigger, Is.EqualTo("submit"));
            Assert.That(events[0].FromState, Is.EqualTo("draft"));
            Assert.That(events[0].ToState, Is.EqualTo("presentata"));
            Assert.That(events[0].Actor, Is.EqualTo(Clerk));
            Assert.That(events[0].OccurredAt, Is.EqualTo(Time.GetUtcNow()));
            Assert.That(events[0].Payload, Is.EqualTo("""{"channel":"portal"}"""));
            Assert.That(events[0].PinnedVersions, Is.EqualTo(submit.PinnedVersions));
            Assert.That(events[0].Procedure, Is.EqualTo(submit.Procedure));
        });
    }

    [Test]
    public async Task Submit_Twice_IsStaleThenAlreadyFiled()
    {
        var draft = await CreateDraftAsync();
        var scope = MunicipalityScope.Of([draft.Municipality]);
        await Applications.SubmitAsync(Submit(draft), scope);

        var again = await Applications.SubmitAsync(Submit(draft), scope);
        var current = (await Applications.GetAsync(draft.Id, scope))!;
        var refiled = await Applications.SubmitAsync(Submit(current), scope);

        Assert.That(again, Is.EqualTo(new WriteOutcome(WriteStatus.Stale, 2)));
        Assert.That(refiled, Is.EqualTo(new WriteOutcome(WriteStatus.AlreadyFiled, 2)));
        Assert.That(await Applications.ListEventsAsync(draft.Id, scope), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Transition_AppendsEventsInSequence_AndRecordsTheDecision()
    {
        var draft = await CreateDraftAsync();
        var scope = MunicipalityScope.Of([draft.Municipality]);
        await Applications.SubmitAsync(Submit(draft), scope);

        var toReview = await Applications.TransitionAsync(new TransitionApplication
        {
            Id = draft.Id, ExpectedVersion = 2, FromState = "presentata", ToState = "istruttoria", Trigger = "avvia-istruttoria", Actor = Clerk,
        }, scope);
        var wrongState = await Applications.TransitionAsync(new TransitionApplication
        {
            Id = draft.Id, ExpectedVersion = 3, FromState = "presentata", ToState = "x", Trigger = "t", Actor = Clerk,
        }, scope);
        var decided = await Applications.TransitionAsync(new TransitionApplication
        {
            Id = draft.Id, ExpectedVersion = 3, FromState = "istruttoria", ToState = "conclusa", Trigger = "accoglie", Actor = new Actor("sup-key", "supervisor"),
            DecidedOn = new DateOnly(2025, 4, 15), Outcome = "accolta", Payload = """{"protocollo":"2025/123"}""",
        }, scope);

        Assert.That(toReview, Is.EqualTo(new WriteOutcome(WriteStatus.Ok, 3, 2)));
        Assert.That(wrongState, Is.EqualTo(new WriteOutcome(WriteStatus.WrongState, 3)));
        Assert.That(decided, Is.EqualTo(new WriteOutcome(WriteStatus.Ok, 4, 3)));
        var read = (await Applications.GetAsync(draft.Id, scope))!;
        var events = (await Applications.ListEventsAsync(draft.Id, scope))!;
        Assert.Multiple(() =>
        {
            Assert.That(read.State, Is.EqualTo("conclusa"));
            Assert.That(read.DecidedOn, Is.EqualTo(new DateOnly(2025, 4, 15)));
            Assert.That(read.Outcome, Is.EqualTo("accolta"));
            Assert.That(events.Select(e => e.Sequence), Is.EqualTo(new long[] { 1, 2, 3 }));
            Assert.That(events.Select(e => e.Trigger), Is.EqualTo(new[] { "submit", "avvia-istruttoria", "accoglie" }));
            Assert.That(events[2].Actor.Role, Is.EqualTo("supervisor"));
        });
    }

    [Test]
    public async Task Events_AreAppendOnly_InTheDatabase()
    {
        var draft = await CreateDraftAsync();
        await Applications.SubmitAsync(Submit(draft), MunicipalityScope.Everywhere);
        await using var connection = await Factory.OpenAsync();

        Assert.That(async () => await connection.ExecuteAsync(
            "UPDATE application_events SET to_state = 'tampered' WHERE application_id = @Id", new { draft.Id }), Throws.Exception);
        Assert.That(async () => await connection.ExecuteAsync(
            "DELETE FROM application_events WHERE application_id = @Id", new { draft.Id }), Throws.Exception);
        var events = await Applications.ListEventsAsync(draft.Id, MunicipalityScope.Everywhere);
        Assert.That(events!.Single().ToState, Is.EqualTo("presentata"));
    }

    [Test]
    public async Task Search_FiltersAndPages_NewestFirst()
    {
        var municipality = NewMunicipality();
        var other = NewMunicipality();
        var office = await Offices.CreateAsync("Unione dei Comuni", [municipality, other]);
        var created = new List<ApplicationRecord>();
        for (var i = 0; i < 7; i++)
        {
            Time.Advance(TimeSpan.FromMinutes(1));
            var draft = await Applications.CreateDraftAsync(new NewApplication
            {
                Municipality = i == 6 ? other : municipality, OfficeId = office.Id, Form = "cila", Data = "{}", CreatedBy = Clerk,
            });
            created.Add(draft);
            if (i < 4)
            {
                await Applications.SubmitAsync(Submit(draft, new DateOnly(2025, 1, 10 + i)) with { Regime = i % 2 == 0 ? "cila" : "scia" }, MunicipalityScope.Everywhere);
            }
        }

        var scope = MunicipalityScope.Of([municipality]);
        var page1 = await Applications.SearchAsync(new ApplicationQuery { PageSize = 4 }, scope);
        var page2 = await Applications.SearchAsync(new ApplicationQuery { PageSize = 4, Page = 2 }, scope);
        var filed = await Applications.SearchAsync(new ApplicationQuery { State = "presentata" }, scope);
        var drafts = await Applications.SearchAsync(new ApplicationQuery { State = "draft" }, scope);
        var scia = await Applications.SearchAsync(new ApplicationQuery { Regime = "scia" }, scope);
        var window = await Applications.SearchAsync(new ApplicationQuery { FiledFrom = new DateOnly(2025, 1, 11), FiledTo = new DateOnly(2025, 1, 12) }, scope);
        var byOffice = await Applications.SearchAsync(new ApplicationQuery { OfficeId = office.Id }, MunicipalityScope.Of([municipality, other]));
        var byMunicipality = await Applications.SearchAsync(new ApplicationQuery { Municipality = other }, MunicipalityScope.Everywhere);
        var outOfScope = await Applications.SearchAsync(new ApplicationQuery { Municipality = other }, scope);

        Assert.Multiple(() =>
        {
            Assert.That(page1.Total, Is.EqualTo(6));
            Assert.That(page1.Items.Select(a => a.Id), Is.EqualTo(created.Take(6).Reverse().Take(4).Select(a => a.Id)));
            Assert.That(page2.Items.Select(a => a.Id), Is.EqualTo(created.Take(2).Reverse().Select(a => a.Id)));
            Assert.That(page2.Total, Is.EqualTo(6));
            Assert.That(filed.Total, Is.EqualTo(4));
            Assert.That(drafts.Total, Is.EqualTo(2));
            Assert.That(scia.Items.Select(a => a.Id), Is.EquivalentTo(new[] { created[1].Id, created[3].Id }));
            Assert.That(window.Items.Select(a => a.FiledOn), Is.EquivalentTo(new DateOnly?[] { new(2025, 1, 11), new(2025, 1, 12) }));
            Assert.That(byOffice.Total, Is.EqualTo(7));
            Assert.That(byMunicipality.Items.Single().Id, Is.EqualTo(created[6].Id));
            Assert.That(outOfScope.Total, Is.Zero);
            Assert.That(outOfScope.Items, Is.Empty);
        });
    }
}
