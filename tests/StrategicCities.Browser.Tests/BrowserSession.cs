using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace StrategicCities.Browser.Tests;

/// <summary>
/// One API on a free 127.0.0.1 port (real Kestrel: the browser needs real HTTP) and one headless Chromium for the
/// whole run. Chromium is Debian's /usr/bin/chromium (scripts/ci/chromium.sh); Playwright never downloads a browser.
/// Without it the tests are ignored with the reason, or fail with the fix when CI=true.
/// </summary>
[SetUpFixture]
public sealed class BrowserSession
{
    /// <summary>Debian's Chromium; override with CHROMIUM_PATH.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static readonly string[] LaunchArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private static Server? _server;
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    public static Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public static IServiceProvider Services => _server?.Services ?? throw new InvalidOperationException("The API is not running.");

    public static IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium is not running.");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            var message = $"Chromium not found at {ChromiumPath}: install it with `bash scripts/ci/chromium.sh` " +
                "(apt-get install -y chromium), or set CHROMIUM_PATH. Do not run `playwright install`.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail("CI=true and the browser tests cannot run. " + message);
            }

            // Progress goes to the console at any verbosity: the skip is visible, not only in the TRX.
            await TestContext.Progress.WriteLineAsync("Browser tests ignored: " + message);
            Assert.Ignore(message);
        }

        _server = new Server();
        _server.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _server.StartServer();
        var address = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = LaunchArgs,
            Timeout = 60_000,
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>The API on the repository's rules, production settings.</summary>
    private sealed class Server : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Catalog:RulesPath", RepoPaths.Rules);
            // Keeps Program's default (localhost:5080) out of the way; Kestrel listens where UseKestrel says.
            builder.UseSetting("urls", "http://127.0.0.1:0");
            // A fresh SQLite file per run (never data/ in the source tree); the dashboard tests seed it.
            builder.UseSetting("Database:ConnectionString", "sqlite:Data Source=" + Path.Combine(Path.GetTempPath(), "sc-browser-tests", Guid.NewGuid().ToString("N") + ".db"));
            builder.UseSetting("Sweep:Enabled", "false");
        }
    }
}
