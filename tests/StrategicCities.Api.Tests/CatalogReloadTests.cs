using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StrategicCities.Data.ApiKeys;

namespace StrategicCities.Api.Tests;

/// <summary>POST /api/v1/catalog/reload on a copy of the repository's rules: verified aside, swapped, or refused.</summary>
[TestFixture]
[NonParallelizable]
public sealed class CatalogReloadTests
{
    private string _root = null!;
    private ApiFactory _factory = null!;
    private string _admin = null!;
    private string _clerk = null!;

    private string Rules => Path.Combine(_root, "rules");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _root = RepoPaths.CopyToTemp();
        _factory = new ApiFactory(new Dictionary<string, string?> { ["Catalog:RulesPath"] = Rules });
        var keys = _factory.Services.GetRequiredService<ApiKeyStore>();
        _admin = (await keys.CreateAsync(ApiKeyRoles.Admin, null, "admin")).Secret!;
        _clerk = (await keys.CreateAsync(ApiKeyRoles.RulesAuthor, null, "rules-author")).Secret!;
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _factory.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private HttpClient Client(string? key = null)
    {
        var client = _factory.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    [Test]
    public async Task Reload_BrokenRuleFile_Refused422ListingItAndTheOldCatalogKeepsServing()
    {
        using var client = Client(_admin);
        var before = (await BodyAsync(await client.GetAsync("/api/v1/catalog"))).GetProperty("counts").ToString();
        var broken = Path.Combine(Rules, "national", "determination", "2099-01-01.json");
        await File.WriteAllTextAsync(broken, "{ \"id\": \"determination\", ");
        try
        {
            var reload = await client.PostAsync("/api/v1/catalog/reload", null);
            var body = await BodyAsync(reload);
            var after = (await BodyAsync(await client.GetAsync("/api/v1/catalog"))).GetProperty("counts").ToString();
            var determination = await client.PostAsync("/api/v1/determinations?municipality=015146&date=2025-03-01",
                new StringContent("{\"category\":\"nuova-costruzione\"}", Encoding.UTF8, "application/json"));

            Assert.That((int)reload.StatusCode, Is.EqualTo(422), body.ToString());
            Assert.That(body.GetProperty("code").GetString(), Is.EqualTo("catalog.reload-refused"));
            Assert.That(body.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("file").GetString()),
                Does.Contain("national/determination/2099-01-01.json"));
            Assert.That(after, Is.EqualTo(before));
            Assert.That(determination.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Test]
    public async Task Reload_NewMunicipalOverlay_VisibleToTheNextRequest()
    {
        using var client = Client(_admin);
        var before = await BodyAsync(await client.GetAsync("/api/v1/catalog/001272?date=2025-06-01"));
        var milano = await File.ReadAllTextAsync(Path.Combine(Rules, "municipalities", "015146", "determination", "2025-01-01.json"));
        var torino = Path.Combine(Rules, "municipalities", "001272", "determination");
        Directory.CreateDirectory(torino);
        await File.WriteAllTextAsync(Path.Combine(torino, "2025-01-01.json"), milano.Replace("\"015146\"", "\"001272\"", StringComparison.Ordinal));

        var reload = await client.PostAsync("/api/v1/catalog/reload", null);
        var reloadBody = await BodyAsync(reload);
        var after = await BodyAsync(await client.GetAsync("/api/v1/catalog/001272?date=2025-06-01"));

        Assert.That(reload.StatusCode, Is.EqualTo(HttpStatusCode.OK), reloadBody.ToString());
        Assert.That(before.ToString(), Does.Not.Contain("municipalities/001272/determination/2025-01-01.json"));
        Assert.That(after.ToString(), Does.Contain("municipalities/001272/determination/2025-01-01.json"));
    }

    [Test]
    public async Task Reload_NotAdmin_Forbidden()
    {
        using var supervisor = Client(_clerk);
        using var anonymous = Client();

        Assert.That((int)(await supervisor.PostAsync("/api/v1/catalog/reload", null)).StatusCode, Is.EqualTo(403));
        Assert.That((int)(await anonymous.PostAsync("/api/v1/catalog/reload", null)).StatusCode, Is.EqualTo(401));
    }
}
