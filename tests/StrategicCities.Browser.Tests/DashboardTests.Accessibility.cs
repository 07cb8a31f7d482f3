using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace StrategicCities.Browser.Tests;

/// <summary>WCAG 2.1 AA (AgID guidelines) on the dashboard (issue 22): axe, charts' text equivalent, colours, errors, reflow.</summary>
public sealed partial class DashboardTests
{
    private const string Loaded = "body[data-loaded='true']";

    [Test]
    public async Task Axe_BeforeAKeyWithChartsAndAfterWrongInput_NoSeriousOrCriticalViolation()
    {
        var page = await OpenDashboardAsync("dashboard");
        await Axe.AssertNoSeriousViolationsAsync(page, "before a key");

        await page.FillAsync("#key", _key);
        await page.ClickAsync("#apply");
        await Expect(page.Locator(Loaded)).ToHaveCountAsync(1);
        foreach (var summary in await page.Locator(".figures summary").AllAsync())
        {
            await summary.ClickAsync();
        }

        await Axe.AssertNoSeriousViolationsAsync(page, "charts and their tables");

        await page.FillAsync("#municipality", "1514");
        await page.ClickAsync("#apply");
        await Expect(page.Locator("#municipality[aria-invalid='true']")).ToHaveCountAsync(1);
        await Axe.AssertNoSeriousViolationsAsync(page, "a wrong ISTAT code");

        await page.FillAsync("#municipality", "");
        await page.FillAsync("#key", "sck_wrong");
        await page.ClickAsync("#apply");
        await Expect(page.Locator("body[data-loaded='error']")).ToHaveCountAsync(1);
        await Axe.AssertNoSeriousViolationsAsync(page, "a wrong key");
    }

    [Test]
    public async Task Charts_AfterAKey_ComeWithATableOfTheirFigures()
    {
        var page = await OpenDashboardAsync("dashboard?key=" + Uri.EscapeDataString(_key));
        await Expect(page.Locator(Loaded)).ToHaveCountAsync(1);
        foreach (var chart in new[] { "backlog", "durations", "compliance" })
        {
            var bars = await page.Locator($"#{chart} svg rect.bar").EvaluateAllAsync<string[][]>(
                "els => els.map(e => [e.dataset.label, e.dataset.series, e.dataset.value])");
            var summary = page.Locator($".figures[data-for='{chart}'] summary");
            await summary.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            var table = page.Locator($".figures[data-for='{chart}'] table");
            await Expect(table).ToBeVisibleAsync();
            var rows = await table.Locator("tbody tr").CountAsync();
            var cells = await table.Locator("tbody td").AllTextContentsAsync();
            Assert.Multiple(() =>
            {
                Assert.That(rows, Is.EqualTo(bars.Select(b => b[0]).Distinct().Count()), chart + ": a row per category");
                Assert.That(cells, Is.EqualTo(bars.Select(b => b[2]).ToArray()), chart + ": the bars' figures, in order");
            });
        }
    }

    [Test]
    public async Task Charts_WholeDeployment_SeriesByPatternFillsAtLeast3To1TextLegibleAndUnclipped()
    {
        var page = await OpenDashboardAsync("dashboard?key=" + Uri.EscapeDataString(_adminKey));
        await Expect(page.Locator(Loaded)).ToHaveCountAsync(1);

        var colours = await page.Locator(".chart svg rect.bar").EvaluateAllAsync<string[]>("els => [...new Set(els.map(e => e.getAttribute('stroke') ?? e.getAttribute('fill')))]");
        Assert.That(colours.Select(c => (c, Contrast(c))), Has.All.Matches<(string Colour, double Ratio)>(x => x.Ratio >= 3), "3:1 against white");

        var fills = await page.Locator("#backlog svg rect.bar").EvaluateAllAsync<string[]>("els => [...new Set(els.map(e => e.dataset.series + '=' + e.getAttribute('fill')))]");
        Assert.That(fills, Has.Length.EqualTo(3));
        Assert.That(fills.Count(f => !f.Contains("url(", StringComparison.Ordinal)), Is.LessThanOrEqualTo(1), "at most one series is told by its colour alone");

        // The smallest text as rendered (font size times the SVG's scale), and every text inside its chart.
        var smallest = await page.EvaluateAsync<double>("""
            Math.min(...[...document.querySelectorAll('.chart svg text')].map(t => {
              const svg = t.ownerSVGElement; return parseFloat(t.getAttribute('font-size')) * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width; }))
            """);
        Assert.That(smallest, Is.GreaterThanOrEqualTo(12), "px");
        var clipped = await page.EvaluateAsync<string[]>("""
            [...document.querySelectorAll('.chart svg text')].filter(t => {
              const r = t.getBoundingClientRect(), s = t.ownerSVGElement.getBoundingClientRect();
              return r.left < s.left - 1 || r.right > s.right + 1 || r.top < s.top - 1 || r.bottom > s.bottom + 1; }).map(t => t.textContent)
            """);
        Assert.That(clipped, Is.Empty, "texts outside their chart");
    }

    [Test]
    public async Task Apply_WrongKeyAfterCharts_ClearsThemAndSaysSoInAnAlert()
    {
        var page = await OpenDashboardAsync("dashboard?key=" + Uri.EscapeDataString(_key));
        await Expect(page.Locator(Loaded)).ToHaveCountAsync(1);
        await page.FillAsync("#key", "sck_wrong");
        await page.ClickAsync("#apply");
        await Expect(page.Locator("body[data-loaded='error']")).ToHaveCountAsync(1);
        await Expect(page.Locator(".chart svg")).ToHaveCountAsync(0);
        await Expect(page.Locator(".figures table")).ToHaveCountAsync(0);
        await Expect(page.Locator("#error[role='alert']")).ToContainTextAsync("Errore");
    }

    [Test]
    public async Task Apply_WrongIstatCode_ShowsOurMessageOnTheFieldAndFocusesIt()
    {
        var page = await OpenDashboardAsync("dashboard?key=" + Uri.EscapeDataString(_key));
        await Expect(page.Locator(Loaded)).ToHaveCountAsync(1);
        await page.FillAsync("#municipality", "1514");
        await page.ClickAsync("#apply");
        var field = page.Locator("#municipality");
        await Expect(page.Locator("#municipality-error")).ToContainTextAsync("6 cifre, per esempio 015146");
        await Expect(field).ToBeFocusedAsync();
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(field).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("ha 6 cifre"));
    }

    [Test]
    public async Task Dashboard_At320CssPixels_ReflowsWithoutHorizontalScrolling()
    {
        var page = await OpenDashboardAsync("dashboard?key=" + Uri.EscapeDataString(_key), width: 320, height: 640);
        await Expect(page.Locator(Loaded)).ToHaveCountAsync(1);
        Assert.That(await page.EvaluateAsync<int>("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"), Is.LessThanOrEqualTo(320));
    }

    [Test]
    public async Task Dashboard_EnglishFragments_AreMarkedEnglish()
    {
        var page = await OpenDashboardAsync("dashboard?key=" + Uri.EscapeDataString(_key));
        await Expect(page.Locator(Loaded)).ToHaveCountAsync(1);
        await Expect(page.Locator("h1 [lang='en']")).ToContainTextAsync("building-permit monitoring");
        await Expect(page.Locator("#backlog-title [lang='en']")).ToHaveTextAsync("backlog over time");
        await Expect(page.Locator("#apply [lang='en']")).ToHaveTextAsync("apply");
        await Expect(page.Locator("#status [lang='en']")).ToHaveCountAsync(1);
    }

    private async Task<IPage> OpenDashboardAsync(string address, int width = 1400, int height = 1100)
    {
        _context = await BrowserSession.Browser.NewContextAsync(new()
        {
            BaseURL = BrowserSession.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await _context.NewPageAsync();
        await page.GotoAsync(address);
        return page;
    }

    /// <summary>WCAG contrast ratio of a #rrggbb colour against white.</summary>
    private static double Contrast(string colour)
    {
        double Channel(int at)
        {
            var c = int.Parse(colour.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        var luminance = (0.2126 * Channel(1)) + (0.7152 * Channel(3)) + (0.0722 * Channel(5));
        return 1.05 / (luminance + 0.05);
    }
}
