using StrategicCities.Core.Procedures;
using static StrategicCities.Core.Tests.Procedures.ShippedProcedures;

namespace StrategicCities.Core.Tests.Procedures;

/// <summary>Every shipped procedure walked from its initial state to each of its end states.</summary>
[TestFixture]
public sealed class ProcedureWalkTests
{
    private const string Portal = ProcedureRoles.Portal;
    private const string Clerk = ProcedureRoles.Clerk;
    private const string Supervisor = ProcedureRoles.Supervisor;
    private const string System = ProcedureRoles.System;

    private static readonly ProcedureFacts NoConstraints = new();

    /// <summary>(procedure, legal date, steps, expected end state). The first step's date is the filing.</summary>
    private static IEnumerable<TestCaseData> Walks()
    {
        TestCaseData Walk(string name, string id, string end, params WalkStep[] steps) =>
            new TestCaseData(id, steps, end).SetName($"Walk_{name}_EndsIn_{end.Replace('-', '_')}");

        var pdcFiling = new WalkStep("presentazione", Portal, D(2025, 3, 3));
        var pdcInstruction = new[]
        {
            pdcFiling,
            new WalkStep("nomina-responsabile", Clerk, D(2025, 3, 10)),
            new WalkStep("richiesta-integrazioni", Clerk, D(2025, 3, 20)),
            new WalkStep("integrazioni-ricevute", Portal, D(2025, 4, 10)),
            new WalkStep("proposta", Clerk, D(2025, 5, 15)),
        };
        yield return Walk("PermitRefusedAfterPreavvisoAndObservations", "permesso-di-costruire", "negato",
            [.. pdcInstruction, new("preavviso-di-rigetto", Supervisor, D(2025, 5, 20)), new("osservazioni", Portal, D(2025, 5, 28)), new("diniego", Supervisor, D(2025, 6, 20))]);
        yield return Walk("PermitIssuedWorksDoneFitnessFiled", "permesso-di-costruire", "concluso",
            [.. pdcInstruction, new("rilascio", Supervisor, D(2025, 6, 5)), new("inizio-lavori", Portal, D(2025, 9, 1)),
             new("fine-lavori", Portal, D(2027, 3, 1)), new("segnalazione-agibilita", Portal, D(2027, 3, 10))]);
        yield return Walk("PermitBySilentConsentWorksDone", "permesso-di-costruire", "concluso",
            pdcFiling, new("nomina-responsabile", Clerk, D(2025, 3, 10)), new("silenzio-assenso", System, D(2025, 6, 4)),
            new("inizio-lavori", Portal, D(2025, 7, 1)), new("fine-lavori", Portal, D(2026, 7, 1)), new("segnalazione-agibilita", Portal, D(2026, 7, 2)));
        yield return Walk("PermitLapsedWithoutStartOfWorks", "permesso-di-costruire", "decaduto",
            [.. pdcInstruction, new("rilascio", Supervisor, D(2025, 6, 5)), new("decadenza", System, D(2026, 6, 6))]);
        yield return Walk("PermitRefusedUnder2016Wording", "permesso-di-costruire", "negato",
            new("presentazione", Portal, D(2019, 1, 7)), new("nomina-responsabile", Clerk, D(2019, 1, 10)), new("proposta", Clerk, D(2019, 2, 1)),
            new("preavviso-di-rigetto", Clerk, D(2019, 2, 11)), new("diniego", Supervisor, D(2019, 3, 1)));

        var sciaFiling = new WalkStep("presentazione", Portal, D(2025, 3, 3));
        yield return Walk("SciaForbiddenWithinThirtyDays", "scia", "attivita-vietata", sciaFiling, new("divieto-prosecuzione", Clerk, D(2025, 3, 25)));
        yield return Walk("SciaConformedThenConsolidatedWorksDone", "scia", "concluso",
            sciaFiling, new("richiesta-conformazione", Clerk, D(2025, 3, 20)), new("misure-adottate", Portal, D(2025, 4, 15)),
            new("consolidamento", System, D(2025, 5, 16)), new("fine-lavori", Portal, D(2025, 9, 1)), new("segnalazione-agibilita", Portal, D(2025, 9, 5)));
        yield return Walk("SciaAnnulledInSelfRedress", "scia", "attivita-vietata",
            sciaFiling, new("consolidamento", System, D(2025, 4, 3)), new("autotutela", Supervisor, D(2025, 6, 1)));

        var altFiling = new WalkStep("presentazione", Portal, D(2025, 3, 3));
        yield return Walk("SciaAlternativaOrderNotToProceed", "scia-alternativa", "intervento-vietato", altFiling, new("ordine-di-non-effettuare", Supervisor, D(2025, 3, 30)));
        yield return Walk("SciaAlternativaWorksAfterThirtyDays", "scia-alternativa", "concluso",
            altFiling, new("inizio-lavori", Portal, D(2025, 4, 2)), new("fine-lavori", Portal, D(2026, 1, 15)), new("segnalazione-agibilita", Portal, D(2026, 1, 20)));
        yield return Walk("SciaAlternativaLapsedAfterThreeYears", "scia-alternativa", "efficacia-cessata",
            altFiling, new("inizio-lavori", Portal, D(2025, 4, 2)), new("decadenza", System, D(2028, 3, 4)));

        var cilaFiling = new WalkStep("presentazione", Portal, D(2025, 3, 3));
        yield return Walk("CilaWorksDone", "cila", "concluso", cilaFiling, new("fine-lavori", Portal, D(2025, 5, 3)));
        yield return Walk("CilaSuspendedThenFinalMeasure", "cila", "lavori-inibiti",
            cilaFiling, new("ordine-sospensione", Clerk, D(2025, 3, 10)), new("provvedimento-definitivo", Supervisor, D(2025, 4, 10)));
        yield return Walk("CilaSuspensionWithdrawnWorksDone", "cila", "concluso",
            cilaFiling, new("ordine-sospensione", Clerk, D(2025, 3, 10)), new("revoca-sospensione", Supervisor, D(2025, 3, 20)), new("fine-lavori", Portal, D(2025, 6, 1)));

        yield return Walk("CilTemporaryWorksRemoved", "cil", "opere-rimosse",
            new("presentazione", Portal, D(2025, 6, 1)), new("rimozione", Portal, D(2025, 9, 15)));

        var agibFiling = new WalkStep("presentazione", Portal, D(2025, 3, 3));
        yield return Walk("AgibilitaConsolidated", "agibilita", "efficace", agibFiling, new("consolidamento", System, D(2025, 4, 3)));
        yield return Walk("AgibilitaUseForbidden", "agibilita", "inefficace",
            agibFiling, new("richiesta-conformazione", Clerk, D(2025, 3, 20)), new("divieto-utilizzo", Supervisor, D(2025, 4, 30)));

        var sanatoriaFiling = new WalkStep("presentazione", Portal, D(2025, 3, 3));
        var oblazione = new[] { sanatoriaFiling, new WalkStep("richiesta-oblazione", Clerk, D(2025, 4, 1)), new WalkStep("pagamento-oblazione", Portal, D(2025, 4, 10)) };
        yield return Walk("Art36PermitInSanatoriaIssued", "accertamento-conformita", "rilasciato", [.. oblazione, new("rilascio", Supervisor, D(2025, 4, 15))]);
        yield return Walk("Art36Refused", "accertamento-conformita", "respinto", sanatoriaFiling, new("diniego", Supervisor, D(2025, 4, 20)));
        yield return Walk("Art36RefusedBySilence", "accertamento-conformita", "respinto-per-silenzio", sanatoriaFiling, new("silenzio-rifiuto", System, D(2025, 5, 3)));
        yield return Walk("Art36bisPermitIssuedAfterLandscapeOpinion", "accertamento-conformita-parziale", "rilasciato",
            sanatoriaFiling, new("richiesta-parere-paesaggistico", Clerk, D(2025, 3, 13)), new("parere-paesaggistico", Clerk, D(2025, 6, 11)),
            new("richiesta-oblazione", Clerk, D(2025, 6, 20)), new("pagamento-oblazione", Portal, D(2025, 6, 25)), new("rilascio", Supervisor, D(2025, 6, 30)));
        yield return Walk("Art36bisBySilentConsent", "accertamento-conformita-parziale", "assentito-per-silenzio", sanatoriaFiling, new("silenzio-assenso", System, D(2025, 4, 18)));
        yield return Walk("Art36bisRefusedWithinTerm", "accertamento-conformita-parziale", "respinto", sanatoriaFiling, new("diniego", Supervisor, D(2025, 4, 17)));
        yield return Walk("SciaInSanatoriaConsolidated", "scia-sanatoria", "sanata",
            sanatoriaFiling, new("pagamento-oblazione", Portal, D(2025, 3, 3)), new("consolidamento", System, D(2025, 4, 3)));
        yield return Walk("SciaInSanatoriaRefused", "scia-sanatoria", "respinta", sanatoriaFiling, new("divieto", Clerk, D(2025, 3, 20)));
        yield return Walk("LateCilaFinePaid", "cila-tardiva", "regolarizzata",
            sanatoriaFiling, new("irrogazione-sanzione", Clerk, D(2025, 3, 20)), new("pagamento-sanzione", Portal, D(2025, 4, 1)));
    }

    [TestCaseSource(nameof(Walks))]
    public async Task Walk_FromInitialState_ReachesEndState(string procedure, WalkStep[] steps, string end)
    {
        var machine = await WalkAsync(procedure, steps[0].Date, NoConstraints, steps);

        Assert.That(machine.State, Is.EqualTo(end));
        Assert.That(machine.Definition.FindState(end)!.Final, Is.True);
        Assert.That(machine.Events.Select(e => e.Trigger), Is.EqualTo(steps.Select(s => s.Trigger)));
        Assert.That(machine.Events, Has.All.Matches<ProcedureEvent>(e => e.LegalBasis.Count > 0));
    }

    [Test]
    public async Task Walks_EveryShippedFinalState_IsReachedByAWalk()
    {
        var catalog = await CatalogAsync();
        var walked = Walks().Select(w => ((string)w.Arguments[0]!, (string)w.Arguments[2]!)).ToHashSet();

        var finals = catalog.Ids.SelectMany(id => catalog.Versions(id).SelectMany(v => v.States.Where(s => s.Final).Select(s => (id, s.Id)))).ToHashSet();

        Assert.That(finals.Except(walked), Is.Empty, "final states no walk reaches");
    }

    [Test]
    public async Task Walk_FiredEvent_CarriesRoleDateStatesAndLegalBasis()
    {
        var machine = await WalkAsync("permesso-di-costruire", D(2025, 3, 3), NoConstraints,
            [new("presentazione", Portal, D(2025, 3, 3)), new("nomina-responsabile", Supervisor, D(2025, 3, 5))]);

        var fired = machine.Events[^1];

        Assert.That(fired, Is.EqualTo(fired with { Trigger = "nomina-responsabile", From = "presentata", To = "in-istruttoria", Role = Supervisor, Date = D(2025, 3, 5) }));
        Assert.That(fired.LegalBasis.Select(b => b.ToString()), Is.EqualTo(new[] { "dpr380 art. 20 c. 2", "l241 art. 5" }));
    }
}
