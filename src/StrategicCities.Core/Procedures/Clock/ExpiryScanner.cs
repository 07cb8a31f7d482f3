namespace StrategicCities.Core.Procedures.Clock;

/// <summary>
/// Finds the expired terms whose expiry trigger must be fired (e.g. silenzio-assenso on a
/// permesso di costruire, art. 20 c. 8 D.P.R. 380/2001). Pure and idempotent: once the caller
/// records the trigger as a <see cref="ClockEvent"/> dated after the due date, the term is no
/// longer returned.
/// </summary>
public static class ExpiryScanner
{
    /// <summary>The expired terms with an unfired <see cref="LegalTermDefinition.OnExpiry"/> trigger, on <paramref name="now"/>.</summary>
    /// <param name="applications">The applications to scan.</param>
    /// <param name="calendar">The calendar.</param>
    /// <param name="now">The day of the scan; never read from the system clock.</param>
    public static IReadOnlyList<ExpiredTerm> Scan(IReadOnlyList<ExpiryScanItem> applications, ItalianCalendar calendar, DateOnly now)
    {
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(calendar);

        var expired = new List<ExpiredTerm>();
        foreach (var application in applications)
        {
            var statuses = LegalClock.Compute(application.Terms, application.Events, calendar, application.Municipality, now);
            foreach (var status in statuses)
            {
                if (status is not { State: TermState.Expired, OnExpiry: { } trigger, DueDate: { } due })
                {
                    continue;
                }

                var fired = application.Events.Any(e =>
                    string.Equals(e.Name, trigger, StringComparison.Ordinal) && e.Date > due && e.Date <= now);
                if (!fired)
                {
                    expired.Add(new ExpiredTerm(application.ApplicationId, status.TermId, due, trigger, status.LegalBasis));
                }
            }
        }

        return expired;
    }
}
