using System.Net;

namespace StrategicCities.Api.Tests;

public sealed class CatalogEndpointTests
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
    public async Task GetCatalog_Always_ListsVersionsOverlaysAndCounts()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/catalog", UriKind.Relative));
        var body = await Http.JsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var determination = body.GetProperty("ruleSets").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "determination");
        var versions = determination.GetProperty("versions").EnumerateArray().ToList();
        var overlays = body.GetProperty("overlays").EnumerateArray().ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(versions.Select(v => v.GetProperty("version").GetString()), Does.Contain("2024-07-28"));
            Assert.That(versions.Select(v => v.GetProperty("hash").GetString()), Has.All.StartsWith("sha256:"));
            Assert.That(versions[0].GetProperty("validFrom").GetString(), Is.EqualTo("2016-12-11"));
            // Revision 2 of 2016-12-11 ends where D.P.R. 31/2017 (version 2017-04-06) starts.
            Assert.That(versions[0].GetProperty("validTo").GetString(), Is.EqualTo("2017-04-06"));
            Assert.That(versions[^1].TryGetProperty("validTo", out _), Is.False, "the last version is open-ended");
            Assert.That(overlays.Select(o => o.GetProperty("version").GetProperty("jurisdiction").GetString()), Is.SupersetOf(new[] { "03", "015146" }));
            Assert.That(overlays.Select(o => o.GetProperty("version").GetProperty("layer").GetString()), Is.SupersetOf(new[] { "region", "municipality" }));
            // Every rule set's versions (determination and the forms' rule sets), not only determination's.
            Assert.That(body.GetProperty("counts").GetProperty("versions").GetInt32(),
                Is.EqualTo(body.GetProperty("ruleSets").EnumerateArray().Sum(r => r.GetProperty("versions").GetArrayLength())));
            Assert.That(body.GetProperty("counts").GetProperty("overlays").GetInt32(), Is.EqualTo(overlays.Count));
            Assert.That(body.GetProperty("counts").GetProperty("municipalities").GetInt32(), Is.GreaterThan(7000));
        }
    }

    [Test]
    public async Task GetMunicipality_MilanoIn2025_ReturnsNationalRegionalAndMunicipalLayers()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/catalog/015146?date=2025-03-01", UriKind.Relative));
        var body = await Http.JsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var layers = body.GetProperty("ruleSets")[0].GetProperty("layers").EnumerateArray().ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.GetProperty("municipality").GetProperty("name").GetString(), Is.EqualTo("Milano"));
            Assert.That(body.GetProperty("date").GetString(), Is.EqualTo("2025-03-01"));
            Assert.That(layers.Select(l => l.GetProperty("layer").GetString()), Is.EqualTo(new[] { "national", "region", "municipality" }));
            Assert.That(layers[0].GetProperty("version").GetString(), Is.EqualTo("2024-07-28"));
            Assert.That(layers.Select(l => l.GetProperty("hash").GetString()), Has.All.StartsWith("sha256:"));
        }
    }

    [Test]
    public async Task GetMunicipality_Before2025Overlays_ReturnsNationalLayerOnly()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/catalog/015146?date=2021-01-01", UriKind.Relative));
        var body = await Http.JsonAsync(response);

        var layers = body.GetProperty("ruleSets")[0].GetProperty("layers").EnumerateArray().ToList();
        Assert.That(layers.Select(l => l.GetProperty("version").GetString()), Is.EqualTo(new[] { "2020-07-17" }));
    }

    [Test]
    public async Task GetMunicipality_WithoutDate_UsesTodayInRome()
    {
        // The fake clock says 2025-06-30 22:30 UTC: already 1 July in Rome.
        var response = await _client.GetAsync(new Uri("/api/v1/catalog/015146", UriKind.Relative));
        var body = await Http.JsonAsync(response);

        Assert.That(body.GetProperty("date").GetString(), Is.EqualTo("2025-07-01"));
    }

    [Test]
    public async Task GetMunicipality_UnknownCode_Returns404WithPathPointer()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/catalog/999999?date=2025-03-01", UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "municipality.unknown", "/path/municipality");
    }

    [Test]
    public async Task GetMunicipality_MalformedCode_Returns400()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/catalog/milano", UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "municipality.invalid", "/path/municipality");
    }

    [TestCase("2025-13-01")]
    [TestCase("01/03/2025")]
    [TestCase("2025-3-1")]
    [TestCase("today")]
    public async Task GetMunicipality_BadDate_Returns400WithQueryPointer(string date)
    {
        var response = await _client.GetAsync(new Uri("/api/v1/catalog/015146?date=" + Uri.EscapeDataString(date), UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "legal-date.invalid", "/query/date");
    }

    [Test]
    public async Task GetMunicipality_DateBeforeAnyVersion_Returns422()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/catalog/015146?date=2010-01-01", UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "legal-date.no-version", "/query/date");
    }
}
