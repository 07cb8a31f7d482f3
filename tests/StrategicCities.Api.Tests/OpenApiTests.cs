using System.Net;

namespace StrategicCities.Api.Tests;

public sealed class OpenApiTests
{
    [Test]
    public async Task GetOpenApiDocument_Always_ListsRoutesBodyAndProblemResponses()
    {
        await using var factory = new ApiFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var document = await Http.JsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var paths = document.GetProperty("paths");
        var post = paths.GetProperty("/api/v1/determinations").GetProperty("post");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(paths.EnumerateObject().Select(p => p.Name),
                Is.SupersetOf(new[] { "/api/v1/catalog", "/api/v1/catalog/{municipality}", "/api/v1/determinations" }));
            Assert.That(post.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _), Is.True);
            Assert.That(post.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()),
                Is.EquivalentTo(new[] { "municipality", "date" }));
            Assert.That(post.GetProperty("responses").EnumerateObject().Select(r => r.Name),
                Is.SupersetOf(new[] { "200", "400", "413", "415", "422", "500" }));
            Assert.That(post.GetProperty("responses").GetProperty("400").GetProperty("content").TryGetProperty("application/problem+json", out _), Is.True);
            Assert.That(document.GetProperty("info").GetProperty("title").GetString(), Is.EqualTo("StrategicCities API"));
        }
    }
}
