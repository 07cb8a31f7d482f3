using StrategicCities.Core.Procedures;
using StrategicCities.Core.Procedures.Clock;
using static StrategicCities.Core.Tests.Procedures.ShippedProcedures;

namespace StrategicCities.Core.Tests.Procedures;

/// <summary>Worked examples of the legal terms through the shipped definitions and the shipped calendar.</summary>
[TestFixture]
public sealed class ProcedureDeadlinesTests
{
    private const string Pdc = "permesso-di-costruire";

    private static ProcedureEvent E(string trigger, DateOnly date) => new(trigger, "", "", ProcedureRoles.Clerk, date, []);

    private static async Task<Dictionary<string, TermStatus>> TermsAsync(string id, DateOnly legalDate, DateOnly today, string municipality, params ProcedureEvent[] events)
    {
        var procedure = await ResolveAsync(id, legalDate, municipality);
        return ProcedureDeadlines.Compute(procedure.Definition, events, await CalendarAsync(), municipality, today).ToDictionary(s => s.TermId);
    }

    [Test]
    [Description("Filed Mon 3 Mar 2025 in Cinisello Balsamo (under 100,000 inhabitants): responsible by 13 Mar; proposal by 2 May (1 May is a holiday, 2 May is not); silent consent: 1 Jun is Sunday, 2 Jun Festa della Repubblica → 3 Jun.")]
    public async Task Compute_PermitFiled3March2025_DueDatesOfEveryTerm()
    {
        var terms = await TermsAsync(Pdc, D(2025, 3, 3), D(2025, 3, 4), Cinisello, E("presentazione", D(2025, 3, 3)));

        Assert.That(terms["pdc-nomina-responsabile"].DueDate, Is.EqualTo(D(2025, 3, 13)));
        Assert.That(terms["pdc-istruttoria"].DueDate, Is.EqualTo(D(2025, 5, 2)));
        Assert.That(terms["pdc-silenzio-assenso"].DueDate, Is.EqualTo(D(2025, 6, 3)));
        Assert.That(terms["pdc-silenzio-assenso"].OnExpiry, Is.EqualTo("silenzio-assenso"));
        Assert.That(terms["pdc-provvedimento"].State, Is.EqualTo(TermState.NotStarted));
        Assert.That(terms["pdc-inizio-lavori"].State, Is.EqualTo(TermState.NotStarted));
    }

    [Test]
    [Description("Filed 19 Feb 2025: 60 days end on Easter Sunday 20 Apr 2025; Easter Monday is a holiday → Tue 22 Apr.")]
    public async Task Compute_IstruttoriaEndingOnEaster_MovesPastEasterMonday()
    {
        var terms = await TermsAsync(Pdc, D(2025, 2, 19), D(2025, 2, 20), Cinisello, E("presentazione", D(2025, 2, 19)));

        Assert.That(terms["pdc-istruttoria"].DueDate, Is.EqualTo(D(2025, 4, 22)));
    }

    [Test]
    [Description("Filed Sun 1 Mar 2026 (PEC): 120 days (doubled in both cities, art. 20 c. 7) end Mon 29 Jun 2026, Santi Pietro e Paolo: a holiday in Roma (→ 30 Jun), a working day in Milano.")]
    public async Task Compute_IstruttoriaEndingOnRomePatronDay_MovesOnlyInRoma()
    {
        var roma = await TermsAsync(Pdc, D(2026, 3, 1), D(2026, 3, 2), Roma, E("presentazione", D(2026, 3, 1)));
        var milano = await TermsAsync(Pdc, D(2026, 3, 1), D(2026, 3, 2), Milano, E("presentazione", D(2026, 3, 1)));

        Assert.That(roma["pdc-istruttoria"].DueDate, Is.EqualTo(D(2026, 6, 30)));
        Assert.That(milano["pdc-istruttoria"].DueDate, Is.EqualTo(D(2026, 6, 29)));
    }

    [Test]
    [Description("Art. 20 c. 5: integrations requested 20 Mar, received 10 Apr 2025: the term runs again in full from 10 Apr (60 → 9 Jun; 90 → 9 Jul).")]
    public async Task Compute_IntegrationsReceived_TermsStartAgainInFullFromReceipt()
    {
        var terms = await TermsAsync(Pdc, D(2025, 3, 3), D(2025, 4, 11), Cinisello,
            E("presentazione", D(2025, 3, 3)), E("nomina-responsabile", D(2025, 3, 5)), E("richiesta-integrazioni", D(2025, 3, 20)), E("integrazioni-ricevute", D(2025, 4, 10)));

        Assert.That(terms["pdc-istruttoria"].RestartedOn, Is.EqualTo(D(2025, 4, 10)));
        Assert.That(terms["pdc-istruttoria"].DueDate, Is.EqualTo(D(2025, 6, 9)));
        Assert.That(terms["pdc-silenzio-assenso"].DueDate, Is.EqualTo(D(2025, 7, 9)));
        Assert.That(terms["pdc-nomina-responsabile"].State, Is.EqualTo(TermState.Met));
    }

    [Test]
    public async Task Compute_WaitingForIntegrations_TermsSuspendedWithoutDueDate()
    {
        var terms = await TermsAsync(Pdc, D(2025, 3, 3), D(2025, 4, 1), Cinisello,
            E("presentazione", D(2025, 3, 3)), E("richiesta-integrazioni", D(2025, 3, 20)));

        Assert.That(terms["pdc-istruttoria"].State, Is.EqualTo(TermState.Suspended));
        Assert.That(terms["pdc-istruttoria"].DueDate, Is.Null);
        Assert.That(terms["pdc-istruttoria"].TermDaysLeft, Is.EqualTo(60));
    }

    [Test]
    [Description("2020 wording of art. 10-bis: proposal 1 Oct 2025, preavviso 11 Oct (10 days run), observations 15 Oct → resumes 25 Oct: decision by 14 Nov; the overall term (40 run) by Sun 14 Dec → 15 Dec.")]
    public async Task Compute_PreavvisoAfter2020_SuspendsAndResumesTenDaysAfterObservations()
    {
        var terms = await TermsAsync(Pdc, D(2025, 9, 1), D(2025, 10, 26), Cinisello,
            E("presentazione", D(2025, 9, 1)), E("nomina-responsabile", D(2025, 9, 5)), E("proposta", D(2025, 10, 1)),
            E("preavviso-di-rigetto", D(2025, 10, 11)), E("osservazioni", D(2025, 10, 15)));

        Assert.That(terms["pdc-provvedimento"].State, Is.EqualTo(TermState.Running));
        Assert.That(terms["pdc-provvedimento"].DueDate, Is.EqualTo(D(2025, 11, 14)));
        Assert.That(terms["pdc-provvedimento"].Suspensions, Is.EqualTo(1));
        Assert.That(terms["pdc-silenzio-assenso"].DueDate, Is.EqualTo(D(2025, 12, 15)));
    }

    [Test]
    public async Task Compute_PreavvisoAwaitingObservationsAfter2020_SuspendedAndTellsWhenItResumes()
    {
        var terms = await TermsAsync(Pdc, D(2025, 9, 1), D(2025, 10, 18), Milano,
            E("presentazione", D(2025, 9, 1)), E("proposta", D(2025, 10, 1)), E("preavviso-di-rigetto", D(2025, 10, 11)), E("osservazioni", D(2025, 10, 15)));

        Assert.That(terms["pdc-provvedimento"].State, Is.EqualTo(TermState.Suspended));
        Assert.That(terms["pdc-provvedimento"].ResumesOn, Is.EqualTo(D(2025, 10, 25)));
        Assert.That(terms["pdc-provvedimento"].TermDaysLeft, Is.EqualTo(20));
    }

    [Test]
    [Description("2005–2020 wording (definition 2016-12-11): the preavviso interrupted the term, which ran again in full from the observations: 15 Feb 2019 + 30 = Sun 17 Mar → 18 Mar.")]
    public async Task Compute_PreavvisoBefore2020_InterruptsAndRestartsInFullFromObservations()
    {
        var procedure = await ResolveAsync(Pdc, D(2019, 1, 7));
        var terms = ProcedureDeadlines.Compute(procedure.Definition,
            [E("presentazione", D(2019, 1, 7)), E("proposta", D(2019, 2, 1)), E("preavviso-di-rigetto", D(2019, 2, 11)), E("osservazioni", D(2019, 2, 15))],
            await CalendarAsync(), Milano, D(2019, 2, 20)).ToDictionary(s => s.TermId);

        Assert.That(procedure.Definition.Header.Version, Is.EqualTo("2016-12-11"));
        Assert.That(terms["pdc-provvedimento"].Interruptions, Is.EqualTo(1));
        Assert.That(terms["pdc-provvedimento"].DueDate, Is.EqualTo(D(2019, 3, 18)));
        Assert.That(terms["pdc-silenzio-assenso"].State, Is.EqualTo(TermState.Met));
    }

    [Test]
    [Description("Filed 10 Feb 2020 (2016 definition), shipped calendar: 12 days run to 22 Feb; 23 Feb–15 May 2020 do not count (D.L. 18/2020, D.L. 23/2020); 78 more from 16 May end Sat 1 Aug 2020.")]
    public async Task Compute_FiledBeforeCovidSuspension_OverallTermSkipsTheSuspendedDays()
    {
        var terms = await TermsAsync(Pdc, D(2020, 2, 10), D(2020, 6, 1), Cinisello, E("presentazione", D(2020, 2, 10)));

        Assert.That(terms["pdc-silenzio-assenso"].DueDate, Is.EqualTo(D(2020, 8, 1)));
    }

    [Test]
    [Description("Art. 15 c. 2: the year to start works runs from the issue or from the silent consent; one year from 1 Mar 2023 ends 1 Mar 2024.")]
    public async Task Compute_StartOfWorksYear_FromIssueOrSilentConsent()
    {
        var issued = await TermsAsync(Pdc, D(2022, 11, 1), D(2023, 3, 2), Milano, E("presentazione", D(2022, 11, 1)), E("rilascio", D(2023, 3, 1)));
        var tacit = await TermsAsync(Pdc, D(2022, 11, 1), D(2023, 3, 2), Milano, E("presentazione", D(2022, 11, 1)), E("silenzio-assenso", D(2023, 2, 1)));

        Assert.That(issued["pdc-inizio-lavori"].DueDate, Is.EqualTo(D(2024, 3, 1)));
        Assert.That(issued["pdc-inizio-lavori"].OnExpiry, Is.EqualTo("decadenza"));
        Assert.That(tacit["pdc-inizio-lavori"].DueDate, Is.EqualTo(D(2024, 2, 1)));
    }

    [Test]
    public async Task Compute_SciaControlTermInterruptedByConformationRequest_RestartsFromMeasures()
    {
        var terms = await TermsAsync("scia", D(2025, 3, 3), D(2025, 4, 20), Milano,
            E("presentazione", D(2025, 3, 3)), E("richiesta-conformazione", D(2025, 3, 20)), E("misure-adottate", D(2025, 4, 15)));

        // 15 Apr + 30 = 15 May 2025.
        Assert.That(terms["scia-controllo"].DueDate, Is.EqualTo(D(2025, 5, 15)));
    }

    [Test]
    public async Task Compute_RandomPermitHistories_OverallTermNeverEarlierThanWithoutPauses()
    {
        var random = new Random(380_2001);
        var procedure = await ResolveAsync(Pdc, D(2021, 1, 1));
        var calendar = await CalendarAsync();
        var far = D(2035, 1, 1);
        for (var i = 0; i < 300; i++)
        {
            var filed = D(2020, 8, 1).AddDays(random.Next(0, 365 * 5));
            var requested = filed.AddDays(random.Next(1, 31));
            var received = requested.AddDays(random.Next(0, 60));
            var proposal = received.AddDays(random.Next(1, 50));
            var preavviso = proposal.AddDays(random.Next(0, 25));
            List<ProcedureEvent> events = [E("presentazione", filed), E("richiesta-integrazioni", requested), E("integrazioni-ricevute", received), E("proposta", proposal), E("preavviso-di-rigetto", preavviso)];
            if (random.Next(2) == 0)
            {
                events.Add(E("osservazioni", preavviso.AddDays(random.Next(0, 12))));
            }

            var plain = ProcedureDeadlines.Compute(procedure.Definition, [E("presentazione", filed)], calendar, Milano, far).Single(s => s.TermId == "pdc-silenzio-assenso");
            var paused = ProcedureDeadlines.Compute(procedure.Definition, events, calendar, Milano, far).Single(s => s.TermId == "pdc-silenzio-assenso");

            Assert.That(paused.DueDate, Is.GreaterThanOrEqualTo(plain.DueDate!.Value), () => $"case {i}: {string.Join(", ", events.Select(e => $"{e.Trigger}@{e.Date}"))}");
        }
    }
}
