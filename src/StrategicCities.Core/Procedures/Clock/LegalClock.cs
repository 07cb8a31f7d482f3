namespace StrategicCities.Core.Procedures.Clock;

/// <summary>
/// The legal clock: a pure function from term definitions, events, the calendar, the
/// municipality and the day of the computation to the status of every term.
/// </summary>
/// <remarks>
/// <para>Counting conventions (art. 2963 c.c., art. 155 c.p.c., art. 103 D.L. 18/2020):</para>
/// <list type="number">
/// <item>A term of N days runs on calendar days and excludes its first day (<i>dies a quo non
/// computatur</i>): started on S, it ends on S + N, holidays included in the count.</item>
/// <item>If the last day is a holiday (weekly rest day, national holiday, Easter Monday), the term
/// ends on the next working day. A patron-saint day counts only where the law makes it a public
/// holiday (Rome) or the municipality chose so (<see cref="ItalianCalendar.MovesTermEnd"/>).
/// Saturdays are working days. A last day inside a national suspension period is moved past it
/// as well (procedural terms only).</item>
/// <item>Suspension by event: the suspending day counts as run (the term was running during it);
/// the days after it up to and including the resuming day do not; counting restarts the day
/// after the resuming event, which is thus treated like a new excluded first day. A suspension
/// from A to B therefore adds exactly B − A days. Suspensions beyond
/// <see cref="LegalTermDefinition.MaxSuspensions"/> are ignored (the law allows the office only
/// that many; a further request does not stop the clock).</item>
/// <item>Delayed and automatic resume (art. 10-bis L. 241/1990 as amended by D.L. 76/2020): with
/// <see cref="LegalTermDefinition.ResumeDelayDays"/> a resuming event dated R resumes the term as if
/// the resuming event were dated R + delay; with <see cref="LegalTermDefinition.ResumeAfterDays"/> a
/// term suspended on S with no resuming event by S + N resumes as if resumed on S + N. A resuming
/// event dated exactly S + N still counts (the window includes its last day).</item>
/// <item>Terms in years (<see cref="LegalTermDefinition.Years"/>) end on the same day of the month
/// of the final year (art. 2963 c. 4 c.c.); their length in days is fixed at each (re)start.</item>
/// <item>Interruption: the days already run are lost; the term runs again in full from the
/// restarting event (excluded), or from the interrupting event itself when the definition names
/// no restart.</item>
/// <item>National suspension periods stop procedural terms only (<see cref="TermKind"/>): the
/// validity of a title and the cap on self-redress run through them. For a procedural term, days inside a period never count. A term started before
/// the period stops at its start and goes on after its end; a term started inside it runs from
/// the day after the period ends (as art. 103 c. 1 D.L. 18/2020 requires: the period is not
/// taken into account in computing terms).</item>
/// <item>Met: an event of <see cref="LegalTermDefinition.MetBy"/> on or before the due date (or
/// while suspended) meets the term. After the due date the term is Expired at the day of the
/// computation, whatever happens later; late events are listed in
/// <see cref="TermStatus.IgnoredEvents"/>. A term is still Running on its due date.</item>
/// <item>Doubling (<see cref="LegalTermDefinition.Doubling"/>, e.g. art. 20 c. 7 D.P.R. 380/2001): a
/// term doubled from the start runs <see cref="TermDoubling.Days"/> days from every (re)start; a
/// doubling event adds the extra days to a running or paused term (and to every later restart),
/// has no effect on a term already met or expired, and none on a term already doubled (the
/// causes do not cumulate).</item>
/// <item>Terms in months (<see cref="LegalTermDefinition.Months"/>) end on the same day of the final
/// month or on its last day (art. 2963 c. 4 c.c.); a term with <see cref="LegalTermDefinition.Periods"/>
/// takes the length of the period its start falls in. A term with
/// <see cref="LegalTermDefinition.StartOnExpiryOf"/> also starts on the due date of that term once it
/// has expired.</item>
/// <item>Several causes of suspension (<see cref="LegalTermDefinition.SuspensionCauses"/>): a term
/// suspended for one cause resumes only on that cause's events and rules.</item>
/// <item>Only events dated on or before the day of the computation are taken into account;
/// events on the same day apply in the order given.</item>
/// </list>
/// </remarks>
public static class LegalClock
{
    /// <summary>Computes the status of every term on <paramref name="today"/>.</summary>
    /// <param name="terms">The terms of the procedure.</param>
    /// <param name="events">The events of one application, in chronological order (ties keep their order).</param>
    /// <param name="calendar">The calendar with holidays and national suspension periods.</param>
    /// <param name="municipality">ISTAT code of the municipality whose office must act (its patron day is a holiday).</param>
    /// <param name="today">The day of the computation; never read from the system clock.</param>
    /// <returns>One status per term, in the order of <paramref name="terms"/>.</returns>
    /// <exception cref="ArgumentException">A term has fewer than 1 day.</exception>
    public static IReadOnlyList<TermStatus> Compute(
        IReadOnlyList<LegalTermDefinition> terms,
        IReadOnlyList<ClockEvent> events,
        ItalianCalendar calendar,
        string municipality,
        DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(municipality);

        // OrderBy is stable: events on the same day keep the order they were given in.
        ClockEvent[] known = [.. events.Where(e => e.Date <= today).OrderBy(e => e.Date)];
        var statuses = new TermStatus[terms.Count];
        for (var i = 0; i < terms.Count; i++)
        {
            if (terms[i].StartOnExpiryOf is null)
            {
                statuses[i] = ComputeTerm(terms[i], known, calendar, municipality, today);
            }
        }

        // Terms that start when another expires: that term's due date is their excluded first day.
        for (var i = 0; i < terms.Count; i++)
        {
            if (terms[i].StartOnExpiryOf is not { } source)
            {
                continue;
            }

            var index = IndexOf(terms, source);
            if (index < 0 || terms[index].StartOnExpiryOf is not null)
            {
                throw new ArgumentException(
                    $"Term '{terms[i].Id}' starts on the expiry of '{source}', which is not a term of the list that starts on events.", nameof(terms));
            }

            var withExpiry = known;
            if (statuses[index] is { State: TermState.Expired, DueDate: { } due })
            {
                // After the events of the due date: on that day the other term could still be met.
                var at = Array.FindLastIndex(known, e => e.Date <= due) + 1;
                withExpiry = [.. known[..at], new ClockEvent(ExpiryEvent(source), due), .. known[at..]];
            }

            statuses[i] = ComputeTerm(terms[i], withExpiry, calendar, municipality, today);
        }

        return statuses;
    }

    /// <summary>The name of the synthetic event marking the expiry of term <paramref name="termId"/>.</summary>
    public static string ExpiryEvent(string termId) => "expiry:" + termId;

    private static int IndexOf(IReadOnlyList<LegalTermDefinition> terms, string id)
    {
        for (var i = 0; i < terms.Count; i++)
        {
            if (string.Equals(terms[i].Id, id, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static TermStatus ComputeTerm(
        LegalTermDefinition term, ClockEvent[] events, ItalianCalendar calendar, string municipality, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(term);
        if (term.Periods.Count > 0
            ? term.Periods.Any(p => (p.Months is null) == (p.Days is null) || (p.Months ?? p.Days) < 1)
            : term.Years is { } years ? years < 1 : term.Months is { } months ? months < 1 : term.Days < 1)
        {
            throw new ArgumentException($"Term '{term.Id}' must last at least one day.", nameof(term));
        }

        if (term.Doubling is { } doubling && (term.Years is not null || term.Months is not null || term.Periods.Count > 0 || doubling.Days <= term.Days))
        {
            throw new ArgumentException($"Term '{term.Id}': only a term in days can be doubled, to more days than it has.", nameof(term));
        }

        var run = new TermRun(term, calendar, municipality);
        var ignored = new List<ClockEvent>();
        foreach (var clockEvent in events)
        {
            if (!run.IsRelevant(clockEvent))
            {
                continue;
            }

            run.AdvanceBefore(clockEvent.Date);
            if (!run.Apply(clockEvent))
            {
                ignored.Add(clockEvent);
            }
        }

        run.AdvanceThrough(today);
        return run.ToStatus(today, ignored);
    }

    /// <summary>The mutable state of one term while the events are replayed.</summary>
    private sealed class TermRun(LegalTermDefinition term, ItalianCalendar calendar, string municipality)
    {
        private Phase _phase = Phase.NotStarted;
        private DateOnly _start;
        private DateOnly? _restartedOn;

        // Counting goes on from the day after _from; _counted term days were used before it.
        private DateOnly _from;
        private int _counted;

        // Non-counting days of the current run before _from.
        private int _suspendedDays;
        private DateOnly _pausedAt;
        private int _suspensions;

        // The causes of suspension (the definition's own first) and how often each was applied.
        private readonly TermSuspensionCause[] _causes = CausesOf(term);
        private readonly int[] _suspensionsByCause = new int[CausesOf(term).Length];
        private TermSuspensionCause? _activeCause;
        private int _interruptions;
        private DateOnly? _metOn;

        // Length of the current run in days (fixed at the (re)start for terms in years).
        private int _days = term.Days;

        // Doubled (art. 20 c. 7 D.P.R. 380/2001): from the start, or by an event on a date.
        private bool _doubled = term.Doubling?.FromStart == true;
        private string? _doubledBy;
        private DateOnly? _doubledOn;

        // A suspended term that will resume by itself on this day (delayed or automatic resume).
        private DateOnly? _resumeAt;
        private bool _resumeRequested;

        // Cached for the current running segment; reset whenever the segment changes.
        private DateOnly? _nominalEnd;
        private DateOnly? _due;

        private enum Phase
        {
            NotStarted,
            Running,
            Suspended,
            Interrupted,
            Met,
            Expired,
        }

        public bool IsRelevant(ClockEvent clockEvent)
        {
            var name = clockEvent.Name;
            return IsStart(name)
                || term.MetBy.Contains(name, StringComparer.Ordinal)
                || _causes.Any(c => c.On.Contains(name, StringComparer.Ordinal) || c.ResumeOn.Contains(name, StringComparer.Ordinal))
                || term.InterruptOn.Contains(name, StringComparer.Ordinal)
                || term.RestartOn.Contains(name, StringComparer.Ordinal)
                || IsDoubling(name);
        }

        /// <summary>Lets time pass up to the day before <paramref name="date"/>.</summary>
        public void AdvanceBefore(DateOnly date)
        {
            if (_phase == Phase.Suspended && _resumeAt is { } resume && resume < date)
            {
                Resume(resume);
            }

            if (_phase == Phase.Interrupted && AutoRestartDate() is { } restart && restart < date)
            {
                Restart(restart);
            }

            if (_phase == Phase.Running && Due() < date)
            {
                _phase = Phase.Expired;
            }
        }

        /// <summary>Lets time pass through the whole of <paramref name="today"/>.</summary>
        public void AdvanceThrough(DateOnly today)
        {
            if (_phase == Phase.Suspended && _resumeAt is { } resume && resume <= today)
            {
                Resume(resume);
            }

            if (_phase == Phase.Interrupted && AutoRestartDate() is { } restart && restart <= today)
            {
                Restart(restart);
            }

            if (_phase == Phase.Running && Due() < today)
            {
                _phase = Phase.Expired;
            }
        }

        /// <summary>Applies one relevant event; false when the event has no effect.</summary>
        public bool Apply(ClockEvent clockEvent)
        {
            var name = clockEvent.Name;
            var date = clockEvent.Date;
            if (_phase == Phase.NotStarted)
            {
                if (IsDoubling(name))
                {
                    // Decided before the term starts: it will run doubled.
                    return Double(name, date);
                }

                if (!IsStart(name))
                {
                    return false;
                }

                _phase = Phase.Running;
                _start = date;
                _from = date;
                _days = LengthFrom(date);
                return true;
            }

            if (_phase is Phase.Met or Phase.Expired || IsStart(name))
            {
                return false;
            }

            if (IsDoubling(name))
            {
                // Running, suspended or interrupted: the current run gets the extra days, and so
                // does every later restart (LengthFrom).
                var before = _days;
                if (!Double(name, date))
                {
                    return false;
                }

                _days = before + (term.Doubling!.Days - term.Days);
                ResetSegment();
                return true;
            }

            if (term.MetBy.Contains(name, StringComparer.Ordinal))
            {
                if (_phase == Phase.Running)
                {
                    _due = Due();
                    _suspendedDays += NationalDays(_from, date);
                }
                else
                {
                    _due = null;
                }

                _phase = Phase.Met;
                _metOn = date;
                return true;
            }

            if (term.InterruptOn.Contains(name, StringComparer.Ordinal))
            {
                if (_phase == Phase.Interrupted || _interruptions >= (term.MaxInterruptions ?? int.MaxValue))
                {
                    return false;
                }

                _interruptions++;
                if (term.RestartOn.Count == 0 && term.RestartAfterDays is null)
                {
                    Restart(date);
                }
                else
                {
                    _phase = Phase.Interrupted;
                    _pausedAt = date;
                    ResetSegment();
                }

                return true;
            }

            if (_phase == Phase.Interrupted && term.RestartOn.Contains(name, StringComparer.Ordinal))
            {
                Restart(date);
                return true;
            }

            if (_phase == Phase.Suspended && _activeCause is { } active && active.ResumeOn.Contains(name, StringComparer.Ordinal))
            {
                if (_resumeRequested)
                {
                    return false;
                }

                if (active.ResumeDelayDays > 0)
                {
                    // Art. 10-bis L. 241/1990 (2020): the term runs again only N days after the observations.
                    _resumeRequested = true;
                    _resumeAt = date.AddDays(active.ResumeDelayDays);
                    return true;
                }

                Resume(date);
                return true;
            }

            var cause = Array.FindIndex(_causes, c => c.On.Contains(name, StringComparer.Ordinal));
            if (_phase == Phase.Running && cause >= 0)
            {
                if (_suspensionsByCause[cause] >= (_causes[cause].MaxSuspensions ?? int.MaxValue))
                {
                    return false;
                }

                _suspensionsByCause[cause]++;
                _suspensions++;
                _activeCause = _causes[cause];
                var counted = CountedDays(_from, date);
                _suspendedDays += date.DayNumber - _from.DayNumber - counted;
                // A suspension on a day of grace (after the last counted day, before the holiday-moved
                // due date) leaves no day to run: the term then ends on the resuming day.
                _counted += Math.Min(counted, _days - _counted);
                _phase = Phase.Suspended;
                _pausedAt = date;
                _resumeRequested = false;
                _resumeAt = _activeCause.ResumeAfterDays is { } after ? date.AddDays(after) : null;
                ResetSegment();
                return true;
            }

            return false;
        }

        public TermStatus ToStatus(DateOnly today, List<ClockEvent> ignored)
        {
            var status = new TermStatus
            {
                TermId = term.Id,
                Name = term.Name,
                State = TermState.NotStarted,
                StartDate = _phase == Phase.NotStarted ? null : _start,
                RestartedOn = _restartedOn,
                Suspensions = _suspensions,
                Interruptions = _interruptions,
                OnExpiry = term.OnExpiry,
                Doubling = DoublingStatus(),
                LegalBasis = term.LegalBasis,
                IgnoredEvents = ignored,
            };

            switch (_phase)
            {
                case Phase.Running:
                case Phase.Expired:
                {
                    var due = Due();
                    var nominalEnd = _nominalEnd!.Value;
                    var usedUntil = today < nominalEnd ? today : nominalEnd;
                    return status with
                    {
                        State = _phase == Phase.Running ? TermState.Running : TermState.Expired,
                        DueDate = due,
                        DaysRemaining = due.DayNumber - today.DayNumber,
                        TermDaysLeft = _phase == Phase.Running
                            ? Math.Max(0, _days - _counted - CountedDays(_from, usedUntil))
                            : null,
                        SuspendedDays = _suspendedDays + NationalDays(_from, nominalEnd),
                    };
                }

                case Phase.Suspended:
                    return status with
                    {
                        State = TermState.Suspended,
                        TermDaysLeft = _days - _counted,
                        ResumesOn = _resumeAt,
                        SuspendedDays = _suspendedDays + (today.DayNumber - _pausedAt.DayNumber),
                    };

                case Phase.Interrupted:
                    return status with
                    {
                        State = TermState.Suspended,
                        TermDaysLeft = _days,
                        ResumesOn = AutoRestartDate(),
                        SuspendedDays = today.DayNumber - _pausedAt.DayNumber,
                    };

                case Phase.Met:
                    return status with
                    {
                        State = TermState.Met,
                        DueDate = _due,
                        MetOn = _metOn,
                        SuspendedDays = _suspendedDays,
                    };

                default:
                    return status;
            }
        }

        private bool IsDoubling(string name) =>
            term.Doubling is { } doubling && doubling.On.Contains(name, StringComparer.Ordinal);

        /// <summary>Marks the term doubled by <paramref name="name"/>; false when it already is (the causes do not cumulate).</summary>
        private bool Double(string name, DateOnly date)
        {
            if (_doubled)
            {
                return false;
            }

            _doubled = true;
            _doubledBy = name;
            _doubledOn = date;
            return true;
        }

        private TermDoublingStatus? DoublingStatus()
        {
            if (term.Doubling is not { } doubling)
            {
                return null;
            }

            var reason = _doubledBy is { } by
                ? new Legal.LocalizedText(
                    $"Termine raddoppiato a {doubling.Days} giorni dal {_doubledOn:dd/MM/yyyy} ({by}).",
                    $"Term doubled to {doubling.Days} days from {_doubledOn:yyyy-MM-dd} ({by}).")
                : doubling.Reason ?? (_doubled
                    ? new Legal.LocalizedText($"Termine raddoppiato a {doubling.Days} giorni.", $"Term doubled to {doubling.Days} days.")
                    : new Legal.LocalizedText($"Termine non raddoppiato ({term.Days} giorni).", $"Term not doubled ({term.Days} days)."));
            return new TermDoublingStatus
            {
                Doubled = _doubled,
                Days = _doubled ? doubling.Days : term.Days,
                Event = _doubledBy,
                From = _doubledOn,
                Reason = reason,
                LegalBasis = doubling.LegalBasis,
            };
        }

        private DateOnly? AutoRestartDate() =>
            term.RestartAfterDays is { } days ? _pausedAt.AddDays(days) : null;

        private bool IsStart(string name) =>
            string.Equals(name, term.StartEvent, StringComparison.Ordinal)
            || term.AlternativeStartEvents.Contains(name, StringComparer.Ordinal)
            || (term.StartOnExpiryOf is { } source && string.Equals(name, ExpiryEvent(source), StringComparison.Ordinal));

        /// <summary>The length in days of a run starting on <paramref name="start"/> (art. 2963 c. 4 c.c. for months and years).</summary>
        private int LengthFrom(DateOnly start)
        {
            if (term.Periods.Count > 0)
            {
                var period = term.Periods.OrderBy(p => p.From).LastOrDefault(p => p.From <= start) ?? term.Periods.MinBy(p => p.From)!;
                return period.LengthFrom(start);
            }

            return term.Years is { } years ? start.AddYears(years).DayNumber - start.DayNumber
                : term.Months is { } months ? start.AddMonths(months).DayNumber - start.DayNumber
                : _doubled ? term.Doubling!.Days : term.Days;
        }

        private static TermSuspensionCause[] CausesOf(LegalTermDefinition term) =>
        [
            .. term.SuspendOn.Count == 0 ? [] : new[]
            {
                new TermSuspensionCause
                {
                    On = term.SuspendOn,
                    ResumeOn = term.ResumeOn,
                    ResumeDelayDays = term.ResumeDelayDays,
                    ResumeAfterDays = term.ResumeAfterDays,
                    MaxSuspensions = term.MaxSuspensions,
                    LegalBasis = term.LegalBasis,
                },
            },
            .. term.SuspensionCauses,
        ];

        /// <summary>Whether a national suspension period stops this term on <paramref name="day"/> (procedural terms only).</summary>
        private bool NationallySuspended(DateOnly day) =>
            term.Kind == TermKind.Procedural && calendar.IsInSuspensionPeriod(day);

        private void Resume(DateOnly date)
        {
            _suspendedDays += date.DayNumber - _pausedAt.DayNumber;
            _from = date;
            _phase = Phase.Running;
            _resumeAt = null;
            _resumeRequested = false;
            _activeCause = null;
            ResetSegment();
        }

        private void Restart(DateOnly date)
        {
            _days = LengthFrom(date);
            _from = date;
            _counted = 0;
            _suspendedDays = 0;
            _restartedOn = date;
            _phase = Phase.Running;
            ResetSegment();
        }

        private void ResetSegment()
        {
            _nominalEnd = null;
            _due = null;
        }

        /// <summary>The due date of the running segment, moved off holidays and suspension periods.</summary>
        private DateOnly Due()
        {
            if (_due is { } cached)
            {
                return cached;
            }

            var day = _from;
            var left = _days - _counted;
            while (left > 0)
            {
                day = day.AddDays(1);
                if (!NationallySuspended(day))
                {
                    left--;
                }
            }

            _nominalEnd = day;
            while (calendar.MovesTermEnd(day, municipality) || NationallySuspended(day))
            {
                day = day.AddDays(1);
            }

            // A term expiring within a statutory window keeps running to the day the law sets.
            if (term.Extensions.FirstOrDefault(e => day >= e.ExpiringFrom && day <= e.ExpiringTo && e.ValidUntil > day) is { } extension)
            {
                day = extension.ValidUntil;
                while (calendar.MovesTermEnd(day, municipality) || NationallySuspended(day))
                {
                    day = day.AddDays(1);
                }
            }

            _due = day;
            return day;
        }

        /// <summary>Days in (<paramref name="from"/>, <paramref name="to"/>] outside national suspension periods.</summary>
        private int CountedDays(DateOnly from, DateOnly to) =>
            Math.Max(0, to.DayNumber - from.DayNumber) - NationalDays(from, to);

        /// <summary>Days in (<paramref name="from"/>, <paramref name="to"/>] inside national suspension periods.</summary>
        private int NationalDays(DateOnly from, DateOnly to)
        {
            // Day by day, so that overlapping or adjacent periods (a suspension and its extension)
            // are never counted twice.
            var days = 0;
            for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
            {
                if (NationallySuspended(day))
                {
                    days++;
                }
            }

            return days;
        }
    }
}
