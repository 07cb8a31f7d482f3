using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace StrategicCities.Api.Tests;

public sealed class FormsEndpointTests
{
    private const string Milano = "?municipality=015146&date=2025-06-01";
    private const string Roma = "?municipality=058091&date=2025-06-01";
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

    private static string Example(string kind, string file) =>
        File.ReadAllText(Path.Combine(RepoPaths.Schemas, "forms", "scia", "examples", "2025-05-23", kind, file));

    private Task<HttpResponseMessage> ValidateAsync(string query, string body, string contentType = "application/json", string? language = null) =>
        Http.PostAsync(_client, "/api/v1/forms/scia/validate" + query, body, contentType, language);

    // GET /api/v1/forms

    [Test]
    public async Task GetForms_Always_ListsFormsWithVersionsExtensionsAndBilingualTitles()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/forms", UriKind.Relative));
        var body = await Http.JsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var forms = body.GetProperty("forms").EnumerateArray().ToList();
        var scia = forms.Single(f => f.GetProperty("form").GetString() == "scia");
        var versions = scia.GetProperty("versions").EnumerateArray().ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(forms.Select(f => f.GetProperty("form").GetString()), Is.SupersetOf(new[] { "cila", "pdc", "scia", "scia-alternativa" }));
            Assert.That(scia.GetProperty("title").GetProperty("it").GetString(), Does.Contain("Segnalazione certificata"));
            Assert.That(scia.GetProperty("title").GetProperty("en").GetString(), Does.Contain("Certified notice"));
            Assert.That(versions.Select(v => v.GetProperty("version").GetString()), Is.EqualTo(new[] { "2017-06-30", "2025-05-23" }));
            Assert.That(versions[0].GetProperty("validTo").GetString(), Is.EqualTo("2025-05-23"));
            Assert.That(versions[1].TryGetProperty("validTo", out _), Is.False, "the current version is open-ended");
            Assert.That(versions.Select(v => v.GetProperty("hash").GetString()), Has.All.StartsWith("sha256:"));
            Assert.That(scia.GetProperty("extensions").EnumerateArray().Select(e => e.GetProperty("municipality").GetString()),
                Is.SupersetOf(new[] { "015146", "058091" }));
        }
    }

    // GET /api/v1/forms/{form}/schema

    [Test]
    public async Task GetSchema_Milano_IsTheMergedSchemaWithMilanoLocalFieldsVersionAndETag()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/forms/scia/schema" + Milano, UriKind.Relative));
        var schema = await Http.JsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/schema+json"));
            Assert.That(response.Headers.GetValues("X-Form-Version"), Is.EqualTo(new[] { "2025-05-23" }));
            Assert.That(response.Headers.GetValues("X-Form-Extension"), Is.EqualTo(new[] { "015146@2025-05-23" }));
            Assert.That(response.Headers.ETag?.Tag, Does.Match("^\"[0-9a-f]{64}\"$"));
            Assert.That(response.Headers.ETag?.IsWeak, Is.False);
            Assert.That(schema.GetProperty("properties").GetProperty("estensioniLocali").GetProperty("properties").TryGetProperty("milano", out _), Is.True);
            Assert.That(schema.GetProperty("definitions").EnumerateObject().Any(), Is.True, "self-contained: shared parts are bundled");
            Assert.That(schema.GetRawText(), Does.Not.Contain("\"$ref\": \"../"), "no reference leaves the document");
        }
    }

    [Test]
    public async Task GetSchema_Roma_HasNoMilanoLocalFields()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/forms/scia/schema" + Roma, UriKind.Relative));
        var schema = await Http.JsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var local = schema.GetProperty("properties").GetProperty("estensioniLocali").GetProperty("properties");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(local.TryGetProperty("milano", out _), Is.False);
            Assert.That(response.Headers.GetValues("X-Form-Version"), Is.EqualTo(new[] { "2025-05-23" }));
        }
    }

    [Test]
    public async Task GetSchema_Before2025Reform_SelectsThe2017Version()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/forms/scia/schema?municipality=015146&date=2024-01-10", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.GetValues("X-Form-Version"), Is.EqualTo(new[] { "2017-06-30" }));
    }

    [Test]
    public async Task GetSchema_IfNoneMatchWithCurrentTag_Returns304WithoutBody()
    {
        var first = await _client.GetAsync(new Uri("/api/v1/forms/scia/schema" + Milano, UriKind.Relative));
        var etag = first.Headers.ETag!;

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/forms/scia/schema" + Milano);
        request.Headers.IfNoneMatch.Add(etag);
        var second = await _client.SendAsync(request);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
            Assert.That(second.Headers.ETag, Is.EqualTo(etag));
            Assert.That(second.Headers.GetValues("X-Form-Version"), Is.EqualTo(new[] { "2025-05-23" }));
            Assert.That(await second.Content.ReadAsByteArrayAsync(), Is.Empty);
        }
    }

    [Test]
    public async Task GetSchema_IfNoneMatchWithOtherMunicipalitysTag_Returns200()
    {
        var roma = await _client.GetAsync(new Uri("/api/v1/forms/scia/schema" + Roma, UriKind.Relative));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/forms/scia/schema" + Milano);
        request.Headers.IfNoneMatch.Add(roma.Headers.ETag!);
        var milano = await _client.SendAsync(request);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(milano.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(milano.Headers.ETag, Is.Not.EqualTo(roma.Headers.ETag));
        }
    }

    [Test]
    public async Task GetSchema_UnknownForm_Returns404FormUnknown()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/forms/dia/schema" + Milano, UriKind.Relative));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "form.unknown", "/path/form");
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("scia"), "the message lists the forms that exist");
    }

    [Test]
    public async Task GetSchema_DateBeforeAnyVersion_Returns422NoVersion()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/forms/scia/schema?municipality=015146&date=2010-01-01", UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "legal-date.no-version", "/query/date");
    }

    [Test]
    public async Task GetSchema_UnknownMunicipality_Returns422()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/forms/scia/schema?municipality=999999&date=2025-06-01", UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "municipality.unknown", "/query/municipality");
    }

    [Test]
    public async Task GetSchema_MalformedMunicipality_Returns400()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/forms/scia/schema?municipality=15146&date=2025-06-01", UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "municipality.invalid", "/query/municipality");
    }

    [Test]
    public async Task GetSchema_MissingMunicipality_Returns400QueryMissing()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/forms/scia/schema?date=2025-06-01", UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "query.missing", "/query/municipality");
    }

    [Test]
    public async Task GetSchema_MalformedDate_Returns400()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/forms/scia/schema?municipality=015146&date=01/06/2025", UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "legal-date.invalid", "/query/date");
    }

    // POST /api/v1/forms/{form}/validate

    [TestCase("persona-fisica.json")]
    [TestCase("persona-giuridica.json")]
    public async Task Validate_ValidSciaExample_Returns200ValidWithPinnedVersions(string file)
    {
        var response = await ValidateAsync(Milano, Example("valid", file));
        var report = await Http.JsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), report.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(report.GetProperty("valid").GetBoolean(), Is.True, report.GetProperty("errors").ToString());
            Assert.That(report.GetProperty("form").GetString(), Is.EqualTo("scia"));
            Assert.That(report.GetProperty("version").GetString(), Is.EqualTo("2025-05-23"));
            Assert.That(report.GetProperty("municipality").GetString(), Is.EqualTo("015146"));
            Assert.That(report.GetProperty("legalDate").GetString(), Is.EqualTo("2025-06-01"));
            Assert.That(report.GetProperty("errors").GetArrayLength(), Is.Zero);
            Assert.That(report.GetProperty("trace").GetArrayLength(), Is.GreaterThan(0));
            Assert.That(report.GetProperty("requiredAttachments").GetArrayLength(), Is.GreaterThan(0));
            Assert.That(report.GetProperty("pinned").EnumerateArray().Select(p => p.GetProperty("ruleSet").GetString()),
                Does.Contain("schemas/forms/scia").And.Contain("forms/scia"));
        }
    }

    [Test]
    [Description("The endpoint writes the report straight into the response (JsonBodyResult): the bytes must be the serializer's.")]
    public async Task Validate_EveryExample_AnswersTheValidatorsReportAsTheSerializerWritesIt()
    {
        var validator = _factory.Services.GetRequiredService<StrategicCities.Core.Forms.FormValidator>();
        var options = _factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Mvc.JsonOptions>>()
            .Value.JsonSerializerOptions;
        var examples = Directory.GetFiles(Path.Combine(RepoPaths.Schemas, "forms", "scia", "examples", "2025-05-23"), "*.json", SearchOption.AllDirectories);
        Assert.That(examples, Has.Length.GreaterThan(10));
        foreach (var file in examples)
        {
            var text = await File.ReadAllTextAsync(file);
            var response = await ValidateAsync(Milano, text);
            var (report, _) = await validator.ValidateAsync("scia", "015146", new DateOnly(2025, 6, 1), text);

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), file);
            Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("application/json; charset=utf-8"), file);
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(JsonSerializer.Serialize(report, options)), file);
        }
    }

    [Test]
    public async Task Validate_WrongCodiceFiscaleCheckCharacter_Returns200InvalidWithCodeAndPointer()
    {
        var response = await ValidateAsync(Milano, Example("invalid", "schema.format.codice-fiscale--carattere-di-controllo.json"));
        var report = await Http.JsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), report.ToString());
        var error = report.GetProperty("errors").EnumerateArray().Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.GetProperty("valid").GetBoolean(), Is.False);
            Assert.That(error.GetProperty("code").GetString(), Is.EqualTo("schema.format.codice-fiscale"));
            Assert.That(error.GetProperty("pointer").GetString(), Is.EqualTo("/dichiarante/persona/codiceFiscale"));
            Assert.That(error.GetProperty("severity").GetString(), Is.EqualTo("error"));
            Assert.That(error.GetProperty("message").GetProperty("it").GetString(), Is.Not.Empty);
            Assert.That(error.GetProperty("message").GetProperty("en").GetString(), Is.Not.Empty);
        }
    }

    [Test]
    public async Task Validate_CilaDeclaringNewConstruction_Returns200InvalidRegimeMismatchWithTheDeterminedRegimeTraceAndLaw()
    {
        var form = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Schemas, "forms", "cila", "examples", "2025-05-23", "valid", "persona-fisica.json")))!;
        form["intervento"]!["categoria"] = "nuova-costruzione";

        var response = await Http.PostAsync(_client, "/api/v1/forms/cila/validate" + Milano, form.ToJsonString(), "application/json", null);
        var report = await Http.JsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), report.ToString());
        var error = report.GetProperty("errors").EnumerateArray().Single(e => e.GetProperty("code").GetString() == "form.regime-mismatch");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.GetProperty("valid").GetBoolean(), Is.False);
            Assert.That(error.GetProperty("pointer").GetString(), Is.EqualTo("/intervento"));
            Assert.That(error.GetProperty("rule").GetString(), Is.EqualTo("NewConstructionRequiresPermit"));
            Assert.That(error.GetProperty("message").GetProperty("it").GetString(), Does.Contain("permesso di costruire"));
            Assert.That(error.GetProperty("legalBasis").GetArrayLength(), Is.GreaterThan(0));
            Assert.That(report.GetProperty("trace").EnumerateArray().Select(t => t.GetProperty("ruleSet").GetString()), Does.Contain("determination"));
        }
    }

    [Test]
    public async Task Validate_MilanoExampleForLecco_Returns200InvalidLocationMismatchAtTheMunicipality()
    {
        var response = await ValidateAsync("?municipality=097042&date=2025-06-01", Example("valid", "persona-fisica.json"));
        var report = await Http.JsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), report.ToString());
        var error = report.GetProperty("errors").EnumerateArray().Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.GetProperty("valid").GetBoolean(), Is.False);
            Assert.That(error.GetProperty("code").GetString(), Is.EqualTo("form.location-mismatch"));
            Assert.That(error.GetProperty("pointer").GetString(), Is.EqualTo("/ubicazione/indirizzo/codiceIstat"));
            Assert.That(error.GetProperty("message").GetProperty("en").GetString(), Does.Contain("Lecco"));
        }
    }

    [Test]
    public async Task Validate_MilanoLocalFieldInRoma_Returns200InvalidUnknownField()
    {
        var form = JsonNode.Parse(Example("valid", "persona-giuridica.json"))!;
        form["estensioniLocali"] = new JsonObject { ["milano"] = new JsonObject { ["ambitoPgt"] = "NAF" } };

        var milano = await Http.JsonAsync(await ValidateAsync(Milano, form.ToJsonString()));
        var roma = await Http.JsonAsync(await ValidateAsync(Roma, form.ToJsonString()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(milano.GetProperty("valid").GetBoolean(), Is.True, milano.GetProperty("errors").ToString());
            Assert.That(roma.GetProperty("valid").GetBoolean(), Is.False);
            Assert.That(roma.GetProperty("errors")[0].GetProperty("code").GetString(), Is.EqualTo("schema.unknown-field"));
            Assert.That(roma.GetProperty("errors")[0].GetProperty("pointer").GetString(), Is.EqualTo("/estensioniLocali/milano"));
        }
    }

    [Test]
    public async Task Validate_HundredThousandAttachments_ReportsMaxItemsOnceAndChecksOnlyTheFirstHundred()
    {
        var form = JsonNode.Parse(Example("valid", "persona-giuridica.json"))!;
        var body = form.ToJsonString().Replace("\"allegati\":[", "\"allegati\":[" + string.Concat(Enumerable.Repeat("{},", 100_000)), StringComparison.Ordinal);
        Assert.That(Encoding.UTF8.GetByteCount(body), Is.LessThan(1024 * 1024));

        var response = await ValidateAsync(Milano, body);
        var report = await Http.JsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var errors = report.GetProperty("errors").EnumerateArray().ToList();
        var maxItems = errors.Where(e => e.GetProperty("code").GetString() == "schema.max-items").ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.GetProperty("valid").GetBoolean(), Is.False);
            Assert.That(maxItems, Has.Count.EqualTo(1));
            Assert.That(maxItems[0].GetProperty("pointer").GetString(), Is.EqualTo("/allegati"));
            Assert.That(maxItems[0].GetProperty("message").GetProperty("en").GetString(), Does.Contain("100002"), "the example already lists 2");
            // The first 100 items ({}) each miss their two required fields; the other 99,900 are not checked.
            Assert.That(errors, Has.Count.LessThanOrEqualTo(1 + 200));
            Assert.That(errors.Select(e => e.GetProperty("pointer").GetString()), Has.None.StartsWith("/allegati/100/"));
        }
    }

    [Test]
    public async Task Validate_NotJson_Returns400BodyNotJson()
    {
        var response = await ValidateAsync(Milano, "{\"dichiarante\": ");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "body.not-json", "");
    }

    [Test]
    public async Task Validate_JsonArray_Returns400NotObject()
    {
        var response = await ValidateAsync(Milano, "[1, 2, 3]");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "body.not-object", "");
    }

    [Test]
    public async Task Validate_EmptyBody_Returns400BodyEmpty()
    {
        var response = await ValidateAsync(Milano, "");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "body.empty", "");
    }

    [TestCase("text/plain")]
    [TestCase("application/x-www-form-urlencoded")]
    [TestCase("application/json; charset=iso-8859-1")]
    public async Task Validate_NotJsonContentType_Returns415(string contentType)
    {
        var response = await ValidateAsync(Milano, Example("valid", "persona-fisica.json"), contentType);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "body.unsupported-media-type", "/headers/content-type");
    }

    [Test]
    public async Task Validate_BodyOverOneMebibyte_Returns413()
    {
        var body = "{\"x\":\"" + new string('a', 1024 * 1024) + "\"}";

        var response = await ValidateAsync(Milano, body);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "body.too-large", "");
    }

    [Test]
    public async Task Validate_ChunkedBodyOverOneMebibyte_Returns413WhileReading()
    {
        using var content = new ChunkedContent(Encoding.UTF8.GetBytes("{\"x\":\"" + new string('a', 1024 * 1024) + "\"}"));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await _client.PostAsync(new Uri("/api/v1/forms/scia/validate" + Milano, UriKind.Relative), content);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "body.too-large");
    }

    [Test]
    public async Task Validate_NestedDeeperThan32_Returns400TooDeep()
    {
        var body = "{\"a\":" + new string('[', 32) + new string(']', 32) + "}";

        var response = await ValidateAsync(Milano, body);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "body.too-deep");
    }

    [Test]
    public async Task Validate_Nested32Levels_IsJudgedByTheSchemaNotRefused()
    {
        var body = "{\"a\":" + new string('[', 31) + new string(']', 31) + "}";

        var response = await ValidateAsync(Milano, body);
        var report = await Http.JsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(report.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()), Does.Contain("schema.unknown-field"));
    }

    [Test]
    public async Task Validate_UnknownForm_Returns404BeforeReadingTheBody()
    {
        var response = await Http.PostAsync(_client, "/api/v1/forms/dia/validate" + Milano, "not even json");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "form.unknown", "/path/form");
    }

    [Test]
    public async Task Validate_UnknownMunicipality_Returns422()
    {
        var response = await ValidateAsync("?municipality=999999&date=2025-06-01", Example("valid", "persona-fisica.json"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "municipality.unknown", "/query/municipality");
    }

    [Test]
    public async Task Validate_DateWithNoVersionInForce_Returns422NoVersion()
    {
        var response = await ValidateAsync("?municipality=015146&date=2017-06-29", Example("valid", "persona-fisica.json"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "legal-date.no-version", "/query/date");
    }

    [Test]
    public async Task Validate_MissingMunicipality_Returns400QueryMissing()
    {
        var response = await ValidateAsync("?date=2025-06-01", Example("valid", "persona-fisica.json"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "query.missing", "/query/municipality");
    }

    [Test]
    public async Task Validate_WithoutDate_JudgesByTodayInRome()
    {
        var response = await ValidateAsync("?municipality=015146", Example("valid", "persona-fisica.json"));
        var report = await Http.JsonAsync(response);

        Assert.That(report.GetProperty("legalDate").GetString(), Is.EqualTo("2025-07-01"));
    }

    [Test]
    public async Task Validate_AcceptLanguageEnglish_ProblemInEnglishWithBothLanguagesInTheBody()
    {
        var response = await Http.PostAsync(_client, "/api/v1/forms/dia/validate" + Milano, "{}", language: "en");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "form.unknown");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Content.Headers.ContentLanguage, Is.EqualTo(new[] { "en" }));
            Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Not found"));
            Assert.That(problem.GetProperty("detail").GetString(), Does.StartWith("There is no form 'dia'"));
            Assert.That(problem.GetProperty("message").GetProperty("it").GetString(), Does.StartWith("Il modulo 'dia' non esiste"));
        }
    }

    [Test]
    public async Task Validate_AcceptLanguageEnglish_ReportStillCarriesBothLanguages()
    {
        var response = await ValidateAsync(Milano, Example("invalid", "schema.format.codice-fiscale--carattere-di-controllo.json"), language: "en");
        var report = await Http.JsonAsync(response);

        var message = report.GetProperty("errors")[0].GetProperty("message");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.GetProperty("it").GetString(), Is.Not.Empty);
            Assert.That(message.GetProperty("en").GetString(), Is.Not.Empty);
        }
    }

    [Test]
    public async Task Validate_InvalidForm_IsNotLoggedAsARejectedRequest()
    {
        await ValidateAsync(Milano, Example("invalid", "schema.format.codice-fiscale--carattere-di-controllo.json"));

        // A form with errors is an outcome (a 200 report), not a refused request; and no form data reaches the log.
        Assert.That(_factory.Logs.Entries.Select(e => e.Text), Has.None.Contains("RSSMRA85T10A562T"));
    }

    [Test]
    public async Task GetOpenApiDocument_Always_DocumentsTheFormOperations()
    {
        var document = await Http.JsonAsync(await _client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var paths = document.GetProperty("paths");
        var schema = paths.GetProperty("/api/v1/forms/{form}/schema").GetProperty("get");
        var validate = paths.GetProperty("/api/v1/forms/{form}/validate").GetProperty("post");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(paths.TryGetProperty("/api/v1/forms", out _), Is.True);
            Assert.That(schema.GetProperty("responses").EnumerateObject().Select(r => r.Name), Is.SupersetOf(new[] { "200", "304", "400", "404", "422" }));
            Assert.That(schema.GetProperty("responses").GetProperty("200").GetProperty("headers").EnumerateObject().Select(h => h.Name),
                Is.SupersetOf(new[] { "ETag", "X-Form-Version" }));
            Assert.That(schema.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("application/schema+json", out _), Is.True);
            Assert.That(validate.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _), Is.True);
            Assert.That(validate.GetProperty("responses").EnumerateObject().Select(r => r.Name),
                Is.SupersetOf(new[] { "200", "400", "404", "413", "415", "422" }));
            Assert.That(validate.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()),
                Is.EquivalentTo(new[] { "form", "municipality", "date" }));
        }
    }
}
