using System.Net;

namespace StrategicCities.Api.Tests;

public sealed class RoutingProblemTests
{
    private ApiFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void StartApi()
    {
        _factory = new ApiFactory();
        _client = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public async Task StopApiAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [TestCase("/api/v1/nothing-here")]
    [TestCase("/api/v2/catalog")]
    public async Task Get_UnknownRoute_Returns404Problem(string path)
    {
        var response = await _client.GetAsync(new Uri(path, UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "route.not-found");
    }

    [Test]
    public async Task Get_UnknownRouteInEnglish_ReturnsEnglishTitle()
    {
        var response = await Http.GetAsync(_client, "/nothing", "en");
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "route.not-found");

        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Not found"));
    }

    [Test]
    public async Task Delete_OnCatalog_Returns405Problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/catalog");
        var response = await _client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.MethodNotAllowed, "method.not-allowed");
        Assert.That(response.Content.Headers.Allow, Does.Contain("GET"));
    }

    [Test]
    public async Task Get_Root_LinksToTheApiReference()
    {
        var response = await _client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(html, Does.Contain("href=\"/scalar\"").And.Contain("href=\"/openapi/v1.json\""));
        }
    }

    [Test]
    public async Task Get_Scalar_ServesTheApiReference()
    {
        var response = await _client.GetAsync(new Uri("/scalar/v1", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
