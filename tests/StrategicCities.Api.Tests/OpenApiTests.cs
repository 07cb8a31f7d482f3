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

    [Test]
    [Description("The validate action reads its parameters itself; RequestParameter documents them as binding did.")]
    public async Task GetOpenApiDocument_ValidateOperation_DescribesItsPathAndQueryParameters()
    {
        await using var factory = new ApiFactory();
        using var client = factory.CreateClient();

        var document = await Http.JsonAsync(await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var parameters = document.GetProperty("paths").GetProperty("/api/v1/forms/{form}/validate").GetProperty("post")
            .GetProperty("parameters").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(parameters.Keys, Is.EquivalentTo(new[] { "form", "municipality", "date" }));
            Assert.That(parameters["form"].GetProperty("in").GetString(), Is.EqualTo("path"));
            Assert.That(parameters["form"].GetProperty("required").GetBoolean(), Is.True);
            Assert.That(parameters["municipality"].GetProperty("in").GetString(), Is.EqualTo("query"));
            Assert.That(parameters["date"].GetProperty("in").GetString(), Is.EqualTo("query"));
            Assert.That(parameters.Values.Select(p => p.GetProperty("schema").GetProperty("type").GetString()), Is.All.EqualTo("string"));
            Assert.That(parameters["municipality"].GetProperty("description").GetString(), Does.Contain("ISTAT"));
            Assert.That(parameters["date"].GetProperty("description").GetString(), Does.Contain("yyyy-MM-dd"));
            Assert.That(parameters["form"].GetProperty("description").GetString(), Does.Contain("Form code"));
        }
    }

    [Test]
    public async Task GetOpenApiDocument_Always_DeclaresTheApiKeyOnProtectedOperationsOnly()
    {
        await using var factory = new ApiFactory();
        using var client = factory.CreateClient();

        var document = await Http.JsonAsync(await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        var paths = document.GetProperty("paths");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(schemes.GetProperty("ApiKey").GetProperty("type").GetString(), Is.EqualTo("apiKey"));
            Assert.That(schemes.GetProperty("ApiKey").GetProperty("in").GetString(), Is.EqualTo("header"));
            Assert.That(schemes.GetProperty("ApiKey").GetProperty("name").GetString(), Is.EqualTo("X-Api-Key"));
            Assert.That(schemes.TryGetProperty("Bearer", out _), Is.False, "no JWT configured");
            Assert.That(Requirements(paths.GetProperty("/api/v1/applications").GetProperty("post")), Is.EqualTo(new[] { "ApiKey" }));
            Assert.That(Requirements(paths.GetProperty("/api/v1/stats").GetProperty("get")), Is.EqualTo(new[] { "ApiKey" }));
            Assert.That(Requirements(paths.GetProperty("/api/v1/forms/{form}/validate").GetProperty("post")), Is.Empty);
            Assert.That(Requirements(paths.GetProperty("/api/v1/determinations").GetProperty("post")), Is.Empty);
        }
    }

    [Test]
    public async Task GetOpenApiDocument_JwtConfigured_OffersBearerAsAnAlternative()
    {
        await using var factory = new ApiFactory(new Dictionary<string, string?>
        {
            ["Auth:Jwt:SigningKey"] = new string('k', 48),
            ["Auth:Jwt:Issuer"] = "https://idp.example.it",
            ["Auth:Jwt:Audience"] = "strategiccities",
        });
        using var client = factory.CreateClient();

        var document = await Http.JsonAsync(await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var bearer = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(bearer.GetProperty("type").GetString(), Is.EqualTo("http"));
            Assert.That(bearer.GetProperty("scheme").GetString(), Is.EqualTo("bearer"));
            Assert.That(Requirements(document.GetProperty("paths").GetProperty("/api/v1/applications").GetProperty("post")),
                Is.EqualTo(new[] { "ApiKey", "Bearer" }));
        }
    }

    /// <summary>The schemes an operation accepts, one per alternative requirement.</summary>
    private static string[] Requirements(System.Text.Json.JsonElement operation) =>
        operation.TryGetProperty("security", out var security)
            ? [.. security.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name))]
            : [];
}
