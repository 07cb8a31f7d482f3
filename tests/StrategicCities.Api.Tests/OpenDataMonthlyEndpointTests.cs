using System.Net;
using System.Text.Json;

namespace StrategicCities.Api.Tests;

/// <summary>Issue 14: the monthly open data and its DCAT-AP_IT metadata, public, with the CC BY 4.0 licence stated.</summary>
public sealed class OpenDataMonthlyEndpointTests
{
    private ApiFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _factory = new ApiFactory(new Dictionary<string, string?>
        {
            ["OpenData:PublisherName"] = "Comune di Esempio",
            ["OpenData:PublisherIpaCode"] = "c_x000",
            ["OpenData:ContactEmail"] = "opendata@comune.example.it",
            ["OpenData:BaseUrl"] = "https://permessi.comune.example.it",
        });
        _client = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _client?.Dispose();
        _factory?.Dispose();
    }

    [Test]
    public async Task MonthlyCsv_Anonymous_IsTheHeaderRowWithTheLicenceLinked()
    {
        using var response = await _client.GetAsync(new Uri("/api/v1/opendata/permits-monthly.csv", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
            Assert.That(response.Content.Headers.ContentDisposition!.FileName, Is.EqualTo("permits-monthly.csv"));
            Assert.That(string.Join(",", response.Headers.GetValues("Link")), Does.Contain("<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\""));
            Assert.That(text, Is.EqualTo("month,municipality_istat,regime,intervention_category,filed,decided,express_decisions,within_term,tacit_outcomes,integration_requests,median_days_taken\r\n"));
        }
    }

    [Test]
    public async Task MonthlyJson_Anonymous_StatesTheLicence()
    {
        using var response = await _client.GetAsync(new Uri("/api/v1/opendata/permits-monthly.json", UriKind.Relative));
        var body = await Http.JsonAsync(response);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body.GetProperty("licenseId").GetString(), Is.EqualTo("CC-BY-4.0"));
            Assert.That(body.GetProperty("rows").ValueKind, Is.EqualTo(JsonValueKind.Array));
        }
    }

    [Test]
    public async Task Catalog_IsDcatApItJsonLd_WithTheDatasetItsDistributionsAndTheLicence()
    {
        using var response = await _client.GetAsync(new Uri("/api/v1/opendata/catalog.jsonld", UriKind.Relative));
        var document = await Http.JsonAsync(response);
        var graph = document.GetProperty("@graph").EnumerateArray().ToList();
        JsonElement Typed(string type) => graph.Single(n => n.GetProperty("@type").EnumerateArray().Any(t => t.GetString() == type));
        var dataset = Typed("dcatapit:Dataset");
        var distributions = graph.Where(n => n.GetProperty("@type").EnumerateArray().Any(t => t.GetString() == "dcatapit:Distribution")).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/ld+json"));
            Assert.That(document.GetProperty("@context").GetProperty("dcatapit").GetString(), Is.EqualTo("http://dati.gov.it/onto/dcatapit#"));
            Assert.That(Typed("dcatapit:Catalog").GetProperty("dcat:dataset").GetProperty("@id").GetString(), Is.EqualTo(dataset.GetProperty("@id").GetString()));
            Assert.That(dataset.GetProperty("dct:identifier").GetString(), Is.EqualTo("c_x000:permits-monthly"));
            Assert.That(dataset.GetProperty("dct:accrualPeriodicity").GetProperty("@id").GetString(), Does.EndWith("/frequency/MONTHLY"));
            Assert.That(dataset.GetProperty("dct:rightsHolder").GetProperty("@id").GetString(), Is.EqualTo(Typed("dcatapit:Agent").GetProperty("@id").GetString()));
            Assert.That(Typed("dcatapit:Agent").GetProperty("dct:identifier").GetString(), Is.EqualTo("c_x000"));
            Assert.That(distributions.Select(d => d.GetProperty("dcat:accessURL").GetProperty("@id").GetString()), Is.EquivalentTo(new[]
            {
                "https://permessi.comune.example.it/api/v1/opendata/permits-monthly.csv",
                "https://permessi.comune.example.it/api/v1/opendata/permits-monthly.json",
            }));
            Assert.That(distributions.Select(d => d.GetProperty("dct:license").GetProperty("@id").GetString()),
                Is.All.EqualTo("https://w3id.org/italia/controlled-vocabulary/licences/A21_CCBY40"));
            Assert.That(Typed("dcatapit:LicenseDocument").GetProperty("foaf:page").GetProperty("@id").GetString(),
                Is.EqualTo("https://creativecommons.org/licenses/by/4.0/"));
        }
    }
}
