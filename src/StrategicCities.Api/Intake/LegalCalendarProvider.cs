using StrategicCities.Api.Catalog;
using StrategicCities.Core.Procedures.Clock;

namespace StrategicCities.Api.Intake;

/// <summary>The legal calendar of the catalog serving now (loaded and verified with the rules, at start and on reload).</summary>
public sealed class LegalCalendarProvider(LoadedCatalog loaded)
{
    /// <summary>The calendar.</summary>
    public Task<ItalianCalendar> GetAsync(CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? Task.FromCanceled<ItalianCalendar>(cancellationToken) : Task.FromResult(loaded.Current.Calendar);
}
