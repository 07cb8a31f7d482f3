using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StrategicCities.Api.Intake;
using StrategicCities.Core.Monitoring.Seeding;
using StrategicCities.Core.Procedures;
using StrategicCities.Data;
using StrategicCities.Data.ApiKeys;
using StrategicCities.Data.Monitoring;
using static Microsoft.Playwright.Assertions;

namespace StrategicCities.Browser.Tests;

/// <summary>The monitoring dashboard (/dashboard) on a seeded database, as a supervisor, in headless Chromium.</summary>
[TestFixture]
public sealed partial class DashboardTests
{
    private static readonly DateOnly Today = new(2025, 6, 30);
    private IBrowserContext? _context;
    private string _key = "";
    private string _adminKey = "";
    private SeedOffice _office = null!;

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        var services = BrowserSession.Services;
        var calendar = await services.GetRequiredService<LegalCalendarProvider>().GetAsync(CancellationToken.None);
        var generator = new SeedGenerator(services.GetRequiredService<ProcedureCatalog>(), calendar, Today, 3);
        var seeded = generator.Generate(1500).ToList();
        var writer = new BulkApplicationWriter(services.GetRequiredService<DatabaseFactory>());
        await writer.WriteOfficesAsync(generator.Offices, DateTimeOffset.UtcNow);
        await writer.WriteApplicationsAsync(seeded);
        // A joint office (several municipalities) when there is one, so the compliance chart has several bars.
        _office = generator.Offices.OrderByDescending(o => o.Municipalities.Count)
            .ThenByDescending(o => seeded.Count(a => o.Municipalities.Contains(a.Municipality))).First();
        _adminKey = (await services.GetRequiredService<ApiKeyStore>().CreateAsync(ApiKeyRoles.Admin, null, "dashboard-admin")).Secret!;
        _key = (await services.GetRequiredService<ApiKeyStore>().CreateAsync(ApiKeyRoles.Supervisor, _office.Id, "dashboard")).Secret!;
    }

    [SetUp]
    public void SetTimeouts() => SetDefaultExpectTimeout(15_000);

    [TearDown]
    public async Task CloseAsync()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
        }
    }

    [Test]
    public async Task Dashboard_RendersTheThreeCharts_AndAppliesAFilter()
    {
        _context = await BrowserSession.Browser.NewContextAsync(new()
        {
            BaseURL = BrowserSession.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 1100 },
        });
        var page = await _context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                errors.Add(m.Text);
            }
        };

        await page.GotoAsync("dashboard?key=" + Uri.EscapeDataString(_key));
        await Expect(page.Locator("body[data-loaded='true']")).ToHaveCountAsync(1);
        Assert.That(page.Url, Does.Not.Contain("key="), "the key is removed from the address bar");
        foreach (var chart in new[] { "backlog", "durations", "compliance" })
        {
            Assert.That(await page.Locator($"#{chart} svg rect.bar").CountAsync(), Is.GreaterThan(0), chart);
        }

        Assert.That(await page.Locator("#compliance svg rect.bar").CountAsync(), Is.EqualTo(_office.Municipalities.Count).Or.LessThan(_office.Municipalities.Count + 1));
        var monthsBefore = await page.Locator("#backlog svg rect.bar[data-series^='Presentate']").CountAsync();
        var municipality = _office.Municipalities[0];

        await page.FillAsync("#municipality", municipality);
        await page.FillAsync("#from", "2025-01-01");
        await page.ClickAsync("#apply");
        await Expect(page.Locator($"body[data-query='municipality={municipality}&from=2025-01-01'][data-loaded='true']")).ToHaveCountAsync(1);
        var monthsAfter = await page.Locator("#backlog svg rect.bar[data-series^='Presentate']").CountAsync();
        var labels = await page.Locator("#backlog svg rect.bar").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.label)");
        Assert.Multiple(async () =>
        {
            Assert.That(monthsAfter, Is.LessThan(monthsBefore));
            Assert.That(labels, Is.All.GreaterThanOrEqualTo("2025-01"));
            Assert.That(await page.Locator("#compliance svg rect.bar").CountAsync(), Is.LessThanOrEqualTo(1));
            Assert.That(await page.EvaluateAsync<string>("() => sessionStorage.getItem('strategiccities.dashboard.key')"), Is.EqualTo(_key));
        });

        // The whole deployment (an admin key) for the picture: every municipality in the compliance chart.
        await page.FillAsync("#key", _adminKey);
        await page.FillAsync("#municipality", "");
        await page.FillAsync("#from", "");
        await page.ClickAsync("#apply");
        await Expect(page.Locator("body[data-query=''][data-loaded='true']")).ToHaveCountAsync(1);
        Assert.That(await page.Locator("#compliance svg rect.bar").CountAsync(), Is.GreaterThan(10));
        var file = Path.Combine(RepoPaths.Screenshots, "dashboard.png");
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });
        TestContext.AddTestAttachment(file, "dashboard");
        Assert.That(errors, Is.Empty, "no script errors nor CSP violations");
    }

    [Test]
    public async Task Dashboard_WithoutAValidKey_SaysSo()
    {
        _context = await BrowserSession.Browser.NewContextAsync(new() { BaseURL = BrowserSession.BaseAddress.ToString() });
        var page = await _context.NewPageAsync();
        await page.GotoAsync("dashboard?key=sck_wrong");
        await Expect(page.Locator("body[data-loaded='error']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#error[role='alert']")).ToContainTextAsync("Errore");
    }
}
