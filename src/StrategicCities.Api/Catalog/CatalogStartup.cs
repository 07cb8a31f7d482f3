using System.Runtime.InteropServices;
using StrategicCities.Api.Logging;
using StrategicCities.Core.Catalog;

namespace StrategicCities.Api.Catalog;

/// <summary>
/// Loads and verifies the law catalog (rules, form schemas, procedures, calendars) before the server starts listening.
/// If anything is refused, every problem is logged and start fails: the service never serves half-checked law. On
/// POSIX systems, SIGHUP reloads the catalog as <c>POST /api/v1/catalog/reload</c> does.
/// </summary>
public sealed class CatalogStartup(LoadedCatalog loaded, ILogger<CatalogStartup> logger) : IHostedService, IDisposable
{
    private PosixSignalRegistration? _hangup;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Core.Law.LawCatalogLoadResult result;
        try
        {
            result = await loaded.LoadAsync(cancellationToken);
        }
        catch (DirectoryNotFoundException ex)
        {
            Log.CatalogNotFound(logger, ex.Message);
            throw new InvalidOperationException(
                $"The rule catalog was not found: {ex.Message} Set Catalog:RulesPath or {CatalogSources.RootVariable}.", ex);
        }

        if (!result.Succeeded)
        {
            // The exception carries the same list, so it is printed even if logging is off.
            throw new InvalidDataException("The rule catalog was refused:" + Environment.NewLine + string.Join(Environment.NewLine, result.Problems));
        }

        if (!OperatingSystem.IsWindows())
        {
            _hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
            {
                // The host must not stop on SIGHUP; the reload runs aside and logs its own outcome.
                context.Cancel = true;
                _ = Task.Run(() => loaded.LoadAsync(CancellationToken.None));
            });
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public void Dispose() => _hangup?.Dispose();
}
