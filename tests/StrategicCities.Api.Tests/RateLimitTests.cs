using System.Net;

namespace StrategicCities.Api.Tests;

/// <summary>Every request counts against the caller's window; the open-data export costs RateLimit:HeavyCost.</summary>
[NonParallelizable]
public sealed class RateLimitTests
{
    [TestCase("/api/v1/catalog")]
    [TestCase("/api/v1/forms/scia/schema?municipality=015146")]
    [TestCase("/api/v1/procedures")]
    [TestCase("/openapi/v1.json")]
    [TestCase("/")]
    [TestCase("/widget/permit-form.js")]
    [Description("Issue 14: schema and catalog endpoints were not rate limited although the README said public endpoints are.")]
    public async Task Get_PublicEndpointBeyondTheWindow_Returns429WithRetryAfter(string path)
    {
        await using var factory = new ApiFactory(new Dictionary<string, string?> { ["RateLimit:PermitLimit"] = "3", ["RateLimit:WindowSeconds"] = "3600" });
        using var client = factory.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.That(allowed.StatusCode, Is.Not.EqualTo(HttpStatusCode.TooManyRequests), $"request {i + 1}");
        }

        using var refused = await client.GetAsync(new Uri(path, UriKind.Relative));
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests, "rate.limited");
        Assert.That(refused.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
    }

    [Test]
    [Description("Issue 14: a 1.7 MB open-data export cost the same as one determination.")]
    public async Task Export_CostsHeavyCostPermits_CheapRequestsUseTheRest()
    {
        await using var factory = new ApiFactory(new Dictionary<string, string?>
        {
            ["RateLimit:PermitLimit"] = "10",
            ["RateLimit:WindowSeconds"] = "3600",
            ["RateLimit:HeavyCost"] = "8",
        });
        using var client = factory.CreateClient();

        using var export = await client.GetAsync(new Uri("/api/v1/opendata/permits.csv", UriKind.Relative));
        using var secondExport = await client.GetAsync(new Uri("/api/v1/opendata/permits.json", UriKind.Relative));
        using var cheap1 = await client.GetAsync(new Uri("/api/v1/catalog", UriKind.Relative));
        using var cheap2 = await client.GetAsync(new Uri("/api/v1/catalog", UriKind.Relative));
        using var cheap3 = await client.GetAsync(new Uri("/api/v1/catalog", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(export.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(secondExport.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), "8 + 8 > 10");
            Assert.That(cheap1.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(cheap2.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(cheap3.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), "8 + 1 + 1 = 10");
        });
    }
}
