using System.Net;
using System.Net.Http.Headers;

namespace StrategicCities.Api.Tests;

/// <summary>GET /api/v1/catalog/{municipality}/diff: what a municipality and its region change against the national baseline.</summary>
public sealed class CatalogDiffEndpointTests
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

    [Test]
    public async Task GetDiff_Roma_ReturnsRuleOverlayFormFieldsAndPatronDayAsJson()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/catalog/058091/diff?date=2025-06-01", UriKind.Relative));
        var body = await Http.JsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var forms = body.GetProperty("forms").EnumerateArray().ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
            Assert.That(body.GetProperty("municipality").GetProperty("name").GetString(), Is.EqualTo("Roma"));
            Assert.That(body.GetProperty("date").GetString(), Is.EqualTo("2025-06-01"));
            var overlay = body.GetProperty("rules")[0].GetProperty("overlays")[0];
            Assert.That(overlay.GetProperty("file").GetProperty("layer").GetString(), Is.EqualTo("municipality"));
            Assert.That(overlay.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("change").GetString()), Is.SupersetOf(new[] { "added", "overridden" }));
            Assert.That(forms.Select(f => f.GetProperty("form").GetString()), Is.EqualTo(new[] { "cila", "scia" }));
            Assert.That(forms[0].GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("pointer").GetString()),
                Does.Contain("/estensioniLocali/roma/municipio"));
            Assert.That(forms[0].GetProperty("extension").GetProperty("file").GetString(), Is.EqualTo("schemas/municipalities/058091/cila/2025-05-23.schema.json"));
            var day = body.GetProperty("calendar").GetProperty("days")[0];
            Assert.That(day.GetProperty("kind").GetString(), Is.EqualTo("recurring"));
            Assert.That(day.GetProperty("legalBasis")[0].GetProperty("instrument").GetString(), Is.EqualTo("dpr792-1985"));
            Assert.That(body.GetProperty("counts").GetProperty("calendarDays").GetInt32(), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task GetDiff_MilanoAsTextInEnglish_ReadableSections()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/catalog/015146/diff?date=2025-06-01");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/plain"));
        request.Headers.AcceptLanguage.ParseAdd("en");

        var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/plain"));
            Assert.That(text, Does.StartWith("Milano (015146, region 03 Lombardia) on 2025-06-01"));
            Assert.That(text, Does.Contain("region 03: rules/regions/03/determination/2025-01-01"));
            Assert.That(text, Does.Contain("/estensioniLocali/milano/referente/telefono: Telephone (string, required within its local group)"));
            Assert.That(text, Does.Contain("every year on 7 December: Saint Ambrose"));
        }
    }

    [Test]
    public async Task GetDiff_AsTextWithoutLanguage_Italian()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/catalog/015077/diff?date=2025-06-01");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/plain"));

        var text = await (await _client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.That(text, Does.StartWith("Cinisello Balsamo (015077, regione 03 Lombardia) al 01/06/2025"));
        Assert.That(text, Does.Contain("Moduli (campi locali)" + Environment.NewLine + "  nessuna differenza"));
    }

    [Test]
    public async Task GetDiff_UnknownMunicipality_Returns404WithPathPointer()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/catalog/999999/diff?date=2025-06-01", UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "municipality.unknown", "/path/municipality");
    }

    [Test]
    public async Task GetDiff_MalformedMunicipality_Returns400()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/catalog/roma/diff", UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "municipality.invalid", "/path/municipality");
    }

    [TestCase("2025-02-30")]
    [TestCase("01/06/2025")]
    public async Task GetDiff_BadDate_Returns400WithQueryPointer(string date)
    {
        var response = await _client.GetAsync(new Uri("/api/v1/catalog/058091/diff?date=" + Uri.EscapeDataString(date), UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "legal-date.invalid", "/query/date");
    }

    [Test]
    public async Task GetDiff_DateBeforeAnyVersion_Returns422()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/catalog/058091/diff?date=2010-01-01", UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "legal-date.no-version", "/query/date");
    }
}
