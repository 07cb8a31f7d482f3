using StrategicCities.Core.Procedures.Clock;
using static StrategicCities.Core.Tests.Procedures.Clock.TestCalendars;

namespace StrategicCities.Core.Tests.Procedures.Clock;

/// <summary>
/// Holiday shifts across month and year boundaries, which name a day carries when several apply, and
/// which patron days move the end of a term.
/// </summary>
[TestFixture]
public sealed class ItalianCalendarEdgeTests
{
    private static readonly ItalianCalendar Calendar = Italy();

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [TestCase(2023, 12, 31, 2024, 1, 2, Description = "Sunday 31 Dec 2023 → Capodanno (Mon) → Tue 2 Jan 2024")]
    [TestCase(2022, 12, 25, 2022, 12, 27, Description = "Christmas on a Sunday → Santo Stefano → Tue 27 Dec")]
    [TestCase(2021, 12, 25, 2021, 12, 27, Description = "Christmas on a Saturday → Santo Stefano on Sunday → Mon 27 Dec")]
    [TestCase(2025, 11, 30, 2025, 12, 1, Description = "Sunday 30 Nov → Monday 1 Dec")]
    [TestCase(2026, 11, 1, 2026, 11, 2, Description = "All Saints' on a Sunday → Monday 2 Nov")]
    [TestCase(2025, 5, 31, 2025, 5, 31, Description = "Saturday 31 May is a working day")]
    [TestCase(2026, 5, 31, 2026, 6, 1, Description = "Sunday 31 May 2026 → Monday 1 June")]
    [TestCase(2020, 5, 31, 2020, 6, 1, Description = "Sunday 31 May 2020 → Monday 1 June (2 June is the next holiday)")]
    [TestCase(2025, 6, 1, 2025, 6, 3, Description = "Sunday 1 June 2025 → Republic Day (Mon) → Tue 3 June")]
    public void WorkingDayOnOrAfter_HolidayAtMonthOrYearEnd_MovesIntoTheNextMonthOrYear(int y, int m, int d, int ey, int em, int ed)
    {
        Assert.That(Calendar.WorkingDayOnOrAfter(D(y, m, d)), Is.EqualTo(D(ey, em, ed)));
    }

    [Test]
    public void NextWorkingDay_FromAWorkingDay_IsTheDayAfter()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Calendar.NextWorkingDay(D(2025, 3, 12)), Is.EqualTo(D(2025, 3, 13)));
            Assert.That(Calendar.NextWorkingDay(D(2025, 12, 24)), Is.EqualTo(D(2025, 12, 27)), "Christmas and Santo Stefano skipped");
            Assert.That(Calendar.NextWorkingDay(D(2025, 12, 31)), Is.EqualTo(D(2026, 1, 2)), "Capodanno skipped");
        });
    }

    [Test]
    [Description("Sant'Ambrogio on Sunday 7 Dec 2025 in Milano: the patron's name wins over the weekly rest day; nationally it is a Sunday.")]
    public void DescribeHoliday_PatronDayOnASunday_NamesThePatronInItsMunicipalityOnly()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Calendar.DescribeHoliday(D(2025, 12, 7), Milano)?.It, Is.EqualTo("Sant'Ambrogio"));
            Assert.That(Calendar.DescribeHoliday(D(2025, 12, 7))?.En, Is.EqualTo("Weekly rest day"));
            Assert.That(Calendar.DescribeHoliday(D(2025, 12, 7), Roma)?.En, Is.EqualTo("Weekly rest day"));
        });
    }

    [Test]
    [Description("Immacolata on Sunday 8 Dec 2024: the national holiday's name wins over the weekly rest day.")]
    public void DescribeHoliday_NationalHolidayOnASunday_NamesTheHoliday()
    {
        Assert.That(Calendar.DescribeHoliday(D(2024, 12, 8), Milano)?.En, Is.EqualTo("Immaculate Conception"));
    }

    [Test]
    public void DescribeHoliday_WorkingDay_IsNull()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Calendar.DescribeHoliday(D(2025, 3, 12), Milano), Is.Null);
            Assert.That(Calendar.IsWorkingDay(D(2025, 3, 15)), Is.True, "a Saturday");
            Assert.That(Calendar.IsWorkingDay(D(2025, 3, 16)), Is.False, "a Sunday");
            Assert.That(Calendar.IsWorkingDay(D(2025, 12, 8), Milano), Is.False, "the Immacolata");
        });
    }

    [Test]
    [Description("Rome's 29 June is a public holiday in law (D.P.R. 792/1985): it moves the end of a term; Torino's 24 June does not, Milano's 7 December does because Milano chose so.")]
    public void MovesTermEnd_PatronDays_OnlyByLawOrByTheMunicipalitysChoice()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Calendar.MovesTermEnd(D(2026, 6, 29), Roma), Is.True);
            Assert.That(Calendar.MovesTermEnd(D(2026, 6, 24), Torino), Is.False);
            Assert.That(Calendar.IsHoliday(D(2026, 6, 24), Torino), Is.True, "still a local holiday");
            Assert.That(Calendar.MovesTermEnd(D(2026, 12, 7), Milano), Is.True);
            Assert.That(Calendar.MovesTermEnd(D(2026, 12, 7), Roma), Is.False);
            Assert.That(Calendar.MovesTermEnd(D(2026, 12, 7)), Is.False, "no municipality");
            Assert.That(Calendar.MovesTermEnd(D(2026, 12, 7), "099999"), Is.False, "a municipality without patron days");
            Assert.That(Calendar.MovesTermEnd(D(2026, 6, 28), Roma), Is.True, "a Sunday");
            Assert.That(Calendar.MovesTermEnd(D(2026, 6, 30), Roma), Is.False);
        });
    }

    [Test]
    public void PatronDaysMoveTerms_OnlyTheMunicipalitiesThatChoseIt()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Calendar.PatronDaysMoveTerms(Milano), Is.True);
            Assert.That(Calendar.PatronDaysMoveTerms(Torino), Is.False);
            Assert.That(Calendar.PatronDaysOf(Torino).Single().Day, Is.EqualTo(24));
            Assert.That(Calendar.PatronDaysOf("099999"), Is.Empty);
            Assert.That(Calendar.Version, Is.EqualTo("test"));
        });
    }

    [Test]
    public void IsInSuspensionPeriod_DaysAroundThePeriod_OnlyInsideCount()
    {
        var calendar = ItalyWithCovidSuspension();

        Assert.Multiple(() =>
        {
            Assert.That(calendar.IsInSuspensionPeriod(CovidSuspensionStart.AddDays(-1)), Is.False);
            Assert.That(calendar.IsInSuspensionPeriod(CovidSuspensionStart), Is.True);
            Assert.That(calendar.IsInSuspensionPeriod(CovidSuspensionEnd), Is.True);
            Assert.That(calendar.IsInSuspensionPeriod(CovidSuspensionEnd.AddDays(1)), Is.False);
            Assert.That(Calendar.IsInSuspensionPeriod(CovidSuspensionStart), Is.False, "a calendar without periods");
        });
    }

    [Test]
    public void Constructor_OneDaySuspension_Accepted()
    {
        var calendar = ItalyBuilder().AddSuspension(D(2020, 3, 1), D(2020, 3, 1), Text("Un giorno", "One day"), []).Build();

        Assert.Multiple(() =>
        {
            Assert.That(calendar.IsInSuspensionPeriod(D(2020, 3, 1)), Is.True);
            Assert.That(calendar.IsInSuspensionPeriod(D(2020, 3, 2)), Is.False);
        });
    }

    [Test]
    public void Constructor_SuspensionEndingBeforeItStarts_Refused()
    {
        SuspensionPeriod[] backwards = [new(D(2020, 3, 2), D(2020, 3, 1), Text("Al contrario", "Backwards"))];

        Assert.That(() => new ItalianCalendar([], [], [DayOfWeek.Sunday], new Dictionary<string, IReadOnlyList<PatronDay>>(), backwards),
            Throws.ArgumentException.With.Message.Contains("Al contrario"));
    }

    [Test]
    public void Suspensions_GivenOutOfOrder_KeptInOrderOfStart()
    {
        var calendar = ItalyBuilder()
            .AddSuspension(D(2021, 1, 1), D(2021, 1, 10), Text("Seconda", "Second"), [])
            .AddSuspension(D(2020, 1, 1), D(2020, 1, 10), Text("Prima", "First"), [])
            .Build();

        Assert.Multiple(() =>
        {
            Assert.That(calendar.Suspensions.Select(s => s.Name.En), Is.EqualTo(new[] { "First", "Second" }));
            Assert.That(calendar.SuspensionsOverlapping(D(2020, 1, 10), D(2020, 12, 31)).Select(s => s.Name.En), Is.EqualTo(new[] { "First" }));
            Assert.That(calendar.SuspensionsOverlapping(D(2020, 1, 11), D(2020, 12, 31)), Is.Empty);
        });
    }
}
