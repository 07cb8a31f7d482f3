using StrategicCities.Core.Procedures.Clock;
using static StrategicCities.Core.Tests.Procedures.Clock.TestCalendars;

namespace StrategicCities.Core.Tests.Procedures.Clock;

[TestFixture]
public sealed class ItalianCalendarTests
{
    private static readonly ItalianCalendar Calendar = Italy();

    [TestCase("2025-01-01")]
    [TestCase("2025-01-06")]
    [TestCase("2025-04-21")]
    [TestCase("2025-04-25")]
    [TestCase("2025-05-01")]
    [TestCase("2025-06-02")]
    [TestCase("2025-08-15")]
    [TestCase("2025-11-01")]
    [TestCase("2025-12-08")]
    [TestCase("2025-12-25")]
    [TestCase("2025-12-26")]
    [TestCase("2025-03-09")]
    public void IsHoliday_NationalHolidayOrSunday_ReturnsTrue(string date)
    {
        Assert.That(Calendar.IsHoliday(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), null), Is.True);
    }

    [TestCase("2025-04-19")]
    [TestCase("2025-04-22")]
    [TestCase("2026-12-07")]
    [TestCase("2026-06-29")]
    public void IsHoliday_OrdinaryDayOrSaturdayNationally_ReturnsFalse(string date)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(Calendar.IsHoliday(day, null), Is.False);
        Assert.That(Calendar.IsWorkingDay(day, null), Is.True);
    }

    [Test]
    public void IsHoliday_PatronDay_OnlyInItsMunicipality()
    {
        var santAmbrogio = new DateOnly(2026, 12, 7);
        Assert.That(Calendar.IsHoliday(santAmbrogio, Milano), Is.True);
        Assert.That(Calendar.IsHoliday(santAmbrogio, Roma), Is.False);
        Assert.That(Calendar.IsHoliday(new DateOnly(2026, 6, 29), Roma), Is.True);
        Assert.That(Calendar.IsHoliday(new DateOnly(2026, 6, 24), Torino), Is.True);
        Assert.That(Calendar.IsHoliday(new DateOnly(2026, 9, 19), Napoli), Is.True);
        Assert.That(Calendar.IsHoliday(new DateOnly(2026, 9, 19), "999999"), Is.False);
    }

    [TestCase(1976, true)]
    [TestCase(1981, false)]
    [TestCase(1984, false)]
    [TestCase(1986, true)]
    [TestCase(2025, true)]
    public void IsHoliday_EpiphanyAcrossItsAbolition_FollowsValidity(int year, bool expected)
    {
        var epiphany = new DateOnly(year, 1, 6);
        Assume.That(epiphany.DayOfWeek, Is.Not.EqualTo(DayOfWeek.Sunday));
        Assert.That(Calendar.IsHoliday(epiphany), Is.EqualTo(expected));
    }

    [TestCase(1976, true)]
    [TestCase(1990, false)]
    [TestCase(2000, false)]
    [TestCase(2001, true)]
    [TestCase(2026, true)]
    public void IsHoliday_RepublicDayAcrossItsAbolition_FollowsValidity(int year, bool expected)
    {
        var republicDay = new DateOnly(year, 6, 2);
        Assume.That(republicDay.DayOfWeek, Is.Not.EqualTo(DayOfWeek.Sunday));
        Assert.That(Calendar.IsHoliday(republicDay), Is.EqualTo(expected));
    }

    [Test]
    public void DescribeHoliday_EasterMonday_ReturnsItsName()
    {
        Assert.That(Calendar.DescribeHoliday(new DateOnly(2025, 4, 21))?.It, Is.EqualTo("Lunedì dell'Angelo"));
        Assert.That(Calendar.DescribeHoliday(new DateOnly(2025, 4, 22)), Is.Null);
    }

    [Test]
    public void NextWorkingDay_BeforeSantAmbrogioInMilano_SkipsBothHolidays()
    {
        // Saturday 6 Dec 2025 → Sunday 7 (also Sant'Ambrogio) → Monday 8 (Immacolata) → Tuesday 9.
        Assert.That(Calendar.NextWorkingDay(new DateOnly(2025, 12, 6), Milano), Is.EqualTo(new DateOnly(2025, 12, 9)));
        Assert.That(Calendar.NextWorkingDay(new DateOnly(2025, 12, 5), Roma), Is.EqualTo(new DateOnly(2025, 12, 6)));
    }

    [Test]
    public void WorkingDayOnOrAfter_WorkingDay_ReturnsSameDay()
    {
        var tuesday = new DateOnly(2025, 4, 22);
        Assert.That(Calendar.WorkingDayOnOrAfter(tuesday), Is.EqualTo(tuesday));
        Assert.That(Calendar.WorkingDayOnOrAfter(new DateOnly(2025, 4, 20)), Is.EqualTo(tuesday));
    }

    [Test]
    public void SuspensionsOverlapping_Range_ReturnsOverlappingPeriodsOnly()
    {
        var calendar = ItalyWithCovidSuspensionExtended();

        Assert.That(calendar.SuspensionsOverlapping(new DateOnly(2020, 1, 1), new DateOnly(2020, 2, 22)), Is.Empty);
        Assert.That(calendar.SuspensionsOverlapping(new DateOnly(2020, 1, 1), new DateOnly(2020, 2, 23)), Has.Count.EqualTo(1));
        Assert.That(calendar.SuspensionsOverlapping(new DateOnly(2020, 4, 15), new DateOnly(2020, 4, 16)), Has.Count.EqualTo(2));
        Assert.That(calendar.SuspensionsOverlapping(new DateOnly(2020, 5, 16), new DateOnly(2021, 1, 1)), Is.Empty);
    }

    [Test]
    public void IsInSuspensionPeriod_BoundsOfThePeriod_AreIncluded()
    {
        var calendar = ItalyWithCovidSuspensionExtended();

        Assert.That(calendar.IsInSuspensionPeriod(new DateOnly(2020, 2, 22)), Is.False);
        Assert.That(calendar.IsInSuspensionPeriod(new DateOnly(2020, 2, 23)), Is.True);
        Assert.That(calendar.IsInSuspensionPeriod(new DateOnly(2020, 5, 15)), Is.True);
        Assert.That(calendar.IsInSuspensionPeriod(new DateOnly(2020, 5, 16)), Is.False);
        Assert.That(calendar.IsHoliday(new DateOnly(2020, 3, 2)), Is.False, "a suspended day is not a holiday");
    }

    [Test]
    public void AddFixedHoliday_InvalidDay_Throws()
    {
        Assert.That(() => new ItalianCalendarBuilder().AddFixedHoliday(2, 30, Text("x", "x")), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
