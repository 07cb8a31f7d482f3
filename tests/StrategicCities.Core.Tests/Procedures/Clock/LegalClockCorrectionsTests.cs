using StrategicCities.Core.Legal;
using StrategicCities.Core.Procedures.Clock;
using static StrategicCities.Core.Tests.Procedures.Clock.TestCalendars;

namespace StrategicCities.Core.Tests.Procedures.Clock;

/// <summary>
/// The clock's corrections of issue 21: validity terms outside the 2020 suspension, terms in months and
/// by period (the art. 21-nonies cap), terms starting on another term's expiry, causes of suspension
/// with their own resumption, and patron days as a municipal setting.
/// </summary>
[TestFixture]
public sealed class LegalClockCorrectionsTests
{
    private static readonly LegalBasis Art15 = new("dpr380", "15", "2");
    private static readonly LegalBasis Art21Nonies = new("l241-1990", "21-nonies", "1");

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static ClockEvent On(string name, DateOnly date) => new(name, date);

    private static LegalTermDefinition Days(string id, string start, int days, params string[] metBy) => new()
    {
        Id = id,
        Name = Text(id, id),
        StartEvent = start,
        Days = days,
        MetBy = metBy,
    };

    private static TermStatus One(LegalTermDefinition term, ItalianCalendar calendar, string municipality, DateOnly today, params ClockEvent[] events) =>
        LegalClock.Compute([term], events, calendar, municipality, today)[0];

    private static LegalTermDefinition SelfRedressCap() => new()
    {
        Id = "scia-autotutela",
        Name = Text("Termine per l'annullamento d'ufficio", "Cap on self-redress"),
        StartEvent = "consolidamento",
        StartOnExpiryOf = "scia-controllo",
        Days = 0,
        Kind = TermKind.Cap,
        Periods =
        [
            new TermLengthPeriod { From = D(2015, 8, 28), Months = 18, LegalBasis = [Art21Nonies] },
            new TermLengthPeriod { From = D(2021, 6, 1), Months = 12, LegalBasis = [Art21Nonies] },
            new TermLengthPeriod { From = D(2025, 12, 18), Months = 6, LegalBasis = [Art21Nonies] },
        ],
        MetBy = ["autotutela"],
        LegalBasis = [Art21Nonies],
    };

    [Test]
    [Description("Art. 103 c. 1 D.L. 18/2020 suspends procedural terms only: one year to start works from 10 Jun 2019 ends on 10 Jun 2020, not 83 days later (validity falls under c. 2).")]
    public void Compute_ValidityTermAcrossThe2020Suspension_IsNotStretched()
    {
        var validity = new LegalTermDefinition
        {
            Id = "pdc-inizio-lavori",
            Name = Text("Inizio lavori", "Start of works"),
            StartEvent = "rilascio",
            Days = 0,
            Years = 1,
            Kind = TermKind.Validity,
            MetBy = ["inizio-lavori"],
            LegalBasis = [Art15],
        };
        var procedural = validity with { Kind = TermKind.Procedural };
        var calendar = ItalyWithCovidSuspensionExtended();

        var notStretched = One(validity, calendar, Torino, D(2020, 3, 1), On("rilascio", D(2019, 6, 10)));
        var stretched = One(procedural, calendar, Torino, D(2020, 3, 1), On("rilascio", D(2019, 6, 10)));

        Assert.That(notStretched.DueDate, Is.EqualTo(D(2020, 6, 10)));
        Assert.That(notStretched.SuspendedDays, Is.Zero);
        Assert.That(stretched.DueDate, Is.EqualTo(D(2020, 9, 1)), "23 Feb – 15 May 2020: 83 days");
    }

    [Test]
    [Description("A validity term ending inside the 2020 suspension is not moved past it (only holidays move it).")]
    public void Compute_ValidityTermEndingInsideThe2020Suspension_EndsOnItsDay()
    {
        var validity = new LegalTermDefinition
        {
            Id = "pdc-fine-lavori",
            Name = Text("Fine lavori", "Completion of works"),
            StartEvent = "inizio-lavori",
            Days = 0,
            Years = 3,
            Kind = TermKind.Validity,
            MetBy = ["fine-lavori"],
        };

        var status = One(validity, ItalyWithCovidSuspensionExtended(), Torino, D(2020, 1, 1), On("inizio-lavori", D(2017, 3, 18)));

        Assert.That(status.DueDate, Is.EqualTo(D(2020, 3, 18)));
    }

    [TestCase(2021, 5, 31, 2022, 11, 30, TestName = "Compute_CapStartingBeforeJune2021_RunsEighteenMonthsToTheLastDayOfNovember")]
    [TestCase(2021, 6, 1, 2022, 6, 1, TestName = "Compute_CapStartingOn1June2021_RunsTwelveMonths")]
    [TestCase(2025, 12, 17, 2026, 12, 17, TestName = "Compute_CapStartingTheDayBefore18December2025_RunsTwelveMonths")]
    [TestCase(2025, 12, 18, 2026, 6, 18, TestName = "Compute_CapStartingOn18December2025_RunsSixMonths")]
    [Description("Art. 21-nonies c. 1 L. 241/1990: 18 months (L. 124/2015), 12 from 1 Jun 2021 (D.L. 77/2021 art. 63), 6 from 18 Dec 2025 (L. 182/2025 art. 1); months end on the same day or the month's last day (art. 2963 c. 4 c.c.).")]
    public void Compute_CapByPeriodOfItsStart(int y, int m, int d, int dueY, int dueM, int dueD)
    {
        var cap = SelfRedressCap() with { StartOnExpiryOf = null };

        var status = One(cap, Italy(), Torino, D(y, m, d), On("consolidamento", D(y, m, d)));

        Assert.That(status.State, Is.EqualTo(TermState.Running));
        Assert.That(status.DueDate, Is.EqualTo(D(dueY, dueM, dueD)));
    }

    [Test]
    [Description("The cap runs from the end of the 30-day control (art. 19 c. 4 L. 241/1990): filed 12 Jan 2026, control ends 11 Feb, cap of 6 months ends 11 Aug 2026, whatever day the system records the consolidation.")]
    public void Compute_CapAfterTheControlTermExpires_StartsOnItsDueDate()
    {
        var control = Days("scia-controllo", "presentazione", 30, "divieto-prosecuzione");

        var statuses = LegalClock.Compute([control, SelfRedressCap()],
            [On("presentazione", D(2026, 1, 12)), On("consolidamento", D(2026, 2, 14))], Italy(), Torino, D(2026, 3, 1));

        Assert.That(statuses[0].State, Is.EqualTo(TermState.Expired));
        Assert.That(statuses[1].State, Is.EqualTo(TermState.Running));
        Assert.That(statuses[1].StartDate, Is.EqualTo(D(2026, 2, 11)));
        Assert.That(statuses[1].DueDate, Is.EqualTo(D(2026, 8, 11)));
    }

    [Test]
    public void Compute_ControlTermMetByAnOrderToStop_CapNeverStarts()
    {
        var control = Days("scia-controllo", "presentazione", 30, "divieto-prosecuzione");

        var statuses = LegalClock.Compute([control, SelfRedressCap()],
            [On("presentazione", D(2026, 1, 12)), On("divieto-prosecuzione", D(2026, 2, 2))], Italy(), Torino, D(2026, 3, 1));

        Assert.That(statuses[0].State, Is.EqualTo(TermState.Met));
        Assert.That(statuses[1].State, Is.EqualTo(TermState.NotStarted));
    }

    [Test]
    public void Compute_SelfRedressWithinTheCap_MeetsIt()
    {
        var control = Days("scia-controllo", "presentazione", 30, "divieto-prosecuzione");

        var statuses = LegalClock.Compute([control, SelfRedressCap()],
            [On("presentazione", D(2026, 1, 12)), On("autotutela", D(2026, 5, 4))], Italy(), Torino, D(2026, 9, 1));

        Assert.That(statuses[1].State, Is.EqualTo(TermState.Met));
        Assert.That(statuses[1].MetOn, Is.EqualTo(D(2026, 5, 4)));
    }

    [Test]
    public void Compute_CapNotSuspendedBy2020Periods_RunsThroughThem()
    {
        var cap = SelfRedressCap() with { StartOnExpiryOf = null };

        var status = One(cap, ItalyWithCovidSuspensionExtended(), Torino, D(2020, 1, 20), On("consolidamento", D(2020, 1, 20)));

        Assert.That(status.DueDate, Is.EqualTo(D(2021, 7, 20)));
    }

    [Test]
    [Description("Art. 20 c. 4 D.P.R. 380/2001: a request for modest modifications suspends the 60 days until its outcome: 10 days run to 13 Mar, suspended to 2 Apr (20 days), due 22 May 2025.")]
    public void Compute_RequestForModestModifications_SuspendsUntilItsOutcome()
    {
        var istruttoria = Days("pdc-istruttoria", "presentazione", 60, "proposta") with
        {
            SuspendOn = ["preavviso-di-rigetto"],
            ResumeOn = ["osservazioni"],
            ResumeDelayDays = 10,
            ResumeAfterDays = 10,
            SuspensionCauses = [new TermSuspensionCause { On = ["richiesta-modifiche"], ResumeOn = ["modifiche-integrate", "modifiche-rifiutate"] }],
        };

        var status = One(istruttoria, Italy(), Torino, D(2025, 4, 3),
            On("presentazione", D(2025, 3, 3)), On("richiesta-modifiche", D(2025, 3, 13)), On("modifiche-integrate", D(2025, 4, 2)));

        Assert.That(status.State, Is.EqualTo(TermState.Running));
        Assert.That(status.Suspensions, Is.EqualTo(1));
        Assert.That(status.SuspendedDays, Is.EqualTo(20));
        Assert.That(status.DueDate, Is.EqualTo(D(2025, 5, 22)));
    }

    [Test]
    public void Compute_SuspendedForModifications_NeitherResumesOnObservationsNorByItself()
    {
        var istruttoria = Days("pdc-istruttoria", "presentazione", 60, "proposta") with
        {
            SuspendOn = ["preavviso-di-rigetto"],
            ResumeOn = ["osservazioni"],
            ResumeAfterDays = 10,
            SuspensionCauses = [new TermSuspensionCause { On = ["richiesta-modifiche"], ResumeOn = ["modifiche-integrate"] }],
        };

        var status = One(istruttoria, Italy(), Torino, D(2025, 5, 30),
            On("presentazione", D(2025, 3, 3)), On("richiesta-modifiche", D(2025, 3, 13)), On("osservazioni", D(2025, 3, 20)));

        Assert.That(status.State, Is.EqualTo(TermState.Suspended));
        Assert.That(status.TermDaysLeft, Is.EqualTo(50));
        Assert.That(status.IgnoredEvents.Select(e => e.Name), Is.EqualTo(new[] { "osservazioni" }));
    }

    [Test]
    [Description("24 June 2026 (Wednesday) is San Giovanni in Torino: not a public holiday in law, and Torino did not switch it on, so a term ending then stays.")]
    public void Compute_LastDayOnAPatronDayByDefault_IsNotMoved()
    {
        var status = One(Days("t", "presentazione", 30), Italy(), Torino, D(2026, 5, 25), On("presentazione", D(2026, 5, 25)));

        Assert.That(status.DueDate, Is.EqualTo(D(2026, 6, 24)));
        Assert.That(Italy().IsHoliday(D(2026, 6, 24), Torino), Is.True, "still a local holiday in the calendar");
    }

    [Test]
    public void MovesTermEnd_PatronDays_OnlyByLawOrByTheMunicipalSetting()
    {
        var calendar = Italy();

        Assert.That(calendar.MovesTermEnd(D(2026, 6, 29), Roma), Is.True, "D.P.R. 792/1985");
        Assert.That(calendar.MovesTermEnd(D(2026, 12, 7), Milano), Is.True, "switched on");
        Assert.That(calendar.MovesTermEnd(D(2026, 6, 24), Torino), Is.False);
        Assert.That(calendar.MovesTermEnd(D(2025, 9, 19), Napoli), Is.False, "San Gennaro, a Friday: not switched on");
    }

    [Test]
    public void Parse_MunicipalFileSwitchingPatronDaysOn_MovesTermEnds()
    {
        var result = CalendarLoader.Parse("national.json", """{ "id": "calendar", "jurisdiction": "IT", "weeklyRestDays": ["sunday"] }""",
            new Dictionary<string, string>
            {
                ["municipalities/001272.json"] = """{ "jurisdiction": "001272", "patronDaysMoveTerms": true, "patronDays": [{ "month": 6, "day": 24, "name": { "it": "San Giovanni", "en": "Saint John" } }] }""",
                ["municipalities/063049.json"] = """{ "jurisdiction": "063049", "patronDays": [{ "month": 9, "day": 19, "name": { "it": "San Gennaro", "en": "Saint Januarius" } }] }""",
            });

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Calendar!.MovesTermEnd(D(2026, 6, 24), Torino), Is.True);
        Assert.That(result.Calendar.MovesTermEnd(D(2025, 9, 19), Napoli), Is.False);
    }

    private static LegalTermDefinition StartOfWorksWithTheEmergencyExtension() => new()
    {
        Id = "pdc-inizio-lavori",
        Name = Text("Inizio lavori", "Start of works"),
        StartEvent = "rilascio",
        Days = 0,
        Years = 1,
        Kind = TermKind.Validity,
        MetBy = ["inizio-lavori"],
        Extensions = [new TermExtension { ExpiringFrom = D(2020, 1, 31), ExpiringTo = D(2022, 3, 31), ValidUntil = D(2022, 6, 29), LegalBasis = [new LegalBasis("dl18-2020", "103", "2")] }],
        LegalBasis = [Art15],
    };

    [TestCase(2019, 1, 14, 2020, 1, 14, TestName = "Compute_ValidityEndingBefore31January2020_IsNotExtended")]
    [TestCase(2019, 6, 10, 2022, 6, 29, TestName = "Compute_ValidityEndingInTheEmergency_IsKeptTo29June2022")]
    [TestCase(2021, 3, 31, 2022, 6, 29, TestName = "Compute_ValidityEndingOn31March2022_IsKeptTo29June2022")]
    [TestCase(2021, 4, 1, 2022, 4, 1, TestName = "Compute_ValidityEndingAfter31March2022_IsNotExtended")]
    [Description("Art. 103 c. 2 D.L. 18/2020 (D.L. 125/2020; emergency ended 31 Mar 2022, D.L. 221/2021): titles expiring from 31 Jan 2020 to 31 Mar 2022 keep their validity to 29 Jun 2022.")]
    public void Compute_ValidityTermAndTheEmergencyExtension(int y, int m, int d, int dueY, int dueM, int dueD)
    {
        var status = One(StartOfWorksWithTheEmergencyExtension(), ItalyWithCovidSuspensionExtended(), Torino, D(y, m, d), On("rilascio", D(y, m, d)));

        Assert.That(status.DueDate, Is.EqualTo(D(dueY, dueM, dueD)));
    }

    [Test]
    public void Compute_WorksStartedWithinTheExtension_MeetTheTerm()
    {
        var status = One(StartOfWorksWithTheEmergencyExtension(), ItalyWithCovidSuspensionExtended(), Roma, D(2022, 7, 1),
            On("rilascio", D(2019, 6, 10)), On("inizio-lavori", D(2021, 5, 3)));

        Assert.That(status.State, Is.EqualTo(TermState.Met));
        Assert.That(status.DueDate, Is.EqualTo(D(2022, 6, 30)), "29 June 2022 is Saints Peter and Paul in Rome");
    }
}
