using System.Net;

namespace StrategicCities.Api.Tests;

public sealed class ProceduresEndpointTests
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
    public async Task GetProcedures_Always_ListsEveryRegimeWithVersions()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/procedures", UriKind.Relative));
        var body = await Http.JsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var ids = body.GetProperty("procedures").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        Assert.That(ids, Is.SupersetOf(new[] { "permesso-di-costruire", "scia", "scia-alternativa", "cila", "cil", "agibilita" }));
    }

    [Test]
    public async Task GetGraph_PermitAsMermaid_LabelsTransitionsWithLegalBasis()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/procedures/permesso-di-costruire/graph?date=2025-03-01", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/plain"));
        Assert.That(text, Does.Contain("stateDiagram-v2"));
        Assert.That(text, Does.Contain("art. 20"));
    }

    [Test]
    public async Task GetGraph_SciaAsDotForMilano_ReturnsDigraph()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/procedures/scia/graph?format=dot&date=2025-03-01&municipality=015146", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(text, Does.StartWith("digraph"));
    }

    [Test]
    public async Task GetGraph_UnknownProcedure_Returns404Problem()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/procedures/condono/graph", UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "procedure.unknown");
    }

    [Test]
    public async Task GetGraph_UnknownFormat_Returns400ProblemAtQueryFormat()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/procedures/scia/graph?format=svg", UriKind.Relative));
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "query.format-unknown");

        Assert.That(problem.GetProperty("errors")[0].GetProperty("pointer").GetString(), Is.EqualTo("/query/format"));
    }

    [Test]
    public async Task GetGraph_DateBeforeAnyVersion_Returns422Problem()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/procedures/scia/graph?date=1990-01-01", UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "legal-date.no-version");
    }
}
