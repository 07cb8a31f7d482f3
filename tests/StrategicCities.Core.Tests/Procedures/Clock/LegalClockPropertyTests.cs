using StrategicCities.Core.Procedures.Clock;
using static StrategicCities.Core.Tests.Procedures.Clock.TestCalendars;

namespace StrategicCities.Core.Tests.Procedures.Clock;

/// <summary>
/// Property-style tests: a seeded generator (reproducible, no extra packages) draws random terms,
/// events and municipalities around the 2020 suspension and checks invariants of the clock.
/// </summary>
[TestFixture]
public sealed class LegalClockPropertyTests
{
    private const int Cases = 2_000;
    private const string Filed = "filed";
    private const string Suspend = "suspend";
    private const string Resume = "resume";
    private const string Interrupt = "interrupt";
    private const string Restart = "restart";

    private static readonly string?[] Municipalities = [Milano, Roma, Torino, Napoli, "000000", null];
    private static readonly ItalianCalendar Calendar = ItalyWithCovidSuspensionExtended();

    private static LegalTermDefinition Term(int days) => new()
    {
        Id = "t",
        Name = Text("Termine", "Term"),
        StartEvent = Filed,
        Days = days,
        SuspendOn = [Suspend],
        ResumeOn = [Resume],
        InterruptOn = [Interrupt],
        RestartOn = [Restart],
    };

    private static DateOnly RandomDate(Random random) =>
        new DateOnly(2019, 1, 1).AddDays(random.Next(0, 365 * 8));

    /// <summary>The due date once every event is known (computed far in the future, so the term has expired).</summary>
    private static DateOnly DueDate(LegalTermDefinition term, IReadOnlyList<ClockEvent> events, ItalianCalendar calendar, string? municipality)
    {
        var status = LegalClock.Compute([term], events, calendar, municipality ?? string.Empty, new DateOnly(2035, 1, 1))[0];
        Assert.That(status.State, Is.EqualTo(TermState.Expired));
        return status.DueDate!.Value;
    }

    [Test]
    public void Compute_RandomSuspensions_DueDateNeverEarlierThanWithout()
    {
        var random = new Random(20250320);
        for (var i = 0; i < Cases; i++)
        {
            var term = Term(random.Next(1, 121));
            var municipality = Municipalities[random.Next(Municipalities.Length)];
            var filed = RandomDate(random);
            var suspended = filed.AddDays(random.Next(0, term.Days + 10));
            var resumed = suspended.AddDays(random.Next(0, 90));
            ClockEvent[] plain = [new(Filed, filed)];
            ClockEvent[] withSuspension = [new(Filed, filed), new(Suspend, suspended), new(Resume, resumed)];

            var without = DueDate(term, plain, Calendar, municipality);
            var with = DueDate(term, withSuspension, Calendar, municipality);

            Assert.That(with, Is.GreaterThanOrEqualTo(without), $"case {i}: {term.Days} days filed {filed}, suspended {suspended}–{resumed}");
        }
    }

    [Test]
    public void Compute_RandomInterruptions_DueDateNeverEarlierThanWithout()
    {
        var random = new Random(19900807);
        for (var i = 0; i < Cases; i++)
        {
            var term = Term(random.Next(1, 121));
            var municipality = Municipalities[random.Next(Municipalities.Length)];
            var filed = RandomDate(random);
            var interrupted = filed.AddDays(random.Next(0, term.Days + 10));
            var restarted = interrupted.AddDays(random.Next(0, 30));

            var without = DueDate(term, [new(Filed, filed)], Calendar, municipality);
            var with = DueDate(term, [new(Filed, filed), new(Interrupt, interrupted), new(Restart, restarted)], Calendar, municipality);

            Assert.That(with, Is.GreaterThanOrEqualTo(without), $"case {i}: {term.Days} days filed {filed}, interrupted {interrupted}–{restarted}");
        }
    }

    [Test]
    public void Compute_RandomTerms_DueDateIsAWorkingDayOutsideSuspensionPeriods()
    {
        var random = new Random(2963);
        for (var i = 0; i < Cases; i++)
        {
            var term = Term(random.Next(1, 121));
            var municipality = Municipalities[random.Next(Municipalities.Length)];
            var filed = RandomDate(random);
            var events = new List<ClockEvent> { new(Filed, filed) };
            if (random.Next(2) == 0)
            {
                var suspended = filed.AddDays(random.Next(0, term.Days));
                events.Add(new(Suspend, suspended));
                events.Add(new(Resume, suspended.AddDays(random.Next(0, 60))));
            }

            var due = DueDate(term, events, Calendar, municipality);

            Assert.That(Calendar.MovesTermEnd(due, municipality), Is.False, $"case {i}: due {due} ({due.DayOfWeek}) in {municipality}");
            Assert.That(Calendar.IsInSuspensionPeriod(due), Is.False, $"case {i}: due {due}");
        }
    }

    [Test]
    public void Compute_RandomTermsWithoutPauses_DueDateIsFirstWorkingDayFromStartPlusDays()
    {
        // Outside national suspension periods the rule is exactly art. 2963 c.c.: S + N, then the next working day.
        var random = new Random(155);
        var calendar = Italy();
        for (var i = 0; i < Cases; i++)
        {
            var term = Term(random.Next(1, 366));
            var municipality = Municipalities[random.Next(Municipalities.Length)];
            var filed = RandomDate(random);

            var due = DueDate(term, [new(Filed, filed)], calendar, municipality);

            Assert.That(due, Is.EqualTo(FirstDayEndingATermFrom(calendar, filed.AddDays(term.Days), municipality)), $"case {i}");
        }
    }

    [Test]
    public void Compute_RandomExtraHoliday_DueDateNeverEarlier()
    {
        var random = new Random(260);
        for (var i = 0; i < Cases; i++)
        {
            var term = Term(random.Next(1, 121));
            var municipality = Municipalities[random.Next(Municipalities.Length)];
            var filed = RandomDate(random);
            var month = random.Next(1, 13);
            var day = random.Next(1, DateTime.DaysInMonth(2001, month) + 1);
            var builder = ItalyBuilder()
                .AddSuspension(CovidSuspensionStart, CovidExtensionEnd, Text("Sospensione", "Suspension"));
            var withExtra = random.Next(2) == 0
                ? builder.AddFixedHoliday(month, day, Text("Festa", "Holiday")).Build()
                : builder.AddPatronDay(municipality ?? "000000", month, day, Text("Patrono", "Patron")).Build();
            var events = new List<ClockEvent> { new(Filed, filed) };
            if (random.Next(2) == 0)
            {
                var suspended = filed.AddDays(random.Next(0, term.Days));
                events.Add(new(Suspend, suspended));
                events.Add(new(Resume, suspended.AddDays(random.Next(0, 60))));
            }

            var before = DueDate(term, events, Calendar, municipality);
            var after = DueDate(term, events, withExtra, municipality);

            Assert.That(after, Is.GreaterThanOrEqualTo(before), $"case {i}: extra holiday {day}/{month}, {term.Days} days filed {filed}");
        }
    }

    [Test]
    public void Compute_RandomToday_StateConsistentWithDueDate()
    {
        var random = new Random(241);
        for (var i = 0; i < Cases; i++)
        {
            var term = Term(random.Next(1, 121));
            var filed = RandomDate(random);
            var today = filed.AddDays(random.Next(0, 200));

            var status = LegalClock.Compute([term], [new(Filed, filed)], Calendar, Milano, today)[0];

            Assert.That(status.DueDate, Is.Not.Null);
            var due = status.DueDate!.Value;
            Assert.That(status.State, Is.EqualTo(today <= due ? TermState.Running : TermState.Expired), $"case {i}");
            Assert.That(status.DaysRemaining, Is.EqualTo(due.DayNumber - today.DayNumber), $"case {i}");
        }
    }

    /// <summary>The day itself or the first later day that is not a holiday for the end of terms.</summary>
    private static DateOnly FirstDayEndingATermFrom(ItalianCalendar calendar, DateOnly day, string? municipality)
    {
        while (calendar.MovesTermEnd(day, municipality))
        {
            day = day.AddDays(1);
        }

        return day;
    }
}
