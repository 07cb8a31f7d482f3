using Microsoft.Extensions.Options;
using StrategicCities.Api.Catalog;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Procedures.Clock;

namespace StrategicCities.Api.Intake;

/// <summary>The legal calendar (holidays, suspensions) from <c>rules/calendars</c>, loaded once on first use.</summary>
public sealed class LegalCalendarProvider(IOptions<CatalogOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ItalianCalendar? _calendar;

    /// <summary>The calendar.</summary>
    /// <exception cref="InvalidDataException">The calendar files are refused (a deployment fault).</exception>
    public async Task<ItalianCalendar> GetAsync(CancellationToken cancellationToken)
    {
        if (_calendar is { } loaded)
        {
            return loaded;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_calendar is null)
            {
                var path = options.Value.RulesPath;
                var sources = CatalogSources.Discover(string.IsNullOrWhiteSpace(path) ? null : path);
                var result = await CalendarLoader.LoadAsync(Path.Combine(sources.RulesDirectory, "calendars"), cancellationToken);
                _calendar = result.IsSuccess ? result.Calendar
                    : throw new InvalidDataException($"The legal calendar was refused ({result.Errors.Count} problems).");
            }

            return _calendar!;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();
}
