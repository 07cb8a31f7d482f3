using System.Net;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Determination;

namespace StrategicCities.Api.Tests;

/// <summary>The HTTP endpoint answers what Core answers, for a few sample interventions.</summary>
public sealed class DeterminationParityTests
{
    private ApiFactory _factory = null!;
    private HttpClient _client = null!;
    private DeterminationEngine _engine = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _factory = new ApiFactory();
        _client = _factory.CreateClient();
        var sources = CatalogSources.Discover(RepoPaths.Rules);
        var catalog = (await CatalogLoader.LoadAsync(sources)).GetCatalogOrThrow();
        _engine = new DeterminationEngine(catalog, await InterventionReader.CreateAsync(sources.SchemasDirectory));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [TestCase("015146", "2025-03-01", """{"category":"nuova-costruzione"}""", "permesso-di-costruire")]
    [TestCase("015146", "2025-03-01", """{"category":"manutenzione-ordinaria"}""", "edilizia-libera")]
    [TestCase("048017", "2025-03-01", """{"category":"cambio-uso","useChange":{"from":"residenziale","to":"turistico-ricettiva","withWorks":false,"urbanisticallyRelevant":true},"heritage":true}""", "scia")]
    public async Task Post_SampleIntervention_ReturnsTheRegimeCoreReturns(string municipality, string date, string intervention, string expected)
    {
        var (core, errors) = await _engine.DetermineAsync(municipality, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), intervention);
        var response = await Http.DetermineAsync(_client, $"?municipality={municipality}&date={date}", intervention);
        var body = await Http.JsonAsync(response);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors, Is.Empty);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(core!.Regime, Is.EqualTo(expected));
            Assert.That(body.GetProperty("regime").GetString(), Is.EqualTo(core.Regime));
            Assert.That(body.GetProperty("trace").GetArrayLength(), Is.EqualTo(core.Trace.Count));
            Assert.That(body.GetProperty("ruleSets").EnumerateArray().Select(v => v.GetProperty("hash").GetString()),
                Is.EqualTo(core.RuleSets.Select(v => v.Hash)));
        }
    }
}
