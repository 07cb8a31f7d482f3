using StrategicCities.Core.Procedures.Clock;

namespace StrategicCities.Core.Tests.Procedures.Clock;

[TestFixture]
public sealed class EasterTests
{
    [TestCase(2019, 4, 21)]
    [TestCase(2020, 4, 12)]
    [TestCase(2024, 3, 31)]
    [TestCase(2025, 4, 20)]
    [TestCase(2026, 4, 5)]
    [TestCase(2038, 4, 25)]
    [TestCase(2011, 4, 24)]
    [TestCase(2000, 4, 23)]
    [TestCase(1818, 3, 22)]
    [TestCase(2285, 3, 22)]
    [TestCase(1943, 4, 25)]
    public void Sunday_KnownYear_ReturnsEasterSunday(int year, int month, int day)
    {
        Assert.That(Easter.Sunday(year), Is.EqualTo(new DateOnly(year, month, day)));
    }

    [Test]
    public void Sunday_AnyYear_IsASundayBetween22MarchAnd25April()
    {
        for (var year = Easter.FirstGregorianYear; year <= 9999; year++)
        {
            var easter = Easter.Sunday(year);
            Assert.That(easter.DayOfWeek, Is.EqualTo(DayOfWeek.Sunday), $"year {year}");
            Assert.That(easter, Is.InRange(new DateOnly(year, 3, 22), new DateOnly(year, 4, 25)), $"year {year}");
        }
    }

    [Test]
    public void Monday_2025_Is21April()
    {
        Assert.That(Easter.Monday(2025), Is.EqualTo(new DateOnly(2025, 4, 21)));
    }

    [TestCase(MovableHolidayRule.EasterMonday, 2025, 4, 21)]
    [TestCase(MovableHolidayRule.Ascension, 1970, 5, 7)]
    [TestCase(MovableHolidayRule.CorpusDomini, 1970, 5, 28)]
    public void DateIn_MovableRule_ReturnsDateFromEaster(MovableHolidayRule rule, int year, int month, int day)
    {
        var holiday = new MovableHoliday(rule, new("x", "x"));

        Assert.That(holiday.DateIn(year), Is.EqualTo(new DateOnly(year, month, day)));
    }

    [Test]
    public void Sunday_BeforeGregorianReform_Throws()
    {
        Assert.That(() => Easter.Sunday(1582), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
