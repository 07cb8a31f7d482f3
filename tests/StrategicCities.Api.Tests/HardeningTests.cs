using System.Net;
using System.Text.Json;

namespace StrategicCities.Api.Tests;

/// <summary>
/// What issue 14 found when the service was tried as a hostile user would: headers, methods, query strings, readiness,
/// enumerations in the OpenAPI document and rate limits on the public endpoints.
/// </summary>
[NonParallelizable]
public sealed class HardeningTests
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

    [TestCase("/api/v1/catalog")]
    [TestCase("/api/v1/forms/scia/schema?municipality=015146")]
    [TestCase("/openapi/v1.json")]
    [TestCase("/health/ready")]
    [TestCase("/api/v1/opendata/permits.csv")]
    [TestCase("/no/such/route")]
    [TestCase("/widget/permit-form.js")]
    public async Task Get_AnyResponseThatIsNotAPage_CarriesTheLockedDownPolicy(string path)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));

        AssertCommonHeaders(response);
        Assert.That(Csp(response), Is.EqualTo("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"));
    }

    [TestCase("/")]
    [TestCase("/demo")]
    [TestCase("/dashboard")]
    public async Task Get_Page_AllowsOnlyThisOriginsScriptsAndStyles_AndNoFraming(string path)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        AssertCommonHeaders(response);
        var csp = Csp(response);
        Assert.Multiple(() =>
        {
            Assert.That(csp, Does.Contain("default-src 'self'").And.Contain("script-src 'self';").And.Contain("style-src 'self';"));
            Assert.That(csp, Does.Contain("frame-ancestors 'none'").And.Contain("object-src 'none'").And.Contain("base-uri 'none'"));
            Assert.That(csp, Does.Not.Contain("unsafe"));
        });
    }

    [Test]
    public async Task Get_Scalar_AllowsItsOneInlineScriptByHash_AndNoOther()
    {
        using var response = await _client.GetAsync(new Uri("/scalar/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        AssertCommonHeaders(response);
        var csp = Csp(response);
        var script = System.Text.RegularExpressions.Regex.Match(html, @"<script type=""module"">(.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(script)));
        Assert.Multiple(() =>
        {
            Assert.That(script, Is.Not.Empty);
            Assert.That(csp, Does.Contain($"script-src 'self' 'sha256-{hash}';"));
            Assert.That(csp!.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)), Does.Not.Contain("unsafe"));
            Assert.That(csp, Does.Contain("frame-ancestors 'none'"));
        });
    }

    [Test]
    public async Task Get_Home_ListsTheDemoAndTheDashboardBesidesTheDeveloperLinks()
    {
        var html = await _client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.That(html, Does.Contain("href=\"/demo\"").And.Contain("href=\"/dashboard\"").And.Contain("href=\"/scalar\"").And.Contain("href=\"/openapi/v1.json\""));
    }

    [TestCase("/", "text/html")]
    [TestCase("/api/v1/catalog", "application/json")]
    [TestCase("/api/v1/catalog/015146?date=2025-03-01", "application/json")]
    [TestCase("/api/v1/forms/scia/schema?municipality=015146", "application/schema+json")]
    [TestCase("/api/v1/procedures", "application/json")]
    [TestCase("/api/v1/opendata/permits.csv", "text/csv")]
    [TestCase("/openapi/v1.json", "application/json")]
    [TestCase("/demo", "text/html")]
    [TestCase("/dashboard", "text/html")]
    [TestCase("/health", "application/json")]
    [Description("Issue 14: HEAD answered 405 on GET endpoints.")]
    public async Task Head_OnAGetEndpoint_AnswersLikeGetWithoutBody(string path, string mediaType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, path);
        using var response = await _client.SendAsync(request);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(mediaType));
        });
    }

    [Test]
    public async Task Head_OnAPostOnlyEndpoint_StaysMethodNotAllowed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, "/api/v1/determinations?municipality=015146");
        using var response = await _client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
    }

    [TestCase("/api/v1/catalog/015146?date=2025-03-01&date=2024-01-01", "/query/date")]
    [TestCase("/api/v1/forms/scia/schema?municipality=015146&municipality=058091", "/query/municipality")]
    [TestCase("/api/v1/procedures/scia/graph?format=mermaid&format=dot", "/query/format")]
    [TestCase("/api/v1/procedures/scia/graph?format=mermaid&FORMAT=dot", null)]
    [Description("Issue 14: a repeated query parameter silently took the first value.")]
    public async Task Get_RepeatedQueryParameter_Returns400PointingAtIt(string path, string? pointer)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "query.repeated", pointer);
    }

    [Test]
    public async Task Post_DeterminationWithRepeatedMunicipality_Returns400()
    {
        using var response = await Http.DetermineAsync(_client, "?municipality=015146&municipality=058091&date=2025-03-01", """{"category":"nuova-costruzione"}""");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "query.repeated", "/query/municipality");
    }

    [Test]
    [Description("Issue 14: /health/ready showed the database path to anyone.")]
    public async Task GetReady_ShowsNoDatabaseFileHostOrDialect()
    {
        var text = await _client.GetStringAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Not.Contain(Path.GetFileName(_factory.DatabaseFile)));
            Assert.That(text, Does.Not.Contain(Path.GetTempPath().TrimEnd('/')));
            Assert.That(text, Does.Not.Contain("sqlite").IgnoreCase);
            Assert.That(text, Does.Contain("\"database\""));
        });
    }

    [TestCase("TermState", new[] { "not-started", "running", "suspended", "met", "expired" })]
    [TestCase("StatisticsDimension", new[] { "municipality", "office", "regime", "month" })]
    [Description("Issue 14: enumerations were described (and written) as integers.")]
    public async Task OpenApi_Enumeration_IsDescribedAsItsStringCodes(string schema, string[] codes)
    {
        var document = await Http.JsonAsync(await _client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var described = document.GetProperty("components").GetProperty("schemas").GetProperty(schema);
        // A nullable use of the enumeration (a re-pin's term that exists on one side only) adds null to the shared
        // schema, as OpenAPI 3.1 writes nullability; every other member must be a string code, never a number.
        var members = described.GetProperty("enum").EnumerateArray().Where(e => e.ValueKind != JsonValueKind.Null).ToList();
        Assert.That(members.Select(e => e.ValueKind), Is.All.EqualTo(JsonValueKind.String), described.ToString());
        Assert.That(members.Select(e => e.GetString()), Is.EqualTo(codes), described.ToString());
    }

    [Test]
    public async Task OpenApi_DescribesNoEnumerationAsAnInteger()
    {
        var document = await Http.JsonAsync(await _client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var integerEnums = document.GetProperty("components").GetProperty("schemas").EnumerateObject()
            .Where(s => s.Value.TryGetProperty("enum", out var e) && e.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.Number))
            .Select(s => s.Name);
        Assert.That(integerEnums, Is.Empty);
    }

    private static void AssertCommonHeaders(HttpResponseMessage response)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Header(response, "X-Content-Type-Options"), Is.EqualTo("nosniff"));
            Assert.That(Header(response, "Referrer-Policy"), Is.EqualTo("no-referrer"));
            Assert.That(Header(response, "X-Frame-Options"), Is.EqualTo("DENY"));
            Assert.That(Csp(response), Does.Contain("frame-ancestors 'none'"));
        });
    }

    private static string? Csp(HttpResponseMessage response) => Header(response, "Content-Security-Policy");

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(", ", contentValues)
        : null;
}
