using StrategicCities.Core.Procedures;
using StrategicCities.Core.Procedures.Clock;
using static StrategicCities.Core.Tests.Procedures.ShippedProcedures;

namespace StrategicCities.Core.Tests.Procedures;

/// <summary>
/// Art. 20 c. 7 D.P.R. 380/2001: "I termini di cui ai commi 3 e 5 sono raddoppiati per i comuni con
/// più di 100.000 abitanti, nonché per i progetti particolarmente complessi secondo la motivata
/// risoluzione del responsabile del procedimento", through the shipped definitions and calendar.
/// </summary>
[TestFixture]
public sealed class DoubledTermsTests
{
    private const string Pdc = "permesso-di-costruire";
    private const string Napoli = "063049";
    private const string Cagliari = "092009";

    /// <summary>Misiliscemi (TP), created in 2021: no 2011 population in the registry.</summary>
    private const string Misiliscemi = "081025";

    private static ProcedureEvent E(string trigger, DateOnly date) => new(trigger, "", "", ProcedureRoles.Clerk, date, []);

    private static async Task<Dictionary<string, TermStatus>> TermsAsync(string municipality, DateOnly today, params ProcedureEvent[] events)
    {
        var procedure = await ResolveAsync(Pdc, events[0].Date, municipality);
        return ProcedureDeadlines.Compute(procedure.Definition, events, await CalendarAsync(), municipality, today).ToDictionary(s => s.TermId);
    }

    private static Task<ProcedureMachine> FiledAsync(string municipality) =>
        WalkAsync(Pdc, D(2025, 3, 3), new ProcedureFacts(),
            [new("presentazione", ProcedureRoles.Portal, D(2025, 3, 3)), new("nomina-responsabile", ProcedureRoles.Clerk, D(2025, 3, 5))],
            municipality);

    [TestCase(Milano)]
    [TestCase(Roma)]
    [TestCase(Napoli)]
    [TestCase(Cagliari)]
    [Description("Filed Mon 3 Mar 2025 in a city of more than 100,000: istruttoria 120 days → Tue 1 Jul 2025; overall term 120 + 30 → Thu 31 Jul 2025.")]
    public async Task Compute_PermitFiledInCityAbove100000_IstruttoriaDue120DaysLater(string municipality)
    {
        var terms = await TermsAsync(municipality, D(2025, 3, 4), E("presentazione", D(2025, 3, 3)));

        Assert.That(terms["pdc-istruttoria"].DueDate, Is.EqualTo(D(2025, 7, 1)));
        Assert.That(terms["pdc-silenzio-assenso"].DueDate, Is.EqualTo(D(2025, 7, 31)));
        Assert.That(terms["pdc-richiesta-integrazioni"].DueDate, Is.EqualTo(D(2025, 5, 2)));
        Assert.That(terms["pdc-istruttoria"].Doubling, Has.Property(nameof(TermDoublingStatus.Doubled)).True
            .And.Property(nameof(TermDoublingStatus.Days)).EqualTo(120));
        Assert.That(terms["pdc-istruttoria"].Doubling!.LegalBasis.Select(b => b.ToString()), Is.EqualTo(new[] { "dpr380 art. 20 c. 7" }));
        Assert.That(terms["pdc-nomina-responsabile"].Doubling, Is.Null, "art. 20 c. 2 (ten days) is not doubled");
    }

    [Test]
    [Description("Same filing, Milano (1,242,123 inhabitants, 2011) against Cinisello Balsamo (71,128): 120 days to 1 Jul 2025 against 60 days to 2 May 2025 (1 May is a holiday, not the last day).")]
    public async Task Compute_SameFilingInMilanoAndInSmallTown_120DaysAgainst60()
    {
        var milano = await TermsAsync(Milano, D(2025, 3, 4), E("presentazione", D(2025, 3, 3)));
        var town = await TermsAsync(Cinisello, D(2025, 3, 4), E("presentazione", D(2025, 3, 3)));

        Assert.That(milano["pdc-istruttoria"].DueDate, Is.EqualTo(D(2025, 7, 1)));
        Assert.That(town["pdc-istruttoria"].DueDate, Is.EqualTo(D(2025, 5, 2)));
        Assert.That(milano["pdc-istruttoria"].Doubling!.Reason.En, Does.Contain("1242123 inhabitants, more than 100000"));
        Assert.That(town["pdc-istruttoria"].Doubling, Has.Property(nameof(TermDoublingStatus.Doubled)).False
            .And.Property(nameof(TermDoublingStatus.Days)).EqualTo(60));
        Assert.That(town["pdc-istruttoria"].Doubling!.Reason.En, Does.Contain("71128 inhabitants, not more than 100000"));
        Assert.That(town["pdc-provvedimento"].Doubling, Is.Null, "the 30 days of art. 20 c. 6 are never doubled");
    }

    [Test]
    [Description("Filed 19 Feb 2025 in Milano: 60 days would end on Easter Sunday; 120 days end Thu 19 Jun 2025, a working day.")]
    public async Task Compute_IstruttoriaDoubledInMilano_CountsCalendarDaysFromTheDayAfterFiling()
    {
        var terms = await TermsAsync(Milano, D(2025, 2, 20), E("presentazione", D(2025, 2, 19)));

        Assert.That(terms["pdc-istruttoria"].DueDate, Is.EqualTo(D(2025, 6, 19)));
    }

    [Test]
    [Description("Unknown population (Misiliscemi, created 2021): not doubled, and the status says why instead of guessing.")]
    public async Task Compute_PopulationUnknown_NotDoubledAndStatusSaysSo()
    {
        var terms = await TermsAsync(Misiliscemi, D(2025, 3, 4), E("presentazione", D(2025, 3, 3)));

        Assert.That(terms["pdc-istruttoria"].DueDate, Is.EqualTo(D(2025, 5, 2)));
        Assert.That(terms["pdc-istruttoria"].Doubling!.Doubled, Is.False);
        Assert.That(terms["pdc-istruttoria"].Doubling!.Reason.En, Does.Contain("population of the municipality Misiliscemi is unknown"));
        Assert.That(terms["pdc-istruttoria"].Doubling!.Reason.It, Does.Contain("non è nota"));
    }

    [Test]
    [Description("Integrations requested 10 Mar, received 10 Apr 2025 in Milano: the doubled terms run again in full from receipt (120 → Tue 8 Aug 2025; 150 → Sun 7 Sep → Mon 8 Sep).")]
    public async Task Compute_IntegrationsReceivedInMilano_DoubledTermsStartAgainInFull()
    {
        var terms = await TermsAsync(Milano, D(2025, 4, 11),
            E("presentazione", D(2025, 3, 3)), E("richiesta-integrazioni", D(2025, 3, 10)), E("integrazioni-ricevute", D(2025, 4, 10)));

        Assert.That(terms["pdc-istruttoria"].DueDate, Is.EqualTo(D(2025, 8, 8)));
        Assert.That(terms["pdc-silenzio-assenso"].DueDate, Is.EqualTo(D(2025, 9, 8)));
    }

    [Test]
    [Description("Art. 20 c. 5 doubled by c. 7: in Milano integrations may still be requested on day 60 (2 May 2025), not on day 61.")]
    public async Task Fire_IntegrationsRequestedInMilanoWithinSixtyDays_Fired()
    {
        var day43 = await FiledAsync(Milano);
        var day60 = await FiledAsync(Milano);
        var day61 = await FiledAsync(Milano);

        var fired43 = await day43.FireAsync("richiesta-integrazioni", ProcedureRoles.Clerk, D(2025, 4, 15));
        var fired60 = await day60.FireAsync("richiesta-integrazioni", ProcedureRoles.Clerk, D(2025, 5, 2));
        var refused61 = await day61.FireAsync("richiesta-integrazioni", ProcedureRoles.Clerk, D(2025, 5, 3));

        Assert.That(fired43.Status, Is.EqualTo(FireStatus.Fired));
        Assert.That(fired60.Status, Is.EqualTo(FireStatus.Fired));
        Assert.That(refused61.Status, Is.EqualTo(FireStatus.GuardRefused));
        Assert.That(refused61.Refusals.Single().Rule, Is.EqualTo("IntegrationsMayBeRequestedOnceWithinThirtyDaysOfFiling"));
    }

    [Test]
    [Description("Cinisello Balsamo: the window closes on day 30 (2 Apr 2025); Misiliscemi (population unknown): likewise, never doubled by a guess.")]
    public async Task Fire_IntegrationsRequestedOnDay31InTownOrUnknownPopulation_GuardRefused()
    {
        var town = await FiledAsync(Cinisello);
        var unknown = await FiledAsync(Misiliscemi);

        var refusedTown = await town.FireAsync("richiesta-integrazioni", ProcedureRoles.Clerk, D(2025, 4, 3));
        var refusedUnknown = await unknown.FireAsync("richiesta-integrazioni", ProcedureRoles.Clerk, D(2025, 4, 3));

        Assert.That(refusedTown.Status, Is.EqualTo(FireStatus.GuardRefused));
        Assert.That(refusedUnknown.Status, Is.EqualTo(FireStatus.GuardRefused));
    }

    [Test]
    [Description("Particularly complex project in Cinisello Balsamo: the officer's reasoned decision of 20 Mar 2025 doubles the terms of c. 3 and c. 5 (istruttoria → 1 Jul, window → 2 May, overall → 31 Jul).")]
    public async Task Fire_OfficerDoublesTermsForComplexProject_TermsOfParagraphs3And5Doubled()
    {
        var machine = await FiledAsync(Cinisello);

        var doubled = await machine.FireAsync("raddoppio-termini", ProcedureRoles.Clerk, D(2025, 3, 20));
        var request = await machine.FireAsync("richiesta-integrazioni", ProcedureRoles.Clerk, D(2025, 4, 15));
        var terms = ProcedureDeadlines.Compute(machine.Definition, machine.Events.Take(3).ToList(), await CalendarAsync(), Cinisello, D(2025, 3, 21))
            .ToDictionary(s => s.TermId);

        Assert.That(doubled.Status, Is.EqualTo(FireStatus.Fired));
        Assert.That(doubled.State, Is.EqualTo("in-istruttoria"), "the decision does not change the state");
        Assert.That(doubled.Event!.LegalBasis.Single().ToString(), Is.EqualTo("dpr380 art. 20 c. 7"));
        Assert.That(request.Status, Is.EqualTo(FireStatus.Fired), "day 43: the window of c. 5 is doubled too");
        Assert.That(terms["pdc-istruttoria"].DueDate, Is.EqualTo(D(2025, 7, 1)));
        Assert.That(terms["pdc-richiesta-integrazioni"].DueDate, Is.EqualTo(D(2025, 5, 2)));
        Assert.That(terms["pdc-silenzio-assenso"].DueDate, Is.EqualTo(D(2025, 7, 31)));
        Assert.That(terms["pdc-provvedimento"].State, Is.EqualTo(TermState.NotStarted));
        Assert.That(terms["pdc-istruttoria"].Doubling, Has.Property(nameof(TermDoublingStatus.Event)).EqualTo("raddoppio-termini")
            .And.Property(nameof(TermDoublingStatus.From)).EqualTo(D(2025, 3, 20)));
    }

    [Test]
    public async Task Fire_OfficerDoublesTermsTwice_GuardRefused()
    {
        var machine = await FiledAsync(Cinisello);
        await machine.FireAsync("raddoppio-termini", ProcedureRoles.Clerk, D(2025, 3, 20));

        var again = await machine.FireAsync("raddoppio-termini", ProcedureRoles.Supervisor, D(2025, 3, 25));

        Assert.That(again.Status, Is.EqualTo(FireStatus.GuardRefused));
        Assert.That(again.Refusals.Single().Rule, Is.EqualTo("TermsMayBeDoubledOnceWhileTheIstruttoriaRuns"));
    }

    [Test]
    [Description("The decision must come while the istruttoria runs: after its 60 days (2 May 2025) the terms can no longer be doubled.")]
    public async Task Fire_OfficerDoublesTermsAfterIstruttoriaExpired_GuardRefused()
    {
        var machine = await FiledAsync(Cinisello);

        var late = await machine.FireAsync("raddoppio-termini", ProcedureRoles.Clerk, D(2025, 5, 5));

        Assert.That(late.Status, Is.EqualTo(FireStatus.GuardRefused));
    }

    [Test]
    [Description("Doubled while waiting for integrations (interrupted): the istruttoria restarts from receipt (10 Apr 2025) for 120 days → Fri 8 Aug 2025.")]
    public async Task Compute_DoubledWhileInterruptedForIntegrations_RestartsDoubled()
    {
        var terms = await TermsAsync(Cinisello, D(2025, 4, 11),
            E("presentazione", D(2025, 3, 3)), E("richiesta-integrazioni", D(2025, 3, 10)), E("raddoppio-termini", D(2025, 3, 12)),
            E("integrazioni-ricevute", D(2025, 4, 10)));

        Assert.That(terms["pdc-istruttoria"].DueDate, Is.EqualTo(D(2025, 8, 8)));
        Assert.That(terms["pdc-silenzio-assenso"].DueDate, Is.EqualTo(D(2025, 9, 8)));
    }

    [Test]
    [Description("In Milano the terms are doubled already: the officer's decision adds nothing (the causes do not cumulate) and is kept as an ignored event.")]
    public async Task Compute_OfficerDecisionInMilano_NoFurtherDoubling()
    {
        var terms = await TermsAsync(Milano, D(2025, 3, 21), E("presentazione", D(2025, 3, 3)), E("raddoppio-termini", D(2025, 3, 20)));

        Assert.That(terms["pdc-istruttoria"].DueDate, Is.EqualTo(D(2025, 7, 1)));
        Assert.That(terms["pdc-istruttoria"].IgnoredEvents.Select(e => e.Name), Is.EqualTo(new[] { "raddoppio-termini" }));
        Assert.That(terms["pdc-istruttoria"].Doubling!.Event, Is.Null, "doubled by the population, from the start");
    }
}
