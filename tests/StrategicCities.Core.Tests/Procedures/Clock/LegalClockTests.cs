using StrategicCities.Core.Legal;
using StrategicCities.Core.Procedures.Clock;
using static StrategicCities.Core.Tests.Procedures.Clock.TestCalendars;

namespace StrategicCities.Core.Tests.Procedures.Clock;

[TestFixture]
public sealed class LegalClockTests
{
    private const string Filed = "domanda-presentata";
    private const string Decision = "provvedimento";
    private const string IntegrationsRequested = "richiesta-integrazioni";
    private const string IntegrationsReceived = "integrazioni-ricevute";
    private const string Preavviso = "preavviso-di-rigetto";
    private const string Observations = "osservazioni-presentate";

    private static readonly ItalianCalendar Calendar = Italy();

    private static LegalTermDefinition Term(int days) => new()
    {
        Id = "termine",
        Name = Text("Termine", "Term"),
        StartEvent = Filed,
        Days = days,
        MetBy = [Decision],
        OnExpiry = "silenzio-assenso",
        LegalBasis = [new LegalBasis("dpr380", "20", "3")],
    };

    /// <summary>The 60-day istruttoria, suspended once for integrations as DOMAIN.md describes it.</summary>
    private static LegalTermDefinition IstruttoriaWithSuspension() => Term(60) with
    {
        Id = "pdc-istruttoria",
        SuspendOn = [IntegrationsRequested],
        ResumeOn = [IntegrationsReceived],
        MaxSuspensions = 1,
    };

    private static TermStatus Status(LegalTermDefinition term, DateOnly today, ItalianCalendar calendar, string municipality, params ClockEvent[] events) =>
        LegalClock.Compute([term], events, calendar, municipality, today)[0];

    private static TermStatus Status(LegalTermDefinition term, DateOnly today, params ClockEvent[] events) =>
        Status(term, today, Calendar, Milano, events);

    private static ClockEvent On(string name, int year, int month, int day) => new(name, new DateOnly(year, month, day));

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Test]
    [Description("2025-03-20 + 30 days = 2025-04-19, a Saturday: Saturdays are working days, so no move.")]
    public void Compute_ThirtyDaysFiled20March2025_DueOn19April()
    {
        var status = Status(Term(30), D(2025, 3, 25), On(Filed, 2025, 3, 20));

        Assert.That(status.State, Is.EqualTo(TermState.Running));
        Assert.That(status.StartDate, Is.EqualTo(D(2025, 3, 20)));
        Assert.That(status.DueDate, Is.EqualTo(D(2025, 4, 19)));
        Assert.That(status.DaysRemaining, Is.EqualTo(25));
        Assert.That(status.TermDaysLeft, Is.EqualTo(25));
        Assert.That(status.SuspendedDays, Is.Zero);
        Assert.That(status.OnExpiry, Is.EqualTo("silenzio-assenso"));
        Assert.That(status.LegalBasis, Is.EqualTo(new[] { new LegalBasis("dpr380", "20", "3") }));
    }

    [Test]
    public void Compute_LastDayEasterMonday2025_MovesToTuesday()
    {
        // 2025-03-22 + 30 = 2025-04-21, Easter Monday.
        var status = Status(Term(30), D(2025, 3, 22), On(Filed, 2025, 3, 22));

        Assert.That(status.DueDate, Is.EqualTo(D(2025, 4, 22)));
    }

    [Test]
    public void Compute_LastDayEasterSunday2025_SkipsSundayAndEasterMonday()
    {
        var status = Status(Term(1), D(2025, 4, 19), On(Filed, 2025, 4, 19));

        Assert.That(status.DueDate, Is.EqualTo(D(2025, 4, 22)));
    }

    [Test]
    public void Compute_LastDaySunday_MovesToMonday()
    {
        // 2025-02-07 + 30 = 2025-03-09, a Sunday.
        var status = Status(Term(30), D(2025, 2, 7), On(Filed, 2025, 2, 7));

        Assert.That(status.DueDate, Is.EqualTo(D(2025, 3, 10)));
    }

    [TestCase("2025-04-25", "2025-04-26", Description = "Friday 25 April → Saturday, a working day")]
    [TestCase("2026-04-25", "2026-04-27", Description = "Saturday 25 April → Sunday → Monday")]
    [TestCase("2025-05-01", "2025-05-02", Description = "Thursday 1 May → Friday")]
    [TestCase("2027-05-01", "2027-05-03", Description = "Saturday 1 May → Sunday → Monday")]
    [TestCase("2038-04-25", "2038-04-27", Description = "Easter Sunday on 25 April → Easter Monday → Tuesday")]
    [TestCase("2011-04-25", "2011-04-26", Description = "Easter Monday on 25 April")]
    public void Compute_LastDayOnLiberationOrLabourDay_MovesToNextWorkingDay(string lastDay, string expected)
    {
        var last = DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture);
        var filed = last.AddDays(-30);

        var status = Status(Term(30), filed, new ClockEvent(Filed, filed));

        Assert.That(status.DueDate, Is.EqualTo(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    [Description("Monday 7 Dec 2026 is Sant'Ambrogio in Milano, which chose to treat it as a holiday for terms, and Tuesday 8 Dec the Immacolata: due Wednesday 9 Dec.")]
    public void Compute_LastDaySantAmbrogioInMilano_MovesPastImmacolata()
    {
        var filed = D(2026, 11, 7);

        var status = Status(Term(30), filed, Calendar, Milano, new ClockEvent(Filed, filed));

        Assert.That(status.DueDate, Is.EqualTo(D(2026, 12, 9)));
    }

    [Test]
    public void Compute_LastDaySantAmbrogioInRoma_IsNotMoved()
    {
        var filed = D(2026, 11, 7);

        var status = Status(Term(30), filed, Calendar, Roma, new ClockEvent(Filed, filed));

        Assert.That(status.DueDate, Is.EqualTo(D(2026, 12, 7)));
    }

    [Test]
    public void Compute_LastDaySaintsPeterAndPaul_MovedInRomaOnly()
    {
        var filed = D(2026, 5, 30); // + 30 = Monday 29 June 2026

        Assert.That(Status(Term(30), filed, Calendar, Roma, new ClockEvent(Filed, filed)).DueDate, Is.EqualTo(D(2026, 6, 30)));
        Assert.That(Status(Term(30), filed, Calendar, Milano, new ClockEvent(Filed, filed)).DueDate, Is.EqualTo(D(2026, 6, 29)));
    }

    [Test]
    [Description("Filed 3 Mar 2025; integrations requested 20 Mar (17 days run), received 10 Apr: 21 days suspended; due 3 Mar + 60 + 21 = 23 May.")]
    public void Compute_IstruttoriaSuspendedForIntegrations_ResumesAndAddsSuspendedDays()
    {
        var events = new[]
        {
            On(Filed, 2025, 3, 3),
            On(IntegrationsRequested, 2025, 3, 20),
            On(IntegrationsReceived, 2025, 4, 10),
        };

        var whileSuspended = Status(IstruttoriaWithSuspension(), D(2025, 4, 1), events);
        var afterResume = Status(IstruttoriaWithSuspension(), D(2025, 4, 10), events);

        Assert.That(whileSuspended.State, Is.EqualTo(TermState.Suspended));
        Assert.That(whileSuspended.DueDate, Is.Null);
        Assert.That(whileSuspended.DaysRemaining, Is.Null);
        Assert.That(whileSuspended.TermDaysLeft, Is.EqualTo(43));
        Assert.That(whileSuspended.SuspendedDays, Is.EqualTo(12));

        Assert.That(afterResume.State, Is.EqualTo(TermState.Running));
        Assert.That(afterResume.DueDate, Is.EqualTo(D(2025, 5, 23)));
        Assert.That(afterResume.SuspendedDays, Is.EqualTo(21));
        Assert.That(afterResume.Suspensions, Is.EqualTo(1));
        Assert.That(afterResume.TermDaysLeft, Is.EqualTo(43));
    }

    [Test]
    [Description("Counting convention: the suspending day counts as run, the resuming day does not (it is the new excluded first day).")]
    public void Compute_SuspendedAndResumedSameDay_DueDateUnchanged()
    {
        var plain = Status(IstruttoriaWithSuspension(), D(2025, 3, 3), On(Filed, 2025, 3, 3));
        var sameDay = Status(
            IstruttoriaWithSuspension(),
            D(2025, 3, 20),
            On(Filed, 2025, 3, 3),
            On(IntegrationsRequested, 2025, 3, 20),
            On(IntegrationsReceived, 2025, 3, 20));

        Assert.That(sameDay.DueDate, Is.EqualTo(plain.DueDate));
        Assert.That(sameDay.SuspendedDays, Is.Zero);
    }

    [Test]
    [Description("MaxSuspensions = 1: a second request for integrations does not stop the clock; it and its answer are reported as ignored.")]
    public void Compute_SecondSuspensionWithMaxOne_IsIgnored()
    {
        var secondRequest = On(IntegrationsRequested, 2025, 4, 20);
        var secondReceipt = On(IntegrationsReceived, 2025, 5, 5);

        var status = Status(
            IstruttoriaWithSuspension(),
            D(2025, 5, 10),
            On(Filed, 2025, 3, 3),
            On(IntegrationsRequested, 2025, 3, 20),
            On(IntegrationsReceived, 2025, 4, 10),
            secondRequest,
            secondReceipt);

        Assert.That(status.State, Is.EqualTo(TermState.Running));
        Assert.That(status.DueDate, Is.EqualTo(D(2025, 5, 23)));
        Assert.That(status.Suspensions, Is.EqualTo(1));
        Assert.That(status.IgnoredEvents, Is.EqualTo(new[] { secondRequest, secondReceipt }));
    }

    [Test]
    public void Compute_SecondSuspensionWithoutLimit_IsApplied()
    {
        var status = Status(
            IstruttoriaWithSuspension() with { MaxSuspensions = null },
            D(2025, 5, 10),
            On(Filed, 2025, 3, 3),
            On(IntegrationsRequested, 2025, 3, 20),
            On(IntegrationsReceived, 2025, 4, 10),
            On(IntegrationsRequested, 2025, 4, 20),
            On(IntegrationsReceived, 2025, 5, 5));

        Assert.That(status.DueDate, Is.EqualTo(D(2025, 6, 7)));
        Assert.That(status.SuspendedDays, Is.EqualTo(21 + 15));
    }

    [Test]
    [Description("Art. 20 c. 5 D.P.R. 380/2001 wording: interrupted once for integrations, the term runs again in full from their receipt.")]
    public void Compute_InterruptedForIntegrations_RestartsInFullFromReceipt()
    {
        var term = Term(60) with
        {
            InterruptOn = [IntegrationsRequested],
            RestartOn = [IntegrationsReceived],
            MaxInterruptions = 1,
        };
        var secondRequest = On(IntegrationsRequested, 2025, 5, 2);

        var status = Status(
            term,
            D(2025, 5, 10),
            On(Filed, 2025, 3, 3),
            On(IntegrationsRequested, 2025, 3, 20),
            On(IntegrationsReceived, 2025, 4, 10),
            secondRequest);

        // 2025-04-10 + 60 = 2025-06-09, a Monday.
        Assert.That(status.State, Is.EqualTo(TermState.Running));
        Assert.That(status.StartDate, Is.EqualTo(D(2025, 3, 3)));
        Assert.That(status.RestartedOn, Is.EqualTo(D(2025, 4, 10)));
        Assert.That(status.DueDate, Is.EqualTo(D(2025, 6, 9)));
        Assert.That(status.Interruptions, Is.EqualTo(1));
        Assert.That(status.IgnoredEvents, Is.EqualTo(new[] { secondRequest }));
    }

    [Test]
    [Description("Preavviso di rigetto (art. 10-bis L. 241/1990, 2005–2020 wording): the term starts again in full from the observations.")]
    public void Compute_InterruptedByPreavvisoDiRigetto_RestartsFromObservations()
    {
        var term = Term(60) with { InterruptOn = [Preavviso], RestartOn = [Observations], RestartAfterDays = 10 };

        var waiting = Status(term, D(2019, 2, 5), On(Filed, 2019, 1, 10), On(Preavviso, 2019, 2, 1));
        var restarted = Status(term, D(2019, 2, 20), On(Filed, 2019, 1, 10), On(Preavviso, 2019, 2, 1), On(Observations, 2019, 2, 8));

        Assert.That(waiting.State, Is.EqualTo(TermState.Suspended));
        Assert.That(waiting.TermDaysLeft, Is.EqualTo(60));
        Assert.That(restarted.State, Is.EqualTo(TermState.Running));
        Assert.That(restarted.RestartedOn, Is.EqualTo(D(2019, 2, 8)));
        Assert.That(restarted.DueDate, Is.EqualTo(D(2019, 4, 9)));
    }

    [Test]
    public void Compute_PreavvisoWithoutObservations_RestartsWhenTheTenDaysEnd()
    {
        var term = Term(60) with { InterruptOn = [Preavviso], RestartOn = [Observations], RestartAfterDays = 10 };

        var status = Status(term, D(2019, 2, 20), On(Filed, 2019, 1, 10), On(Preavviso, 2019, 2, 1));

        Assert.That(status.RestartedOn, Is.EqualTo(D(2019, 2, 11)));
        Assert.That(status.DueDate, Is.EqualTo(D(2019, 4, 12)));
    }

    [Test]
    public void Compute_InterruptionWithoutRestartEvent_RestartsFromInterruption()
    {
        var term = Term(30) with { InterruptOn = [Preavviso] };

        var status = Status(term, D(2025, 3, 25), On(Filed, 2025, 3, 3), On(Preavviso, 2025, 3, 20));

        Assert.That(status.DueDate, Is.EqualTo(D(2025, 4, 19)));
    }

    [Test]
    [Description("Filed 10 Feb 2020: 12 days run to 22 Feb; nothing counts 23 Feb–15 Apr; 18 more days end on Sunday 3 May → Monday 4 May.")]
    public void Compute_FiledBeforeCovidSuspension_StopsDuringThePeriod()
    {
        var status = Status(Term(30), D(2020, 4, 20), ItalyWithCovidSuspension(), Milano, On(Filed, 2020, 2, 10));

        Assert.That(status.DueDate, Is.EqualTo(D(2020, 5, 4)));
        Assert.That(status.SuspendedDays, Is.EqualTo(53));
    }

    [Test]
    [Description("With the extension to 15 May (D.L. 23/2020 art. 37): 18 days from 16 May end on 2 June, Festa della Repubblica → 3 June.")]
    public void Compute_FiledBeforeExtendedCovidSuspension_RunsAfter15May()
    {
        var status = Status(Term(30), D(2020, 5, 20), ItalyWithCovidSuspensionExtended(), Milano, On(Filed, 2020, 2, 10));

        Assert.That(status.State, Is.EqualTo(TermState.Running));
        Assert.That(status.DueDate, Is.EqualTo(D(2020, 6, 3)));
        Assert.That(status.SuspendedDays, Is.EqualTo(83));
        Assert.That(status.TermDaysLeft, Is.EqualTo(13));
    }

    [Test]
    [Description("Filed 10 Mar 2020, inside the period: the term starts running after 15 May; 16 May + 29 = Sunday 14 June → 15 June.")]
    public void Compute_FiledDuringCovidSuspension_StartsAfterThePeriod()
    {
        var status = Status(Term(30), D(2020, 3, 10), ItalyWithCovidSuspensionExtended(), Milano, On(Filed, 2020, 3, 10));

        Assert.That(status.State, Is.EqualTo(TermState.Running));
        Assert.That(status.StartDate, Is.EqualTo(D(2020, 3, 10)));
        Assert.That(status.DueDate, Is.EqualTo(D(2020, 6, 15)));
        Assert.That(status.TermDaysLeft, Is.EqualTo(30));
    }

    [Test]
    public void Compute_EventSuspensionOverlappingCovidPeriod_DaysAreNotCountedTwice()
    {
        // Filed 10 Feb, suspended 20 Feb (10 days run), resumed 1 Mar inside the period: the
        // remaining 20 days run from 16 May: 16 May + 19 = Thursday 4 June.
        var status = Status(
            IstruttoriaWithSuspension() with { Days = 30 },
            D(2020, 5, 20),
            ItalyWithCovidSuspensionExtended(),
            Milano,
            On(Filed, 2020, 2, 10),
            On(IntegrationsRequested, 2020, 2, 20),
            On(IntegrationsReceived, 2020, 3, 1));

        Assert.That(status.DueDate, Is.EqualTo(D(2020, 6, 4)));
        Assert.That(status.SuspendedDays, Is.EqualTo(status.DueDate!.Value.DayNumber - D(2020, 2, 10).DayNumber - 30));
    }

    [Test]
    public void Compute_DecisionBeforeDueDate_IsMet()
    {
        var status = Status(Term(30), D(2025, 6, 1), On(Filed, 2025, 3, 20), On(Decision, 2025, 4, 10));

        Assert.That(status.State, Is.EqualTo(TermState.Met));
        Assert.That(status.MetOn, Is.EqualTo(D(2025, 4, 10)));
        Assert.That(status.DueDate, Is.EqualTo(D(2025, 4, 19)));
        Assert.That(status.DaysRemaining, Is.Null);
    }

    [Test]
    public void Compute_DecisionOnDueDate_IsMet()
    {
        var status = Status(Term(30), D(2025, 6, 1), On(Filed, 2025, 3, 22), On(Decision, 2025, 4, 22));

        Assert.That(status.State, Is.EqualTo(TermState.Met));
    }

    [Test]
    public void Compute_DecisionWhileSuspended_IsMet()
    {
        var status = Status(
            IstruttoriaWithSuspension(),
            D(2025, 6, 1),
            On(Filed, 2025, 3, 3),
            On(IntegrationsRequested, 2025, 3, 20),
            On(Decision, 2025, 3, 25));

        Assert.That(status.State, Is.EqualTo(TermState.Met));
        Assert.That(status.DueDate, Is.Null);
    }

    [Test]
    public void Compute_NoDecisionAfterDueDate_IsExpired()
    {
        var status = Status(Term(30), D(2025, 4, 25), On(Filed, 2025, 3, 20));

        Assert.That(status.State, Is.EqualTo(TermState.Expired));
        Assert.That(status.DueDate, Is.EqualTo(D(2025, 4, 19)));
        Assert.That(status.DaysRemaining, Is.EqualTo(-6));
    }

    [Test]
    public void Compute_DecisionAfterDueDate_StaysExpiredAndReportsTheLateEvent()
    {
        var late = On(Decision, 2025, 4, 23);

        var status = Status(Term(30), D(2025, 4, 25), On(Filed, 2025, 3, 20), late);

        Assert.That(status.State, Is.EqualTo(TermState.Expired));
        Assert.That(status.IgnoredEvents, Is.EqualTo(new[] { late }));
    }

    [Test]
    public void Compute_SuspensionAfterDueDate_DoesNotReviveTheTerm()
    {
        var status = Status(
            IstruttoriaWithSuspension() with { Days = 30 },
            D(2025, 5, 1),
            On(Filed, 2025, 3, 20),
            On(IntegrationsRequested, 2025, 4, 20));

        Assert.That(status.State, Is.EqualTo(TermState.Expired));
        Assert.That(status.Suspensions, Is.Zero);
    }

    [TestCase("2025-04-18", TermState.Running, 1)]
    [TestCase("2025-04-19", TermState.Running, 0)]
    [TestCase("2025-04-20", TermState.Expired, -1)]
    public void Compute_AroundTheDueDate_ReportsDaysRemaining(string today, TermState state, int daysRemaining)
    {
        var status = Status(Term(30), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), On(Filed, 2025, 3, 20));

        Assert.That(status.State, Is.EqualTo(state));
        Assert.That(status.DaysRemaining, Is.EqualTo(daysRemaining));
    }

    [Test]
    public void Compute_NoStartEvent_IsNotStarted()
    {
        var status = Status(Term(30), D(2025, 4, 1), On(Decision, 2025, 3, 20));

        Assert.That(status.State, Is.EqualTo(TermState.NotStarted));
        Assert.That(status.StartDate, Is.Null);
        Assert.That(status.DueDate, Is.Null);
    }

    [Test]
    public void Compute_EventsAfterToday_AreNotKnownYet()
    {
        var status = Status(Term(30), D(2025, 3, 25), On(Filed, 2025, 3, 20), On(Decision, 2025, 4, 1));

        Assert.That(status.State, Is.EqualTo(TermState.Running));
    }

    [Test]
    public void Compute_SeveralTerms_ReturnsOneStatusEachInOrder()
    {
        var responsible = Term(10) with { Id = "responsabile", MetBy = ["responsabile-nominato"], OnExpiry = null };
        var istruttoria = IstruttoriaWithSuspension();

        var statuses = LegalClock.Compute(
            [responsible, istruttoria],
            [On(Filed, 2025, 3, 3), On("responsabile-nominato", 2025, 3, 5)],
            Calendar,
            Milano,
            D(2025, 3, 10));

        Assert.That(statuses, Has.Count.EqualTo(2));
        Assert.That(statuses[0].TermId, Is.EqualTo("responsabile"));
        Assert.That(statuses[0].State, Is.EqualTo(TermState.Met));
        Assert.That(statuses[1].TermId, Is.EqualTo("pdc-istruttoria"));
        Assert.That(statuses[1].State, Is.EqualTo(TermState.Running));
    }

    [Test]
    public void Compute_TermOfZeroDays_Throws()
    {
        Assert.That(
            () => LegalClock.Compute([Term(0)], [], Calendar, Milano, D(2025, 1, 1)),
            Throws.ArgumentException);
    }
}
