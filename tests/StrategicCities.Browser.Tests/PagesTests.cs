using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace StrategicCities.Browser.Tests;

/// <summary>The landing page (/) and the API reference's host page (/scalar): language, landmarks, contrast (issue 22).</summary>
[TestFixture]
public sealed class PagesTests
{
    private IBrowserContext? _context;

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
    public async Task Home_Rendered_HasMainViewportMarkedEnglishAndNoSeriousViolation()
    {
        var page = await OpenAsync("/", 1280);
        await Expect(page.Locator("main")).ToHaveCountAsync(1);
        await Expect(page.Locator("meta[name='viewport']")).ToHaveCountAsync(1);
        await Expect(page.Locator("main h2 [lang='en']").First).ToHaveTextAsync("For citizens and offices");
        await Axe.AssertNoSeriousViolationsAsync(page, "/");
    }

    [Test]
    public async Task Home_At320CssPixels_ReflowsWithoutHorizontalScrolling()
    {
        var page = await OpenAsync("/", 320);
        Assert.That(await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), Is.LessThanOrEqualTo(320));
    }

    [Test]
    public async Task ApiReference_Rendered_IsMarkedEnglishAndHasNoSeriousViolation()
    {
        var page = await OpenAsync("scalar", 1280);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        // Scalar renders the reference after loading the OpenAPI document.
        await Expect(page.Locator("text=StrategicCities").First).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "/scalar");
    }

    private async Task<IPage> OpenAsync(string address, int width)
    {
        _context = await BrowserSession.Browser.NewContextAsync(new()
        {
            BaseURL = BrowserSession.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 800 },
        });
        var page = await _context.NewPageAsync();
        await page.GotoAsync(address);
        return page;
    }
}
