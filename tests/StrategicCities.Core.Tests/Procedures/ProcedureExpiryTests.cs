using StrategicCities.Core.Procedures;
using static StrategicCities.Core.Tests.Procedures.ShippedProcedures;

namespace StrategicCities.Core.Tests.Procedures;

[TestFixture]
public sealed class ProcedureExpiryTests
{
    private static async Task<ProcedureMachine> PermitWaitingAsync(ProcedureFacts? facts = null) =>
        await WalkAsync("permesso-di-costruire", D(2025, 3, 3), facts ?? new ProcedureFacts(),
            [new("presentazione", ProcedureRoles.Portal, D(2025, 3, 3)), new("nomina-responsabile", ProcedureRoles.Clerk, D(2025, 3, 5))], Cinisello);

    private static ProcedureApplication Application(string id, ProcedureMachine machine) =>
        new(id, machine.Definition, machine.State, machine.Events, machine.Definition.Municipality!.Code);

    [Test]
    public async Task Scan_BeforeAndOnDueDate_NothingDue()
    {
        var machine = await PermitWaitingAsync();

        var due = ProcedureExpiry.Scan([Application("A-1", machine)], await CalendarAsync(), D(2025, 6, 3));

        Assert.That(due, Is.Empty);
    }

    [Test]
    [Description("Filed 3 Mar 2025, no decision: the overall term ends 3 Jun; on 4 Jun silent consent is due, effective from 4 Jun.")]
    public async Task Scan_AfterOverallTerm_SilentConsentDueOncePerApplication()
    {
        var machine = await PermitWaitingAsync();

        var due = ProcedureExpiry.Scan([Application("A-1", machine)], await CalendarAsync(), D(2025, 6, 4));

        Assert.That(due, Has.Count.EqualTo(1));
        Assert.That(due[0], Is.EqualTo(due[0] with { ApplicationId = "A-1", TermId = "pdc-silenzio-assenso", DueDate = D(2025, 6, 3), Trigger = "silenzio-assenso", EffectiveFrom = D(2025, 6, 4) }));
    }

    [Test]
    public async Task Scan_TriggerFiredByTheSweep_IdempotentAndEmptyAfterwards()
    {
        var calendar = await CalendarAsync();
        var machine = await PermitWaitingAsync();
        var now = D(2025, 6, 10);

        var first = ProcedureExpiry.Scan([Application("A-1", machine)], calendar, now);
        var second = ProcedureExpiry.Scan([Application("A-1", machine)], calendar, now);
        var fired = await machine.FireAsync(first[0].Trigger, ProcedureRoles.System, first[0].EffectiveFrom);
        var third = ProcedureExpiry.Scan([Application("A-1", machine)], calendar, now);
        var later = ProcedureExpiry.Scan([Application("A-1", machine)], calendar, D(2025, 12, 1));

        Assert.That(second, Is.EqualTo(first));
        Assert.That(fired.Status, Is.EqualTo(FireStatus.Fired));
        Assert.That(fired.Event!.Date, Is.EqualTo(D(2025, 6, 4)));
        Assert.That(third, Is.Empty);
        Assert.That(later, Is.Empty, "the start-of-works year has not run out yet");
    }

    [Test]
    public async Task Scan_WithConstraints_ListedButTheMachineRefusesAsOutcome()
    {
        var machine = await PermitWaitingAsync(new ProcedureFacts { Constraints = true });

        var due = ProcedureExpiry.Scan([Application("A-2", machine)], await CalendarAsync(), D(2025, 6, 10));
        var outcome = await machine.FireAsync(due[0].Trigger, ProcedureRoles.System, due[0].EffectiveFrom);

        Assert.That(outcome.Status, Is.EqualTo(FireStatus.GuardRefused));
        Assert.That(machine.State, Is.EqualTo("in-istruttoria"));
    }

    [Test]
    public async Task Scan_PermitIssuedWorksNeverStarted_LapseDueAfterOneYear()
    {
        var machine = await PermitWaitingAsync();
        await machine.FireAsync("proposta", ProcedureRoles.Clerk, D(2025, 4, 1));
        await machine.FireAsync("rilascio", ProcedureRoles.Supervisor, D(2025, 4, 15));

        var due = ProcedureExpiry.Scan([Application("A-3", machine)], await CalendarAsync(), D(2026, 4, 16));

        Assert.That(due.Select(d => (d.TermId, d.Trigger, d.DueDate)), Is.EqualTo(new[] { ("pdc-inizio-lavori", "decadenza", D(2026, 4, 15)) }));
    }

    [Test]
    public async Task Scan_SciaControlTermElapsed_ConsolidationDue()
    {
        var machine = await WalkAsync("scia", D(2025, 3, 3), new ProcedureFacts(), [new("presentazione", ProcedureRoles.Portal, D(2025, 3, 3))]);

        var due = ProcedureExpiry.Scan([Application("S-1", machine)], await CalendarAsync(), D(2025, 4, 3));

        Assert.That(due.Single().Trigger, Is.EqualTo("consolidamento"));
        Assert.That(due.Single().DueDate, Is.EqualTo(D(2025, 4, 2)));
    }
}
