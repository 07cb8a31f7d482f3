using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace StrategicCities.Browser.Tests;

/// <summary>
/// axe-core (Deque.AxeCore.Playwright: the engine ships inside the package, nothing is fetched at run time) on a page
/// as it is now: every rule, a test fails on any serious or critical violation and names the rule and the elements.
/// </summary>
internal static class Axe
{
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page, AxeRunOptions? options = null)
    {
        var result = await page.RunAxe(options);
        return [.. result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Take(4).Select(n => n.Target?.ToString()))}")];
    }

    public static async Task AssertNoSeriousViolationsAsync(IPage page, string state, AxeRunOptions? options = null) =>
        Assert.That(await SeriousViolationsAsync(page, options), Is.Empty, state);
}
