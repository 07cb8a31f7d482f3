using StrategicCities.Core.Procedures;
using static StrategicCities.Core.Tests.Procedures.ShippedProcedures;

namespace StrategicCities.Core.Tests.Procedures;

[TestFixture]
public sealed class ProcedureMachineTests
{
    private const string Pdc = "permesso-di-costruire";

    private static Task<ProcedureMachine> FiledPermitAsync(ProcedureFacts? facts = null, DateOnly? filed = null) =>
        WalkAsync(Pdc, filed ?? D(2025, 3, 3), facts ?? new ProcedureFacts(),
            [new("presentazione", ProcedureRoles.Portal, filed ?? D(2025, 3, 3)), new("nomina-responsabile", ProcedureRoles.Clerk, (filed ?? D(2025, 3, 3)).AddDays(3))],
            Cinisello);

    [Test]
    public async Task Fire_TriggerNotLeavingCurrentState_OutcomeListsPermittedTriggers()
    {
        var machine = await FiledPermitAsync();

        var outcome = await machine.FireAsync("rilascio", ProcedureRoles.Supervisor, D(2025, 3, 10));

        Assert.That(outcome.Status, Is.EqualTo(FireStatus.NotPermittedInState));
        Assert.That(outcome.State, Is.EqualTo("in-istruttoria"));
        Assert.That(outcome.Event, Is.Null);
        Assert.That(outcome.PermittedTriggers.Select(p => p.Trigger), Is.EqualTo(new[] { "raddoppio-termini", "richiesta-modifiche" }),
            "during the istruttoria a supervisor may only double the terms (art. 20 c. 7) or ask for modest modifications (c. 4)");
        Assert.That(machine.Events, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Fire_RoleNotAllowed_OutcomeListsWhatTheRoleMayFire()
    {
        var machine = await FiledPermitAsync();

        var outcome = await machine.FireAsync("proposta", ProcedureRoles.Portal, D(2025, 3, 10));
        var clerk = await machine.PermittedTriggersAsync(ProcedureRoles.Clerk, D(2025, 3, 10));

        Assert.That(outcome.Status, Is.EqualTo(FireStatus.NotPermittedForRole));
        Assert.That(outcome.PermittedTriggers, Is.Empty);
        Assert.That(clerk.Select(p => p.Trigger), Is.EqualTo(new[] { "proposta", "raddoppio-termini", "richiesta-integrazioni", "richiesta-modifiche" }));
        Assert.That(clerk.Single(p => p.Trigger == "proposta").LegalBasis.Single().ToString(), Is.EqualTo("dpr380 art. 20 c. 3"));
    }

    [Test]
    public async Task Fire_UnknownTrigger_OutcomeNotException()
    {
        var machine = await FiledPermitAsync();

        var outcome = await machine.FireAsync("condono", ProcedureRoles.Admin, D(2025, 3, 10));

        Assert.That(outcome.Status, Is.EqualTo(FireStatus.UnknownTrigger));
    }

    [Test]
    [Description("Art. 20 c. 5 D.P.R. 380/2001: integrations may be requested within thirty days of filing.")]
    public async Task Fire_IntegrationsRequestedAfterThirtyDays_GuardRefusedWithLegalBasis()
    {
        var machine = await FiledPermitAsync();

        var day30 = await machine.PermittedTriggersAsync(ProcedureRoles.Clerk, D(2025, 4, 2));
        var outcome = await machine.FireAsync("richiesta-integrazioni", ProcedureRoles.Clerk, D(2025, 4, 3));

        Assert.That(day30.Select(p => p.Trigger), Does.Contain("richiesta-integrazioni"));
        Assert.That(outcome.Status, Is.EqualTo(FireStatus.GuardRefused));
        Assert.That(outcome.Refusals.Single().Rule, Is.EqualTo("IntegrationsMayBeRequestedOnceWithinThirtyDaysOfFiling"));
        Assert.That(outcome.Refusals.Single().LegalBasis.Select(b => b.ToString()), Is.EqualTo(new[] { "dpr380 art. 20 c. 5", "dpr380 art. 20 c. 7" }));
        Assert.That(outcome.PermittedTriggers.Select(p => p.Trigger), Is.EqualTo(new[] { "proposta", "raddoppio-termini", "richiesta-modifiche" }));
    }

    [Test]
    public async Task Fire_SecondRequestForIntegrations_GuardRefused()
    {
        var machine = await FiledPermitAsync();
        await machine.FireAsync("richiesta-integrazioni", ProcedureRoles.Clerk, D(2025, 3, 10));
        await machine.FireAsync("integrazioni-ricevute", ProcedureRoles.Portal, D(2025, 3, 15));

        var outcome = await machine.FireAsync("richiesta-integrazioni", ProcedureRoles.Clerk, D(2025, 3, 20));

        Assert.That(outcome.Status, Is.EqualTo(FireStatus.GuardRefused));
    }

    [Test]
    [Description("Art. 20 c. 8 before L. 182/2025: no silent consent where constraints apply.")]
    public async Task Fire_SilentConsentWithConstraintsIn2025_GuardRefused()
    {
        var machine = await FiledPermitAsync(new ProcedureFacts { Constraints = true, ConstraintActsAcquired = true });

        var outcome = await machine.FireAsync("silenzio-assenso", ProcedureRoles.System, D(2025, 6, 4));

        Assert.That(outcome.Status, Is.EqualTo(FireStatus.GuardRefused));
        Assert.That(outcome.Refusals.Single().Rule, Is.EqualTo("SilenzioAssensoFormsOnlyWhereConstraintsAllow"));
    }

    [Test]
    [Description("Art. 20 c. 8 as amended by L. 182/2025 art. 40 (from 18 Dec 2025): silent consent forms if the constraint consents were already acquired.")]
    public async Task Fire_SilentConsentWithConstraintActsAcquiredFiled2026_Fired()
    {
        var withActs = await FiledPermitAsync(new ProcedureFacts { Constraints = true, ConstraintActsAcquired = true }, D(2026, 1, 12));
        var withoutActs = await FiledPermitAsync(new ProcedureFacts { Constraints = true }, D(2026, 1, 12));

        var fired = await withActs.FireAsync("silenzio-assenso", ProcedureRoles.System, D(2026, 4, 15));
        var refused = await withoutActs.FireAsync("silenzio-assenso", ProcedureRoles.System, D(2026, 4, 15));

        Assert.That(fired.Status, Is.EqualTo(FireStatus.Fired));
        Assert.That(fired.State, Is.EqualTo("assentito-per-silenzio"));
        Assert.That(refused.Status, Is.EqualTo(FireStatus.GuardRefused));
    }

    [Test]
    public async Task Fire_DateBeforeLastEvent_Refused()
    {
        var machine = await FiledPermitAsync();

        var outcome = await machine.FireAsync("proposta", ProcedureRoles.Clerk, D(2025, 3, 1));

        Assert.That(outcome.Status, Is.EqualTo(FireStatus.DateBeforeLastEvent));
    }

    [Test]
    public async Task Fire_SciaOrderAfterControlTerm_RefusedButSelfRedressPathOpen()
    {
        var machine = await WalkAsync("scia", D(2025, 3, 3), new ProcedureFacts(), [new("presentazione", ProcedureRoles.Portal, D(2025, 3, 3))]);

        // 3 Mar + 30 = 2 Apr 2025: on 3 Apr the control term has expired.
        var late = await machine.FireAsync("divieto-prosecuzione", ProcedureRoles.Clerk, D(2025, 4, 3));
        var system = await machine.PermittedTriggersAsync(ProcedureRoles.System, D(2025, 4, 3));

        Assert.That(late.Status, Is.EqualTo(FireStatus.GuardRefused));
        Assert.That(late.Refusals.Single().LegalBasis.Select(b => b.ToString()), Is.EqualTo(new[] { "l241 art. 19 c. 3", "l241 art. 19 c. 6-bis" }));
        Assert.That(system.Select(p => p.Trigger), Is.EqualTo(new[] { "consolidamento" }));
    }

    [Test]
    public async Task Fire_SciaAlternativaWorksBeforeThirtyDays_GuardRefused()
    {
        var machine = await WalkAsync("scia-alternativa", D(2025, 3, 3), new ProcedureFacts(), [new("presentazione", ProcedureRoles.Portal, D(2025, 3, 3))]);

        var early = await machine.FireAsync("inizio-lavori", ProcedureRoles.Portal, D(2025, 4, 1));
        var onTime = await machine.FireAsync("inizio-lavori", ProcedureRoles.Portal, D(2025, 4, 2));

        Assert.That(early.Status, Is.EqualTo(FireStatus.GuardRefused));
        Assert.That(early.Refusals.Single().Rule, Is.EqualTo("WorksMayStartThirtyDaysAfterFiling"));
        Assert.That(onTime.Status, Is.EqualTo(FireStatus.Fired));
    }

    [Test]
    public async Task Create_StateNotInDefinition_Throws()
    {
        var procedure = await ResolveAsync(Pdc, D(2025, 3, 3));
        var calendar = await CalendarAsync();

        Assert.That(() => ProcedureMachine.Create(procedure, "limbo", [], new ProcedureFacts(), calendar), Throws.ArgumentException);
    }

    [Test]
    public async Task Create_FromStoredStateAndEvents_ContinuesWhereItWas()
    {
        var first = await FiledPermitAsync();
        var stored = first.Events;

        var again = ProcedureMachine.Create(await ResolveAsync(Pdc, D(2025, 3, 3)), first.State, stored, new ProcedureFacts(), await CalendarAsync());
        var outcome = await again.FireAsync("proposta", ProcedureRoles.Clerk, D(2025, 4, 20));

        Assert.That(outcome.Status, Is.EqualTo(FireStatus.Fired));
        Assert.That(outcome.Event!.From, Is.EqualTo("in-istruttoria"));
        Assert.That(outcome.PermittedTriggers.Select(p => p.Trigger), Is.EqualTo(new[] { "preavviso-di-rigetto" }));
    }
}
