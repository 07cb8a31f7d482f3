using System.Net;

namespace StrategicCities.Api.Tests;

public sealed class HealthTests
{
    [TestCase("/health")]
    [TestCase("/health/ready")]
    public async Task Get_HealthEndpoint_ReportsHealthy(string path)
    {
        await using var factory = new ApiFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await Http.JsonAsync(response);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("Healthy"));
        }
    }

    [Test]
    public async Task GetReady_CatalogLoaded_ListsTheCatalogDatabaseAndSweepChecks()
    {
        await using var factory = new ApiFactory();
        using var client = factory.CreateClient();

        var body = await Http.JsonAsync(await client.GetAsync(new Uri("/health/ready", UriKind.Relative)));

        Assert.That(body.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()), Is.EqualTo(new[] { "catalog", "database", "sweep" }));
    }
}
