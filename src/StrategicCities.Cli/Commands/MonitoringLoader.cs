using StrategicCities.Core.Procedures;
using StrategicCities.Core.Procedures.Clock;

namespace StrategicCities.Cli.Commands;

/// <summary>Loads the procedures and the legal calendar the seed and stats commands need.</summary>
internal static class MonitoringLoader
{
    public static async Task<(ProcedureCatalog? Procedures, ItalianCalendar? Calendar)> LoadAsync(CliContext context, string? rulesPath, CancellationToken ct)
    {
        var (catalog, sources) = await context.LoadCatalogAsync(rulesPath, ct);
        if (catalog is null || sources is null)
        {
            return (null, null);
        }

        var loaded = await ProcedureLoader.LoadAsync(sources, catalog, ct);
        var calendar = await CalendarLoader.LoadAsync(Path.Combine(sources.RulesDirectory, "calendars"), ct);
        if (!loaded.Succeeded || !calendar.IsSuccess)
        {
            await context.Error.WriteLineAsync("error: the procedures or the calendars do not load (run 'permits lint' for details)");
            return (null, null);
        }

        return (loaded.Catalog, calendar.Calendar);
    }
}
