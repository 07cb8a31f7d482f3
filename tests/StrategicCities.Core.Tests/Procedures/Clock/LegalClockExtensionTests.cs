using StrategicCities.Core.Legal;
using StrategicCities.Core.Procedures.Clock;
using static StrategicCities.Core.Tests.Procedures.Clock.TestCalendars;

namespace StrategicCities.Core.Tests.Procedures.Clock;

/// <summary>
/// The clock features added for the procedure definitions: the 2020 preavviso di rigetto
/// (suspension with delayed or automatic resume), terms in years and alternative start events.
/// </summary>
[TestFixture]
public sealed class LegalClockExtensionTests
{
    private const string Filed = "presentazione";
    private const string Decision = "rilascio";
    private const string Preavviso = "preavviso-di-rigetto";
    private const string Observations = "osservazioni";

    private static readonly ItalianCalendar Calendar = Italy();

    /// <summary>Art. 10-bis L. 241/1990 as amended by D.L. 76/2020 art. 12 c. 1 lett. e).</summary>
    private static LegalTermDefinition Decision30() => new()
    {
        Id = "pdc-provvedimento",
        Name = Text("Provvedimento", "Decision"),
        StartEvent = Filed,
        Days = 30,
        SuspendOn = [Preavviso],
        ResumeOn = [Observations],
        ResumeDelayDays = 10,
        ResumeAfterDays = 10,
        MetBy = [Decision],
        OnExpiry = "silenzio-assenso",
        LegalBasis = [new LegalBasis("l241", "10-bis")],
    };

    private static TermStatus Status(LegalTermDefinition term, DateOnly today, params ClockEvent[] events) =>
        LegalClock.Compute([term], events, Calendar, Milano, today)[0];

    private static ClockEvent On(string name, int year, int month, int day) => new(name, new DateOnly(year, month, day));

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Test]
    [Description("Filed 1 Sep 2025; preavviso 11 Sep (10 days run); observations 15 Sep → resumes 25 Sep; 20 days left end 15 Oct.")]
    public void Compute_PreavvisoThenObservations_ResumesTenDaysAfterObservationsKeepingDaysRun()
    {
        var waiting = Status(Decision30(), D(2025, 9, 20), On(Filed, 2025, 9, 1), On(Preavviso, 2025, 9, 11), On(Observations, 2025, 9, 15));
        var resumed = Status(Decision30(), D(2025, 9, 26), On(Filed, 2025, 9, 1), On(Preavviso, 2025, 9, 11), On(Observations, 2025, 9, 15));

        Assert.That(waiting.State, Is.EqualTo(TermState.Suspended));
        Assert.That(waiting.ResumesOn, Is.EqualTo(D(2025, 9, 25)));
        Assert.That(waiting.TermDaysLeft, Is.EqualTo(20));
        Assert.That(resumed.State, Is.EqualTo(TermState.Running));
        Assert.That(resumed.DueDate, Is.EqualTo(D(2025, 10, 15)));
        Assert.That(resumed.SuspendedDays, Is.EqualTo(14));
        Assert.That(resumed.Interruptions, Is.Zero);
    }

    [Test]
    [Description("No observations: the term resumes when the 10-day window ends (21 Sep), 20 days left → 11 Oct 2025 (Saturday).")]
    public void Compute_PreavvisoWithoutObservations_ResumesWhenWindowEnds()
    {
        var status = Status(Decision30(), D(2025, 9, 30), On(Filed, 2025, 9, 1), On(Preavviso, 2025, 9, 11));

        Assert.That(status.State, Is.EqualTo(TermState.Running));
        Assert.That(status.DueDate, Is.EqualTo(D(2025, 10, 11)));
        Assert.That(status.SuspendedDays, Is.EqualTo(10));
    }

    [Test]
    public void Compute_ObservationsOnLastDayOfWindow_StillDelayTheResume()
    {
        var status = Status(Decision30(), D(2025, 10, 1), On(Filed, 2025, 9, 1), On(Preavviso, 2025, 9, 11), On(Observations, 2025, 9, 21));

        // Resumes 1 Oct; 20 days → 21 Oct 2025.
        Assert.That(status.DueDate, Is.EqualTo(D(2025, 10, 21)));
    }

    [Test]
    public void Compute_ObservationsAfterWindow_IgnoredBecauseTermAlreadyResumed()
    {
        var late = On(Observations, 2025, 9, 24);

        var status = Status(Decision30(), D(2025, 10, 1), On(Filed, 2025, 9, 1), On(Preavviso, 2025, 9, 11), late);

        Assert.That(status.DueDate, Is.EqualTo(D(2025, 10, 11)));
        Assert.That(status.IgnoredEvents, Is.EqualTo(new[] { late }));
    }

    [Test]
    public void Compute_DecisionDuringDelayedResume_MeetsTheTerm()
    {
        var status = Status(Decision30(), D(2025, 10, 1), On(Filed, 2025, 9, 1), On(Preavviso, 2025, 9, 11), On(Observations, 2025, 9, 15), On(Decision, 2025, 9, 20));

        Assert.That(status.State, Is.EqualTo(TermState.Met));
        Assert.That(status.MetOn, Is.EqualTo(D(2025, 9, 20)));
    }

    [Test]
    [Description("Art. 15 c. 2 D.P.R. 380/2001: one year from issue on 1 Mar 2023 ends 1 Mar 2024 (not 29 Feb, as 365 days would say).")]
    public void Compute_OneYearTermAcrossLeapDay_EndsOnSameDayOfMonth()
    {
        var year = new LegalTermDefinition
        {
            Id = "inizio-lavori",
            Name = Text("Inizio lavori", "Start of works"),
            StartEvent = Decision,
            AlternativeStartEvents = ["silenzio-assenso"],
            Days = 0,
            Years = 1,
            MetBy = ["inizio-lavori"],
            OnExpiry = "decadenza",
        };

        var issued = Status(year, D(2023, 3, 2), On(Decision, 2023, 3, 1));
        var tacit = Status(year, D(2025, 6, 1), On("silenzio-assenso", 2025, 5, 30));

        Assert.That(issued.DueDate, Is.EqualTo(D(2024, 3, 1)));
        Assert.That(issued.TermDaysLeft, Is.EqualTo(365));
        Assert.That(tacit.StartDate, Is.EqualTo(D(2025, 5, 30)));
        // 30 May 2026 is a Saturday: a working day.
        Assert.That(tacit.DueDate, Is.EqualTo(D(2026, 5, 30)));
    }

    [Test]
    [Description("Three years from 7 Dec 2022 end on 7 Dec 2025, a Sunday and Sant'Ambrogio in Milano; 8 Dec is a holiday → 9 Dec.")]
    public void Compute_ThreeYearTermEndingOnHolidays_MovesToNextWorkingDay()
    {
        var years = new LegalTermDefinition
        {
            Id = "fine-lavori",
            Name = Text("Fine lavori", "End of works"),
            StartEvent = "inizio-lavori",
            Days = 0,
            Years = 3,
        };

        var status = Status(years, D(2025, 1, 1), On("inizio-lavori", 2022, 12, 7));

        Assert.That(status.DueDate, Is.EqualTo(D(2025, 12, 9)));
    }

    [Test]
    public void Compute_TermOfZeroYears_Throws()
    {
        var term = Decision30() with { Years = 0 };

        Assert.That(() => LegalClock.Compute([term], [], Calendar, Milano, D(2025, 1, 1)), Throws.ArgumentException);
    }

    [Test]
    public void Compute_RandomPreavvisi_DueDateNeverEarlierThanWithout()
    {
        var random = new Random(76_2020);
        var calendar = ItalyWithCovidSuspensionExtended();
        for (var i = 0; i < 1_000; i++)
        {
            var term = Decision30() with { Days = random.Next(1, 91) };
            var filed = new DateOnly(2019, 1, 1).AddDays(random.Next(0, 365 * 7));
            var preavviso = filed.AddDays(random.Next(0, term.Days + 5));
            List<ClockEvent> events = [new(Filed, filed), new(Preavviso, preavviso)];
            if (random.Next(2) == 0)
            {
                events.Add(new(Observations, preavviso.AddDays(random.Next(0, 15))));
            }

            var far = new DateOnly(2035, 1, 1);
            var without = LegalClock.Compute([term], [new(Filed, filed)], calendar, Milano, far)[0].DueDate!.Value;
            var with = LegalClock.Compute([term], events, calendar, Milano, far)[0];

            Assert.That(with.DueDate, Is.GreaterThanOrEqualTo(without), $"case {i}: filed {filed}, events {string.Join(", ", events)}");
        }
    }
}
