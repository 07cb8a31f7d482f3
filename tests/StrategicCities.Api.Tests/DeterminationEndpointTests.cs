using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace StrategicCities.Api.Tests;

public sealed class DeterminationEndpointTests
{
    private const string Milano2025 = "?municipality=015146&date=2025-03-01";
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
    public async Task Post_NewBuildingInMilano_ReturnsPermessoDiCostruireWithPinnedVersions()
    {
        var response = await Http.DetermineAsync(_client, Milano2025, """{"category":"nuova-costruzione"}""");
        var body = await Http.JsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(body.GetProperty("regime").GetString(), Is.EqualTo("permesso-di-costruire"));
            Assert.That(body.GetProperty("legalDate").GetString(), Is.EqualTo("2025-03-01"));
            Assert.That(body.GetProperty("municipality").GetProperty("code").GetString(), Is.EqualTo("015146"));
            Assert.That(body.GetProperty("ruleSets").GetArrayLength(), Is.EqualTo(3));
            Assert.That(body.GetProperty("trace").GetArrayLength(), Is.GreaterThan(0));
        }
    }

    [Test]
    public async Task Post_WithoutDate_UsesTodayInRome()
    {
        var response = await Http.DetermineAsync(_client, "?municipality=015146", """{"category":"manutenzione-ordinaria"}""");
        var body = await Http.JsonAsync(response);

        Assert.That(body.GetProperty("legalDate").GetString(), Is.EqualTo("2025-07-01"));
    }

    [Test]
    public async Task Post_UnknownField_Returns400PointingAtTheField()
    {
        var response = await Http.DetermineAsync(_client, Milano2025, """{"category":"nuova-costruzione","foo":true}""");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "intervention.unknown-field", "/foo");
    }

    [Test]
    public async Task Post_WrongType_Returns400PointingAtTheField()
    {
        var response = await Http.DetermineAsync(_client, Milano2025, """{"category":"nuova-costruzione","heritage":"yes"}""");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "intervention.wrong-type", "/heritage");
    }

    [TestCase("9223372036854775808")]
    [TestCase("-9223372036854775809")]
    [TestCase("18446744073709551616")]
    [TestCase("123456789012345678901234567890123456789")]
    [TestCase("1e400")]
    [TestCase("2147483648")]
    [Description("Issue 14: integers beyond 64 bits reached the schema validator and the reader, and answered 500.")]
    public async Task Post_SeismicZoneBeyondAnyInteger_Returns400PointingAtTheField(string number)
    {
        var response = await Http.DetermineAsync(_client, Milano2025, $$"""{"category":"nuova-costruzione","seismicZone":{{number}}}""");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "intervention.out-of-range", "/seismicZone");
    }

    [Test]
    public async Task Post_TemporaryDaysBeyondAnInteger_Returns400PointingAtTheField()
    {
        var response = await Http.DetermineAsync(_client, Milano2025, """{"category":"nuova-costruzione","temporary":{"days":3000000000}}""");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "intervention.out-of-range", "/temporary/days");
    }

    [Test]
    public async Task Post_MissingCategory_Returns400()
    {
        var response = await Http.DetermineAsync(_client, Milano2025, """{"heritage":true}""");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "intervention.missing-field");
    }

    [Test]
    public async Task Post_NotJson_Returns400BodyNotJson()
    {
        var response = await Http.DetermineAsync(_client, Milano2025, "{category: nuova-costruzione");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "body.not-json", "");
    }

    [Test]
    public async Task Post_EmptyBody_Returns400BodyEmpty()
    {
        var response = await Http.DetermineAsync(_client, Milano2025, "  ");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "body.empty", "");
    }

    [Test]
    public async Task Post_JsonArray_Returns400WrongType()
    {
        var response = await Http.DetermineAsync(_client, Milano2025, "[]");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "intervention.wrong-type", "");
    }

    [Test]
    public async Task Post_NestedDeeperThan32_Returns400TooDeep()
    {
        var deep = new string('[', 33) + new string(']', 33);

        var response = await Http.DetermineAsync(_client, Milano2025, deep);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "body.too-deep");
    }

    [Test]
    public async Task Post_Nested32Levels_IsNotRefusedForDepth()
    {
        // 32 levels are allowed: the intervention is then refused by the schema, not by the depth check.
        var deep = new string('[', 32) + new string(']', 32);

        var response = await Http.DetermineAsync(_client, Milano2025, deep);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "intervention.wrong-type");
    }

    [TestCase("text/plain")]
    [TestCase("application/xml")]
    [TestCase("application/json; charset=iso-8859-1")]
    public async Task Post_NotJsonContentType_Returns415(string contentType)
    {
        var response = await Http.DetermineAsync(_client, Milano2025, """{"category":"nuova-costruzione"}""", contentType);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "body.unsupported-media-type", "/headers/content-type");
    }

    [Test]
    public async Task Post_NoContentType_Returns415()
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"category":"nuova-costruzione"}"""));
        var response = await _client.PostAsync(new Uri("/api/v1/determinations" + Milano2025, UriKind.Relative), content);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "body.unsupported-media-type");
    }

    [Test]
    public async Task Post_ProblemJsonSuffixContentType_IsAccepted()
    {
        var response = await Http.DetermineAsync(_client, Milano2025, """{"category":"nuova-costruzione"}""", "application/vnd.intervention+json");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Post_UnknownMunicipality_Returns422WithQueryPointer()
    {
        var response = await Http.DetermineAsync(_client, "?municipality=999999&date=2025-03-01", """{"category":"nuova-costruzione"}""");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "municipality.unknown", "/query/municipality");
    }

    [Test]
    public async Task Post_MalformedMunicipality_Returns400()
    {
        var response = await Http.DetermineAsync(_client, "?municipality=15146&date=2025-03-01", """{"category":"nuova-costruzione"}""");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "municipality.invalid", "/query/municipality");
    }

    [Test]
    public async Task Post_MissingMunicipality_Returns400WithQueryPointer()
    {
        var response = await Http.DetermineAsync(_client, "?date=2025-03-01", """{"category":"nuova-costruzione"}""");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "query.missing", "/query/municipality");
    }

    [Test]
    public async Task Post_BadDateFormat_Returns400WithQueryPointer()
    {
        var response = await Http.DetermineAsync(_client, "?municipality=015146&date=2025-02-30", """{"category":"nuova-costruzione"}""");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "legal-date.invalid", "/query/date");
    }

    [Test]
    public async Task Post_DateBeforeAnyVersion_Returns422NoVersion()
    {
        var response = await Http.DetermineAsync(_client, "?municipality=015146&date=2010-01-01", """{"category":"nuova-costruzione"}""");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "legal-date.no-version", "/query/date");
    }

    [Test]
    public async Task Post_UnknownMunicipalityAndUnknownField_Returns400ListingBoth()
    {
        var response = await Http.DetermineAsync(_client, "?municipality=999999&date=2025-03-01", """{"category":"nuova-costruzione","foo":1}""");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "intervention.unknown-field", "/foo");
        var codes = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString());
        Assert.That(codes, Is.EquivalentTo(new[] { "intervention.unknown-field", "municipality.unknown" }));
    }

    [Test]
    public async Task Post_AcceptLanguageEnglish_ChangesTitleAndDetailButKeepsBothMessages()
    {
        const string Body = """{"category":"nuova-costruzione","foo":true}""";
        var italian = await ProblemAssert.IsProblemAsync(await Http.DetermineAsync(_client, Milano2025, Body), HttpStatusCode.BadRequest, "intervention.unknown-field");
        var englishResponse = await Http.DetermineAsync(_client, Milano2025, Body, language: "en-GB,en;q=0.9,it;q=0.5");
        var english = await ProblemAssert.IsProblemAsync(englishResponse, HttpStatusCode.BadRequest, "intervention.unknown-field");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(italian.GetProperty("title").GetString(), Is.EqualTo("Richiesta non valida"));
            Assert.That(english.GetProperty("title").GetString(), Is.EqualTo("Bad request"));
            Assert.That(italian.GetProperty("detail").GetString(), Is.EqualTo(italian.GetProperty("message").GetProperty("it").GetString()));
            Assert.That(english.GetProperty("detail").GetString(), Is.EqualTo(english.GetProperty("message").GetProperty("en").GetString()));
            Assert.That(english.GetProperty("message").ToString(), Is.EqualTo(italian.GetProperty("message").ToString()));
            Assert.That(englishResponse.Content.Headers.ContentLanguage, Does.Contain("en"));
        }
    }

    [TestCase(null, "it")]
    [TestCase("it-IT", "it")]
    [TestCase("de-DE", "it")]
    [TestCase("de, en;q=0.8", "en")]
    [TestCase("en;q=0.2, it;q=0.9", "it")]
    public async Task Post_AcceptLanguage_PicksItalianByDefault(string? header, string expected)
    {
        var response = await Http.DetermineAsync(_client, Milano2025, "{", language: header);
        var problem = await Http.JsonAsync(response);

        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo(problem.GetProperty("message").GetProperty(expected).GetString()));
    }

    [Test]
    public async Task Post_Rejected_LogsTheCodeButNeverTheBody()
    {
        const string Secret = "RSSMRA80A01F205X";
        await Http.DetermineAsync(_client, Milano2025, $$"""{"category":"nuova-costruzione","description":"{{Secret}}","foo":1}""");

        var lines = _factory.Logs.Entries.Select(e => e.Text + e.Exception).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines, Has.Some.Contains("intervention.unknown-field"));
            Assert.That(lines, Has.None.Contains(Secret));
        }
    }

    [Test]
    public async Task Get_OnDeterminations_Returns405Problem()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/determinations", UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.MethodNotAllowed, "method.not-allowed");
        Assert.That(response.Content.Headers.Allow, Does.Contain("POST"));
    }

    [Test]
    public async Task Post_ChunkedBodyWithinLimit_IsRead()
    {
        using var content = new ChunkedContent(Encoding.UTF8.GetBytes("""{"category":"nuova-costruzione"}"""));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await _client.PostAsync(new Uri("/api/v1/determinations" + Milano2025, UriKind.Relative), content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
