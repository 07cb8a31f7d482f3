using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StrategicCities.Api.Intake;
using StrategicCities.Core.Monitoring.Seeding;
using StrategicCities.Core.OpenData;
using StrategicCities.Core.Procedures;
using StrategicCities.Data;
using StrategicCities.Data.ApiKeys;
using StrategicCities.Data.Monitoring;

namespace StrategicCities.Api.Tests;

/// <summary>GET /api/v1/stats (supervisor/admin, scoped) and the public open-data files, on a seeded SQLite database.</summary>
[TestFixture]
[NonParallelizable]
public sealed class StatisticsEndpointTests
{
    private static readonly DateOnly Today = new(2025, 6, 30);
    private ApiFactory _factory = null!;
    private List<SeededApplication> _seeded = null!;
    private SeedOffice _office = null!;
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _factory = new ApiFactory();
        var services = _factory.Services;
        var calendar = await services.GetRequiredService<LegalCalendarProvider>().GetAsync(CancellationToken.None);
        var generator = new SeedGenerator(services.GetRequiredService<ProcedureCatalog>(), calendar, Today, 5);
        _seeded = generator.Generate(200).ToList();
        var writer = new BulkApplicationWriter(services.GetRequiredService<DatabaseFactory>());
        await writer.WriteOfficesAsync(generator.Offices, DateTimeOffset.UtcNow);
        await writer.WriteApplicationsAsync(_seeded);
        _office = generator.Offices.OrderByDescending(o => _seeded.Count(a => o.Municipalities.Contains(a.Municipality))).First();
        var keys = services.GetRequiredService<ApiKeyStore>();
        _keys["supervisor"] = (await keys.CreateAsync(ApiKeyRoles.Supervisor, _office.Id, "supervisor")).Secret!;
        _keys["clerk"] = (await keys.CreateAsync(ApiKeyRoles.Clerk, _office.Id, "clerk")).Secret!;
        _keys["admin"] = (await keys.CreateAsync(ApiKeyRoles.Admin, null, "admin")).Secret!;
    }

    [OneTimeTearDown]
    public void Stop() => _factory?.Dispose();

    private async Task<HttpResponseMessage> GetAsync(string path, string? key)
    {
        using var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", _keys[key]);
        }

        return await client.SendAsync(request);
    }

    [Test]
    public async Task Supervisor_GetsTheStatisticsOfTheOfficeMunicipalitiesOnly()
    {
        using var response = await GetAsync("/api/v1/stats?groupBy=municipality", "supervisor");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var rows = doc.RootElement.GetProperty("rows").EnumerateArray().ToList();
        var expected = _seeded.Count(a => _office.Municipalities.Contains(a.Municipality));
        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.GetProperty("key").GetProperty("municipality").GetString()), Is.SubsetOf(_office.Municipalities));
            Assert.That(doc.RootElement.GetProperty("total").GetProperty("filed").GetInt64(), Is.EqualTo(expected));
            Assert.That(expected, Is.GreaterThan(0));
        });
    }

    [Test]
    [Description("Issue 14: the report echoed \"groupBy\":[0].")]
    public async Task Stats_EchoesGroupByAsCodes()
    {
        using var response = await GetAsync("/api/v1/stats?groupBy=municipality,month", "admin");
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(doc.RootElement.GetProperty("query").GetProperty("groupBy").EnumerateArray().Select(g => g.ValueKind == JsonValueKind.String ? g.GetString() : g.ToString()),
            Is.EqualTo(new[] { "municipality", "month" }), doc.RootElement.ToString());
    }

    [Test]
    public async Task Admin_GetsEverything_AndBacklogEndpointAnswers()
    {
        using var response = await GetAsync("/api/v1/stats?groupBy=", "admin");
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        using var backlog = await GetAsync("/api/v1/stats/backlog", "admin");
        var entries = await backlog.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(doc.RootElement.GetProperty("total").GetProperty("filed").GetInt64(), Is.EqualTo(_seeded.Count));
            Assert.That(backlog.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(entries.EnumerateArray().Sum(e => e.GetProperty("count").GetInt64()),
                Is.EqualTo(doc.RootElement.GetProperty("total").GetProperty("pending").GetInt64()));
        });
    }

    [Test]
    public async Task Supervisor_AskingForAnotherMunicipality_Is403()
    {
        using var response = await GetAsync("/api/v1/stats?municipality=999999", "supervisor");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
    }

    [TestCase("groupBy=planet")]
    [TestCase("from=01/02/2025")]
    [TestCase("office=x")]
    public async Task InvalidFilter_Is400(string query)
    {
        using var response = await GetAsync("/api/v1/stats?" + query, "admin");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("stats.query-invalid"));
    }

    [Test]
    public async Task Clerk_Is403_AndNoKey_Is401()
    {
        using var clerk = await GetAsync("/api/v1/stats", "clerk");
        using var none = await GetAsync("/api/v1/stats/backlog", null);
        Assert.Multiple(async () =>
        {
            Assert.That(clerk.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await clerk.Content.ReadAsStringAsync(), Does.Contain("auth.forbidden"));
            Assert.That(none.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await none.Content.ReadAsStringAsync(), Does.Contain("auth.missing"));
        });
    }

    [TestCase("csv", "text/csv")]
    [TestCase("json", "application/json")]
    public async Task OpenData_IsPublic_HasTheDictionaryColumns_AndNoPersonalValue(string extension, string mediaType)
    {
        using var response = await GetAsync("/api/v1/opendata/permits." + extension, null);
        var text = await response.Content.ReadAsStringAsync();
        var personal = Personal();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo(mediaType));
            Assert.That(response.Content.Headers.ContentType!.CharSet, Is.EqualTo("utf-8"));
            Assert.That(response.Content.Headers.ContentDisposition!.FileName, Is.EqualTo($"permits.{extension}"));
            Assert.That(personal.Where(v => text.Contains(v, StringComparison.OrdinalIgnoreCase)), Is.Empty);
        });
        if (extension == "csv")
        {
            var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.That(lines[0], Is.EqualTo(string.Join(',', OpenDataRow.Columns)));
            Assert.That(lines, Has.Length.EqualTo(_seeded.Count + 1));
        }
        else
        {
            using var doc = JsonDocument.Parse(text);
            var first = doc.RootElement.EnumerateArray().First();
            Assert.That(first.EnumerateObject().Select(p => p.Name), Is.EqualTo(OpenDataRow.Columns));
            Assert.That(doc.RootElement.GetArrayLength(), Is.EqualTo(_seeded.Count));
        }
    }

    [Test]
    public async Task Dictionary_IsServed_AndDocumentsEveryColumn()
    {
        using var response = await GetAsync("/api/v1/opendata/permits-dictionary.md", null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(OpenDataRow.Columns.Where(c => !text.Contains(c, StringComparison.Ordinal)), Is.Empty);
    }

    private HashSet<string> Personal()
    {
        var personal = new HashSet<string>(StringComparer.Ordinal);
        foreach (var application in _seeded)
        {
            using var doc = JsonDocument.Parse(application.Data);
            var p = doc.RootElement.GetProperty("dichiarante").GetProperty("persona");
            var t = doc.RootElement.GetProperty("tecnico");
            var u = doc.RootElement.GetProperty("ubicazione");
            personal.UnionWith(
            [
                p.GetProperty("cognome").GetString()!, p.GetProperty("nome").GetString()!, p.GetProperty("codiceFiscale").GetString()!,
                p.GetProperty("pec").GetString()!, p.GetProperty("residenza").GetProperty("via").GetString()!,
                t.GetProperty("cognome").GetString()!, t.GetProperty("nome").GetString()!, t.GetProperty("codiceFiscale").GetString()!,
                u.GetProperty("indirizzo").GetProperty("via").GetString()!,
                u.GetProperty("catasto").GetProperty("fabbricati")[0].GetProperty("riferimento").GetString()!,
                doc.RootElement.GetProperty("intervento").GetProperty("descrizione").GetString()!,
            ]);
        }

        return personal;
    }
}
