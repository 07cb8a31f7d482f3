using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace StrategicCities.Api.Tests;

public sealed class BodyLimitTests
{
    private const string Milano2025 = "?municipality=015146&date=2025-03-01";
    private ApiFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void StartApi()
    {
        _factory = new ApiFactory(new Dictionary<string, string?> { ["Limits:MaxBodyBytes"] = "100", ["Limits:MaxJsonDepth"] = "3" });
        _client = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public async Task StopApiAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    private static string Padded(int length)
    {
        const string Head = """{"category":"nuova-costruzione","description":" """;
        return Head + new string('x', Math.Max(0, length - Head.Length - 2)) + "\"}";
    }

    [Test]
    public async Task Post_BodyOverConfiguredLimit_Returns413()
    {
        var response = await Http.DetermineAsync(_client, Milano2025, Padded(101));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "body.too-large", "");
    }

    [Test]
    public async Task Post_ChunkedBodyOverConfiguredLimit_Returns413WhileReading()
    {
        using var content = new ChunkedContent(Encoding.UTF8.GetBytes(Padded(500)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await _client.PostAsync(new Uri("/api/v1/determinations" + Milano2025, UriKind.Relative), content);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "body.too-large");
    }

    [Test]
    public async Task Post_BodyAtConfiguredLimit_IsAccepted()
    {
        var body = Padded(100);
        Assert.That(Encoding.UTF8.GetByteCount(body), Is.EqualTo(100));

        var response = await Http.DetermineAsync(_client, Milano2025, body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Post_DeeperThanConfiguredDepth_Returns400TooDeep()
    {
        var response = await Http.DetermineAsync(_client, Milano2025, """{"useChange":{"from":[{}]}}""");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "body.too-deep");
    }
}
