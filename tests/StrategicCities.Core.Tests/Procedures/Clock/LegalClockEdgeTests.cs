using StrategicCities.Core.Legal;
using StrategicCities.Core.Procedures.Clock;
using static StrategicCities.Core.Tests.Procedures.Clock.TestCalendars;

namespace StrategicCities.Core.Tests.Procedures.Clock;

/// <summary>
/// The edges of the legal clock's rules: restart events outside an interruption, the automatic restart of
/// art. 10-bis L. 241/1990 as worded 2005–2020 on and after its day, doubling at and after its limits, the
/// days that did not count for a term met after a national suspension, and events that had no effect.
/// </summary>
[TestFixture]
public sealed class LegalClockEdgeTests
{
    private const string Filed = "domanda-presentata";
    private const string Decision = "provvedimento";
    private const string Preavviso = "preavviso-di-rigetto";
    private const string Observations = "osservazioni-presentate";
    private const string Requested = "richiesta-integrazioni";
    private const string Received = "integrazioni-ricevute";
    private const string Complex = "progetto-complesso";

    private static readonly ItalianCalendar Calendar = Italy();

    private static LegalTermDefinition Term(int days) => new()
    {
        Id = "termine",
        Name = Text("Termine", "Term"),
        StartEvent = Filed,
        Days = days,
        MetBy = [Decision],
        LegalBasis = [new LegalBasis("dpr380", "20", "3")],
    };

    /// <summary>Art. 10-bis L. 241/1990 as worded 2005–2020: the preavviso interrupts, the observations (or ten days) restart.</summary>
    private static LegalTermDefinition WithPreavviso() =>
        Term(60) with { InterruptOn = [Preavviso], RestartOn = [Observations], RestartAfterDays = 10 };

    private static LegalTermDefinition Doublable(int days = 60, int doubled = 120) =>
        Term(days) with { Doubling = new TermDoubling { Days = doubled, On = [Complex] } };

    private static TermStatus Status(LegalTermDefinition term, DateOnly today, params ClockEvent[] events) =>
        LegalClock.Compute([term], events, Calendar, Milano, today)[0];

    private static ClockEvent On(string name, int year, int month, int day) => new(name, new DateOnly(year, month, day));

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Test]
    [Description("Filed 10 Jan 2019, 60 days: due Mon 11 Mar 2019. Observations without a preavviso restart nothing.")]
    public void Compute_RestartEventWhileRunning_IgnoredAndDueDateKept()
    {
        var observations = On(Observations, 2019, 1, 20);

        var status = Status(WithPreavviso(), D(2019, 1, 25), On(Filed, 2019, 1, 10), observations);

        Assert.Multiple(() =>
        {
            Assert.That(status.State, Is.EqualTo(TermState.Running));
            Assert.That(status.RestartedOn, Is.Null);
            Assert.That(status.Interruptions, Is.Zero);
            Assert.That(status.DueDate, Is.EqualTo(D(2019, 3, 11)));
            Assert.That(status.IgnoredEvents, Is.EqualTo(new[] { observations }));
        });
    }

    [Test]
    [Description("Preavviso on 1 Feb 2019: the term restarts by itself on 11 Feb; on 10 Feb it still waits, showing that day.")]
    public void Compute_DayBeforeAutomaticRestart_StillWaitingWithRestartDay()
    {
        var status = Status(WithPreavviso(), D(2019, 2, 10), On(Filed, 2019, 1, 10), On(Preavviso, 2019, 2, 1));

        Assert.Multiple(() =>
        {
            Assert.That(status.State, Is.EqualTo(TermState.Suspended));
            Assert.That(status.ResumesOn, Is.EqualTo(D(2019, 2, 11)));
            Assert.That(status.TermDaysLeft, Is.EqualTo(60));
            Assert.That(status.SuspendedDays, Is.EqualTo(9));
            Assert.That(status.RestartedOn, Is.Null);
            Assert.That(status.Interruptions, Is.EqualTo(1));
        });
    }

    [Test]
    [Description("On 11 Feb 2019 itself the ten days are over: the term runs again in full, 60 days from 11 Feb = Sat 13 Apr 2019.")]
    public void Compute_OnAutomaticRestartDay_RunningAgainInFull()
    {
        var status = Status(WithPreavviso(), D(2019, 2, 11), On(Filed, 2019, 1, 10), On(Preavviso, 2019, 2, 1));

        Assert.Multiple(() =>
        {
            Assert.That(status.State, Is.EqualTo(TermState.Running));
            Assert.That(status.RestartedOn, Is.EqualTo(D(2019, 2, 11)));
            Assert.That(status.DueDate, Is.EqualTo(D(2019, 4, 12)));
            Assert.That(status.TermDaysLeft, Is.EqualTo(60));
            Assert.That(status.SuspendedDays, Is.Zero);
            Assert.That(status.ResumesOn, Is.Null);
            Assert.That(status.IgnoredEvents, Is.Empty);
        });
    }

    [Test]
    [Description("Observations filed on the tenth day still count: they restart the term on that day, and are not ignored.")]
    public void Compute_ObservationsOnAutomaticRestartDay_RestartTheTermAndAreNotIgnored()
    {
        var status = Status(WithPreavviso(), D(2019, 2, 20), On(Filed, 2019, 1, 10), On(Preavviso, 2019, 2, 1), On(Observations, 2019, 2, 11));

        Assert.Multiple(() =>
        {
            Assert.That(status.RestartedOn, Is.EqualTo(D(2019, 2, 11)));
            Assert.That(status.DueDate, Is.EqualTo(D(2019, 4, 12)));
            Assert.That(status.IgnoredEvents, Is.Empty);
        });
    }

    [Test]
    [Description("Observations after the tenth day come too late: the term had restarted on 11 Feb, the late observations change nothing.")]
    public void Compute_ObservationsAfterAutomaticRestartDay_IgnoredAndRestartKept()
    {
        var late = On(Observations, 2019, 2, 12);

        var status = Status(WithPreavviso(), D(2019, 2, 20), On(Filed, 2019, 1, 10), On(Preavviso, 2019, 2, 1), late);

        Assert.Multiple(() =>
        {
            Assert.That(status.RestartedOn, Is.EqualTo(D(2019, 2, 11)));
            Assert.That(status.DueDate, Is.EqualTo(D(2019, 4, 12)));
            Assert.That(status.IgnoredEvents, Is.EqualTo(new[] { late }));
        });
    }

    [Test]
    public void Compute_SecondPreavvisoWhileInterrupted_Ignored()
    {
        var second = On(Preavviso, 2019, 2, 5);

        var status = Status(WithPreavviso(), D(2019, 2, 8), On(Filed, 2019, 1, 10), On(Preavviso, 2019, 2, 1), second);

        Assert.Multiple(() =>
        {
            Assert.That(status.Interruptions, Is.EqualTo(1));
            Assert.That(status.ResumesOn, Is.EqualTo(D(2019, 2, 11)), "the ten days run from the first preavviso");
            Assert.That(status.IgnoredEvents, Is.EqualTo(new[] { second }));
        });
    }

    [Test]
    [Description("Art. 20 c. 5 D.P.R. 380/2001 allows one interruption: a second one after the restart is ignored.")]
    public void Compute_InterruptionBeyondTheLimit_IgnoredAndTermKeepsRunning()
    {
        var term = WithPreavviso() with { MaxInterruptions = 1 };
        var second = On(Preavviso, 2019, 3, 1);

        var status = Status(term, D(2019, 3, 5), On(Filed, 2019, 1, 10), On(Preavviso, 2019, 2, 1), On(Observations, 2019, 2, 8), second);

        Assert.Multiple(() =>
        {
            Assert.That(status.State, Is.EqualTo(TermState.Running));
            Assert.That(status.Interruptions, Is.EqualTo(1));
            Assert.That(status.RestartedOn, Is.EqualTo(D(2019, 2, 8)));
            Assert.That(status.IgnoredEvents, Is.EqualTo(new[] { second }));
        });
    }

    [Test]
    public void Compute_UndoubledTermRunningNormally_NoEventIgnored()
    {
        var status = Status(Doublable(), D(2025, 3, 25), On(Filed, 2025, 3, 3));

        Assert.Multiple(() =>
        {
            Assert.That(status.IgnoredEvents, Is.Empty);
            Assert.That(status.DueDate, Is.EqualTo(D(2025, 5, 2)), "3 Mar + 60 = Fri 2 May 2025");
            Assert.That(status.Doubling!.Doubled, Is.False);
            Assert.That(status.Doubling.Days, Is.EqualTo(60));
            Assert.That(status.Doubling.Event, Is.Null);
            Assert.That(status.Doubling.Reason.En, Does.Contain("not doubled").And.Contain("60 days"));
        });
    }

    [Test]
    [Description("Doubled on 20 Mar 2025 while running: 3 Mar + 120 = Tue 1 Jul 2025.")]
    public void Compute_DoublingEventWhileRunning_AddsTheExtraDaysAndNamesTheEvent()
    {
        var status = Status(Doublable(), D(2025, 3, 25), On(Filed, 2025, 3, 3), On(Complex, 2025, 3, 20));

        Assert.Multiple(() =>
        {
            Assert.That(status.DueDate, Is.EqualTo(D(2025, 7, 1)));
            Assert.That(status.TermDaysLeft, Is.EqualTo(98));
            Assert.That(status.Doubling!.Doubled, Is.True);
            Assert.That(status.Doubling.Days, Is.EqualTo(120));
            Assert.That(status.Doubling.Event, Is.EqualTo(Complex));
            Assert.That(status.Doubling.From, Is.EqualTo(D(2025, 3, 20)));
            Assert.That(status.Doubling.Reason.En, Does.Contain("120 days from 2025-03-20"));
            Assert.That(status.IgnoredEvents, Is.Empty);
        });
    }

    [Test]
    public void Compute_SecondDoublingEvent_IgnoredAsTheCausesDoNotCumulate()
    {
        var second = On(Complex, 2025, 3, 21);

        var status = Status(Doublable(), D(2025, 3, 25), On(Filed, 2025, 3, 3), On(Complex, 2025, 3, 20), second);

        Assert.Multiple(() =>
        {
            Assert.That(status.DueDate, Is.EqualTo(D(2025, 7, 1)));
            Assert.That(status.Doubling!.From, Is.EqualTo(D(2025, 3, 20)));
            Assert.That(status.IgnoredEvents, Is.EqualTo(new[] { second }));
        });
    }

    [Test]
    [Description("Decided before the filing: the term runs 120 days from its start.")]
    public void Compute_DoublingEventBeforeStart_TermRunsDoubledFromItsStart()
    {
        var status = Status(Doublable(), D(2025, 3, 4), On(Complex, 2025, 3, 1), On(Filed, 2025, 3, 3));

        Assert.Multiple(() =>
        {
            Assert.That(status.DueDate, Is.EqualTo(D(2025, 7, 1)));
            Assert.That(status.Doubling!.Doubled, Is.True);
            Assert.That(status.Doubling.From, Is.EqualTo(D(2025, 3, 1)));
            Assert.That(status.IgnoredEvents, Is.Empty);
        });
    }

    [Test]
    public void Compute_DoublingEventAfterTermWasMet_IgnoredAndNotDoubled()
    {
        var late = On(Complex, 2025, 4, 2);

        var status = Status(Doublable(), D(2025, 4, 5), On(Filed, 2025, 3, 3), On(Decision, 2025, 4, 1), late);

        Assert.Multiple(() =>
        {
            Assert.That(status.State, Is.EqualTo(TermState.Met));
            Assert.That(status.DueDate, Is.EqualTo(D(2025, 5, 2)));
            Assert.That(status.Doubling!.Doubled, Is.False);
            Assert.That(status.IgnoredEvents, Is.EqualTo(new[] { late }));
        });
    }

    [Test]
    [Description("Doubled while suspended for integrations: the extra 60 days are added to the days still to run.")]
    public void Compute_DoublingEventWhileSuspended_AddsTheExtraDaysToWhatIsLeft()
    {
        var term = Doublable() with { SuspendOn = [Requested], ResumeOn = [Received] };

        var status = Status(term, D(2025, 3, 25), On(Filed, 2025, 3, 3), On(Requested, 2025, 3, 13), On(Complex, 2025, 3, 20));

        Assert.Multiple(() =>
        {
            Assert.That(status.State, Is.EqualTo(TermState.Suspended));
            Assert.That(status.TermDaysLeft, Is.EqualTo(110));
            Assert.That(status.SuspendedDays, Is.EqualTo(12));
            Assert.That(status.IgnoredEvents, Is.Empty);
        });
    }

    [TestCase(60, Description = "doubled to as many days as it has")]
    [TestCase(59, Description = "\"doubled\" to fewer days")]
    public void Compute_DoublingToNoMoreDaysThanTheTerm_RefusedAsADefinitionError(int doubled)
    {
        var term = Doublable(60, doubled);

        Assert.That(() => Status(term, D(2025, 3, 4), On(Filed, 2025, 3, 3)),
            Throws.ArgumentException.With.Message.Contains("'termine'"));
    }

    [Test]
    public void Compute_DoublingToOneDayMore_Accepted()
    {
        var status = Status(Doublable(60, 61) with { Doubling = new TermDoubling { Days = 61, FromStart = true } }, D(2025, 3, 4), On(Filed, 2025, 3, 3));

        Assert.That(status.DueDate, Is.EqualTo(D(2025, 5, 3)));
    }

    [Test]
    public void Compute_DoubledTermInMonthsOrYears_RefusedAsADefinitionError()
    {
        var months = Doublable() with { Months = 2 };
        var years = Doublable() with { Years = 1 };

        Assert.Multiple(() =>
        {
            Assert.That(() => Status(months, D(2025, 3, 4), On(Filed, 2025, 3, 3)), Throws.ArgumentException);
            Assert.That(() => Status(years, D(2025, 3, 4), On(Filed, 2025, 3, 3)), Throws.ArgumentException);
        });
    }

    [Test]
    [Description("Filed 10 Feb 2020, met 20 Apr 2020: the 53 days of the 2020 suspension (23 Feb–15 Apr) did not count.")]
    public void Compute_MetAfterNationalSuspension_CountsThePeriodAsSuspendedDays()
    {
        var status = LegalClock.Compute([Term(30)], [On(Filed, 2020, 2, 10), On(Decision, 2020, 4, 20)], ItalyWithCovidSuspension(), Milano, D(2020, 4, 25))[0];

        Assert.Multiple(() =>
        {
            Assert.That(status.State, Is.EqualTo(TermState.Met));
            Assert.That(status.MetOn, Is.EqualTo(D(2020, 4, 20)));
            Assert.That(status.DueDate, Is.EqualTo(D(2020, 5, 4)));
            Assert.That(status.SuspendedDays, Is.EqualTo(53));
            Assert.That(status.DaysRemaining, Is.Null);
            Assert.That(status.IgnoredEvents, Is.Empty);
        });
    }

    [Test]
    [Description("Met inside the 2020 period (on 1 Mar): only the days of the period up to the decision (23 Feb–1 Mar) did not count.")]
    public void Compute_MetInsideNationalSuspension_CountsThePeriodUpToTheDecision()
    {
        var status = LegalClock.Compute([Term(30)], [On(Filed, 2020, 2, 10), On(Decision, 2020, 3, 1)], ItalyWithCovidSuspension(), Milano, D(2020, 4, 25))[0];

        Assert.That(status.SuspendedDays, Is.EqualTo(8));
    }

    [Test]
    [Description("Suspended for integrations on 20 Feb and met on 1 Mar while suspended: no due date, only the earlier suspensions count.")]
    public void Compute_MetWhileSuspendedByEvent_HasNoDueDate()
    {
        var term = Term(30) with { SuspendOn = [Requested], ResumeOn = [Received] };

        var status = Status(term, D(2025, 3, 10), On(Filed, 2025, 2, 10), On(Requested, 2025, 2, 20), On(Decision, 2025, 3, 1));

        Assert.Multiple(() =>
        {
            Assert.That(status.State, Is.EqualTo(TermState.Met));
            Assert.That(status.DueDate, Is.Null);
            Assert.That(status.MetOn, Is.EqualTo(D(2025, 3, 1)));
            Assert.That(status.Suspensions, Is.EqualTo(1));
            Assert.That(status.IgnoredEvents, Is.Empty);
        });
    }

    [Test]
    [Description("Suspended 20 Feb, resumed 1 Mar, met 10 Mar: the 9 days of the suspension did not count.")]
    public void Compute_MetAfterEventSuspension_KeepsTheSuspendedDays()
    {
        var term = Term(30) with { SuspendOn = [Requested], ResumeOn = [Received] };

        var status = Status(term, D(2025, 3, 20), On(Filed, 2025, 2, 10), On(Requested, 2025, 2, 20), On(Received, 2025, 3, 1), On(Decision, 2025, 3, 10));

        Assert.Multiple(() =>
        {
            Assert.That(status.State, Is.EqualTo(TermState.Met));
            Assert.That(status.DueDate, Is.EqualTo(D(2025, 3, 21)), "10 Feb + 30 + 9 = Fri 21 Mar 2025");
            Assert.That(status.SuspendedDays, Is.EqualTo(9));
            Assert.That(status.IgnoredEvents, Is.Empty);
        });
    }

    [Test]
    public void Compute_ResumeEventWhileRunning_Ignored()
    {
        var term = Term(30) with { SuspendOn = [Requested], ResumeOn = [Received] };
        var stray = On(Received, 2025, 2, 15);

        var status = Status(term, D(2025, 2, 20), On(Filed, 2025, 2, 10), stray);

        Assert.Multiple(() =>
        {
            Assert.That(status.DueDate, Is.EqualTo(D(2025, 3, 12)));
            Assert.That(status.IgnoredEvents, Is.EqualTo(new[] { stray }));
        });
    }

    [Test]
    [Description("Suspended on the due date itself (Wed 12 Mar 2025): no day is left, the term ends on the resuming day.")]
    public void Compute_SuspendedOnTheDueDate_EndsOnTheResumingDay()
    {
        var term = Term(30) with { SuspendOn = [Requested], ResumeOn = [Received] };

        var suspended = Status(term, D(2025, 3, 14), On(Filed, 2025, 2, 10), On(Requested, 2025, 3, 12));
        var resumed = Status(term, D(2025, 3, 20), On(Filed, 2025, 2, 10), On(Requested, 2025, 3, 12), On(Received, 2025, 3, 18));

        Assert.Multiple(() =>
        {
            Assert.That(suspended.State, Is.EqualTo(TermState.Suspended));
            Assert.That(suspended.TermDaysLeft, Is.Zero);
            Assert.That(suspended.SuspendedDays, Is.EqualTo(2));
            Assert.That(resumed.DueDate, Is.EqualTo(D(2025, 3, 18)));
            Assert.That(resumed.State, Is.EqualTo(TermState.Expired));
        });
    }

    [Test]
    [Description("Suspended the day after the due date: the term had already expired, the request changes nothing.")]
    public void Compute_SuspensionTheDayAfterTheDueDate_IgnoredAndExpired()
    {
        var term = Term(30) with { SuspendOn = [Requested], ResumeOn = [Received] };
        var late = On(Requested, 2025, 3, 13);

        var status = Status(term, D(2025, 3, 14), On(Filed, 2025, 2, 10), late);

        Assert.Multiple(() =>
        {
            Assert.That(status.State, Is.EqualTo(TermState.Expired));
            Assert.That(status.DaysRemaining, Is.EqualTo(-2));
            Assert.That(status.TermDaysLeft, Is.Null);
            Assert.That(status.IgnoredEvents, Is.EqualTo(new[] { late }));
        });
    }

    [Test]
    public void Compute_OnTheDueDate_StillRunningWithNoDayLeft()
    {
        var status = Status(Term(30), D(2025, 3, 12), On(Filed, 2025, 2, 10));

        Assert.Multiple(() =>
        {
            Assert.That(status.State, Is.EqualTo(TermState.Running));
            Assert.That(status.DaysRemaining, Is.Zero);
            Assert.That(status.TermDaysLeft, Is.Zero);
        });
    }

    [Test]
    public void Compute_DecisionOnTheDueDate_MeetsTheTerm()
    {
        var status = Status(Term(30), D(2025, 3, 20), On(Filed, 2025, 2, 10), On(Decision, 2025, 3, 12));

        Assert.Multiple(() =>
        {
            Assert.That(status.State, Is.EqualTo(TermState.Met));
            Assert.That(status.IgnoredEvents, Is.Empty);
        });
    }

    [Test]
    public void Compute_DecisionTheDayAfterTheDueDate_IgnoredAndExpired()
    {
        var late = On(Decision, 2025, 3, 13);

        var status = Status(Term(30), D(2025, 3, 20), On(Filed, 2025, 2, 10), late);

        Assert.Multiple(() =>
        {
            Assert.That(status.State, Is.EqualTo(TermState.Expired));
            Assert.That(status.MetOn, Is.Null);
            Assert.That(status.IgnoredEvents, Is.EqualTo(new[] { late }));
        });
    }

    [Test]
    public void Compute_EventAfterToday_NotYetTakenIntoAccount()
    {
        var status = Status(Term(30), D(2025, 3, 1), On(Filed, 2025, 2, 10), On(Decision, 2025, 3, 2));

        Assert.Multiple(() =>
        {
            Assert.That(status.State, Is.EqualTo(TermState.Running));
            Assert.That(status.IgnoredEvents, Is.Empty);
        });
    }

    [Test]
    public void Compute_SecondStartEvent_Ignored()
    {
        var again = On(Filed, 2025, 2, 20);

        var status = Status(Term(30), D(2025, 2, 25), On(Filed, 2025, 2, 10), again);

        Assert.Multiple(() =>
        {
            Assert.That(status.StartDate, Is.EqualTo(D(2025, 2, 10)));
            Assert.That(status.DueDate, Is.EqualTo(D(2025, 3, 12)));
            Assert.That(status.IgnoredEvents, Is.EqualTo(new[] { again }));
        });
    }
}
