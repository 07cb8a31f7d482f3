using System.Net;

namespace StrategicCities.Api.Tests;

/// <summary><c>POST /api/v1/fees</c>: the breakdown, and problems with stable codes and pointers.</summary>
public sealed class FeesEndpointTests
{
    private const string Roma2025 = "/api/v1/fees?municipality=058091&date=2025-06-01";
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

    [Test]
    public async Task Post_ChangeOfUseInRoma_ReturnsItemizedLinesWithFormulaAndLegalBasis()
    {
        var response = await Http.PostAsync(_client, Roma2025,
            """{ "regime": "scia", "category": "cambio-uso", "use": "residenziale", "previousUse": "commerciale", "volume": 300, "previousSurface": 100 }""");
        var body = await Http.JsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        var primaria = body.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("charge").GetString() == "oneri-urbanizzazione-primaria");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(primaria.GetProperty("amount").GetDecimal(), Is.EqualTo(9000.00m));
            Assert.That(primaria.GetProperty("formula").GetString(), Does.StartWith("max(0, 300.00 m3 × 40.00 EUR/m3 − 100.00 m2 × 30.00 EUR/m2)"));
            Assert.That(primaria.GetProperty("legalBasis").EnumerateArray().Select(b => b.GetProperty("article").GetString()), Has.Member("16"));
            Assert.That(primaria.GetProperty("sample").GetBoolean(), Is.True);
            Assert.That(body.GetProperty("total").GetDecimal(), Is.EqualTo(22650.00m));
            Assert.That(body.GetProperty("ruleSets").GetArrayLength(), Is.EqualTo(3));
            Assert.That(body.GetProperty("rounding").GetProperty("mode").GetString(), Is.EqualTo("half-up"));
        }
    }

    [Test]
    public async Task Post_MalformedInput_Is400WithPointer()
    {
        var response = await Http.PostAsync(_client, Roma2025, """{ "regime": "scia", "category": "cambio-uso", "volume": "a lot" }""");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "fees.input.invalid", "/volume");
        Assert.That(problem.ToString(), Does.Contain("number"));
    }

    [Test]
    public async Task Post_MissingVolume_Is422NamingTheFigure()
    {
        var response = await Http.PostAsync(_client, Roma2025,
            """{ "regime": "permesso-di-costruire", "category": "ristrutturazione-edilizia", "use": "residenziale", "worksCost": 1000 }""");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "fees.input.missing", "/volume");
    }

    [Test]
    public async Task Post_UnknownMunicipality_Is422AtTheQuery()
    {
        var response = await Http.PostAsync(_client, "/api/v1/fees?municipality=999999&date=2025-06-01", """{ "regime": "cila", "category": "manutenzione-straordinaria" }""");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "municipality.unknown", "/query/municipality");
    }

    [Test]
    public async Task Post_NoMunicipality_Is400()
    {
        var response = await Http.PostAsync(_client, "/api/v1/fees?date=2025-06-01", """{ "regime": "cila", "category": "manutenzione-straordinaria" }""");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Post_BadInterventionInside_Is400PointingIntoTheIntervention()
    {
        var response = await Http.PostAsync(_client, Roma2025, """{ "intervention": { "category": "castello" }, "use": "residenziale" }""");
        var body = await Http.JsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body.ToString());
        Assert.That(body.ToString(), Does.Contain("/intervention/category"));
    }

    [Test]
    public async Task GetOpenApiDocument_Always_DocumentsTheFeesOperation()
    {
        var response = await _client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var document = await Http.JsonAsync(response);

        var post = document.GetProperty("paths").GetProperty("/api/v1/fees").GetProperty("post");
        Assert.That(post.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()), Is.EquivalentTo(new[] { "municipality", "date" }));
        Assert.That(post.GetProperty("responses").EnumerateObject().Select(r => r.Name), Is.SupersetOf(new[] { "200", "400", "422" }));
    }
}
