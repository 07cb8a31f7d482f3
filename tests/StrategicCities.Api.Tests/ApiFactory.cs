using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace StrategicCities.Api.Tests;

/// <summary>The API in memory, on the repository's rules, with a fake clock and captured logs.</summary>
internal sealed class ApiFactory(
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    /// <summary>2025-06-30 22:30 UTC is already 2025-07-01 in Rome (CEST).</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 6, 30, 22, 30, 0, TimeSpan.Zero));

    public LogCollector Logs { get; } = new();

    /// <summary>The SQLite file of this factory (a setting Database:ConnectionString overrides it).</summary>
    public string DatabaseFile { get; } = Path.Combine(Path.GetTempPath(), "sc-api-tests", Guid.NewGuid().ToString("N") + ".db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Catalog:RulesPath", RepoPaths.Rules);
        // A fresh SQLite file per factory (never data/ in the source tree); the sweep only runs when a test calls it.
        builder.UseSetting("Database:ConnectionString", "sqlite:Data Source=" + DatabaseFile);
        builder.UseSetting("Sweep:Enabled", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureServices(s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(Clock);
            services?.Invoke(s);
        });
    }
}
