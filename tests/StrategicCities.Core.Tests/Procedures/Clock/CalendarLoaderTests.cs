using StrategicCities.Core.Legal;
using StrategicCities.Core.Procedures.Clock;

namespace StrategicCities.Core.Tests.Procedures.Clock;

[TestFixture]
public sealed class CalendarLoaderTests
{
    private const string MinimalNational = """{ "id": "calendar", "jurisdiction": "IT", "weeklyRestDays": ["sunday"] }""";

    private static readonly string[] FixtureMunicipalities = ["015146", "058091"];

    private static string FixtureDirectory => Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "calendars");

    private static CalendarLoadResult Parse(string national, params (string Source, string Json)[] municipal) =>
        CalendarLoader.Parse("national.json", national, municipal.ToDictionary(m => m.Source, m => m.Json));

    [Test]
    public async Task LoadAsync_FixtureDirectory_LoadsHolidaysPatronDaysAndSuspensions()
    {
        var result = await CalendarLoader.LoadAsync(FixtureDirectory);

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.IsSuccess, Is.True);
        var calendar = result.Calendar!;
        Assert.That(calendar.Version, Is.EqualTo("test-fixture"));
        Assert.That(calendar.IsHoliday(new DateOnly(2025, 1, 1)), Is.True);
        Assert.That(calendar.IsHoliday(new DateOnly(2025, 4, 21)), Is.True, "Easter Monday");
        Assert.That(calendar.IsHoliday(new DateOnly(2025, 3, 9)), Is.True, "Sunday");
        Assert.That(calendar.IsHoliday(new DateOnly(1990, 6, 1)), Is.False);
        Assert.That(calendar.IsHoliday(new DateOnly(1976, 6, 2)), Is.True);
        Assert.That(calendar.IsHoliday(new DateOnly(1994, 6, 2)), Is.False, "abolished 1977–2000");
        Assert.That(calendar.IsHoliday(new DateOnly(2026, 6, 2)), Is.True);
        Assert.That(calendar.IsHoliday(new DateOnly(2026, 12, 7), "015146"), Is.True, "Sant'Ambrogio in Milano");
        Assert.That(calendar.IsHoliday(new DateOnly(2026, 12, 7), "058091"), Is.False);
        Assert.That(calendar.IsHoliday(new DateOnly(2026, 6, 29), "058091"), Is.True, "Santi Pietro e Paolo in Roma");
        Assert.That(calendar.Municipalities, Is.EquivalentTo(FixtureMunicipalities));
        Assert.That(calendar.FixedHolidays[0].LegalBasis, Is.EqualTo(new[] { new LegalBasis("l260-1949", "2") }));
    }

    [Test]
    public async Task LoadAsync_ExclusiveSuspensionEnd_ExcludesTheToDay()
    {
        var calendar = (await CalendarLoader.LoadAsync(FixtureDirectory)).Calendar!;

        Assert.That(calendar.Suspensions, Has.Count.EqualTo(2));
        Assert.That(calendar.Suspensions[1].To, Is.EqualTo(new DateOnly(2020, 5, 15)));
        Assert.That(calendar.IsInSuspensionPeriod(new DateOnly(2020, 5, 15)), Is.True);
        Assert.That(calendar.IsInSuspensionPeriod(new DateOnly(2020, 5, 16)), Is.False);
    }

    [Test]
    public async Task LoadAsync_FixtureCalendar_DrivesTheClock()
    {
        var calendar = (await CalendarLoader.LoadAsync(FixtureDirectory)).Calendar!;
        var term = new LegalTermDefinition { Id = "t", Name = new("t", "t"), StartEvent = "filed", Days = 30 };

        var status = LegalClock.Compute([term], [new ClockEvent("filed", new DateOnly(2020, 2, 10))], calendar, "015146", new DateOnly(2020, 5, 20))[0];

        Assert.That(status.DueDate, Is.EqualTo(new DateOnly(2020, 6, 3)));
    }

    [Test]
    public async Task LoadAsync_SingleDaysAndAscension_FollowTheirValidity()
    {
        var calendar = (await CalendarLoader.LoadAsync(FixtureDirectory)).Calendar!;

        Assert.That(calendar.IsHoliday(new DateOnly(2011, 3, 17)), Is.True, "17 March 2011, D.L. 5/2011");
        Assert.That(calendar.IsHoliday(new DateOnly(2016, 3, 17)), Is.False);
        Assert.That(calendar.IsHoliday(new DateOnly(1970, 5, 7)), Is.True, "Ascension 1970");
        Assert.That(calendar.IsHoliday(new DateOnly(2025, 5, 29)), Is.False, "Ascension 2025, no longer a holiday");
        Assert.That(calendar.Suspensions[0].Id, Is.EqualTo("covid19-dl18-2020"));
        Assert.That(calendar.Suspensions[0].Scope, Is.EqualTo("administrative-procedures"));
    }

    [Test]
    public async Task LoadAsync_MissingDirectory_ReturnsError()
    {
        var result = await CalendarLoader.LoadAsync(Path.Combine(FixtureDirectory, "does-not-exist"));

        Assert.That(result.IsSuccess, Is.False);
        Assert.That(result.Calendar, Is.Null);
        Assert.That(result.Errors, Has.Count.EqualTo(1));
    }

    [Test]
    public void Parse_UnknownProperties_AreIgnored()
    {
        var result = Parse("""{ "weeklyRestDays": ["sunday"], "future": { "x": 1 }, "fixedHolidays": [ { "month": 1, "day": 1, "name": { "it": "a", "en": "b" }, "colour": "red" } ] }""");

        Assert.That(result.IsSuccess, Is.True);
        Assert.That(result.Calendar!.IsHoliday(new DateOnly(2025, 1, 1)), Is.True);
    }

    [Test]
    public void Parse_InvalidJson_ReturnsErrorNamingTheFile()
    {
        var result = Parse("{ not json");

        Assert.That(result.IsSuccess, Is.False);
        Assert.That(result.Errors[0].Source, Is.EqualTo("national.json"));
    }

    [Test]
    public void Parse_UnknownMovableRule_ReturnsError()
    {
        var result = Parse("""{ "movableHolidays": [ { "rule": "pentecost-monday", "name": { "it": "a", "en": "b" } } ] }""");

        Assert.That(result.Errors, Has.Count.EqualTo(1));
        Assert.That(result.Errors[0].Message, Does.Contain("pentecost-monday"));
    }

    [TestCase("""{ "weeklyRestDays": ["domenica"] }""", "domenica")]
    [TestCase("""{ "fixedHolidays": [ { "month": 2, "day": 30, "name": { "it": "a", "en": "b" } } ] }""", "2/30")]
    [TestCase("""{ "fixedHolidays": [ { "month": 1, "day": 1 } ] }""", "name")]
    [TestCase("""{ "fixedHolidays": [ { "month": 1, "day": 1, "name": { "it": "a", "en": "b" }, "validFrom": "2001-01-01", "validTo": "2000-01-01" } ] }""", "validFrom")]
    [TestCase("""{ "suspensions": [ { "from": "2020-04-15", "to": "2020-02-23", "name": { "it": "a", "en": "b" } } ] }""", "ends before")]
    public void Parse_InvalidNationalData_ReturnsError(string json, string expected)
    {
        var result = Parse(json);

        Assert.That(result.IsSuccess, Is.False);
        Assert.That(result.Errors.Select(e => e.Message), Has.Some.Contain(expected));
    }

    [Test]
    public void Parse_MunicipalFileNameDiffersFromJurisdiction_ReturnsError()
    {
        var result = Parse(MinimalNational, ("municipalities/058091.json", """{ "jurisdiction": "015146", "patronDays": [] }"""));

        Assert.That(result.IsSuccess, Is.False);
        Assert.That(result.Errors[0].Source, Is.EqualTo("municipalities/058091.json"));
    }

    [Test]
    public void Parse_MunicipalJurisdictionNotIstat_ReturnsError()
    {
        var result = Parse(MinimalNational, ("municipalities/F205.json", """{ "jurisdiction": "F205", "patronDays": [] }"""));

        Assert.That(result.Errors, Has.Count.EqualTo(1));
        Assert.That(result.Errors[0].Message, Does.Contain("6-digit"));
    }
}
