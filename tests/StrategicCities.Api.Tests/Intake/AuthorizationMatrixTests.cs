using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StrategicCities.Data.ApiKeys;
using StrategicCities.Data.Offices;

namespace StrategicCities.Api.Tests.Intake;

/// <summary>
/// Every endpoint × every role, with the expected status of each cell. Application cells act on a fresh draft
/// of the caller's office (Milano), created by an admin, so a mutation in one cell never affects another.
/// Public endpoints are anonymous: a key is neither needed nor checked there (a revoked key is treated as none).
/// <code>
/// | endpoint                                   | none | portal | clerk | supervisor | rules-author | admin | revoked |
/// |--------------------------------------------|------|--------|-------|------------|--------------|-------|---------|
/// | POST /api/v1/applications                  | 401  | 403    | 201   | 201        | 403          | 201   | 401     |
/// | GET  /api/v1/applications/{id}             | 401  | 403    | 200   | 200        | 403          | 200   | 401     |
/// | PUT  /api/v1/applications/{id}/data        | 401  | 403    | 200   | 200        | 403          | 200   | 401     |
/// | POST /api/v1/applications/{id}/triggers/presentazione | 401 | 403 | 200 | 200     | 403          | 200   | 401     |
/// | GET  /api/v1/applications/{id}/events      | 401  | 403    | 200   | 200        | 403          | 200   | 401     |
/// | GET  /api/v1/applications/{id}/deadlines   | 401  | 403    | 200   | 200        | 403          | 200   | 401     |
/// | GET  /api/v1/applications                  | 401  | 403    | 200   | 200        | 403          | 200   | 401     |
/// | POST /api/v1/applications/{id}/repin       | 401  | 403    | 403   | 403        | 403          | 409*  | 401     |
/// | POST /api/v1/determinations                | 200  | 200    | 200   | 200        | 200          | 200   | 200     |
/// | POST /api/v1/fees                          | 200  | 200    | 200   | 200        | 200          | 200   | 200     |
/// | GET  /api/v1/forms                         | 200  | 200    | 200   | 200        | 200          | 200   | 200     |
/// | GET  /api/v1/forms/scia/schema             | 200  | 200    | 200   | 200        | 200          | 200   | 200     |
/// | POST /api/v1/forms/scia/validate           | 200  | 200    | 200   | 200        | 200          | 200   | 200     |
/// | GET  /api/v1/catalog                       | 200  | 200    | 200   | 200        | 200          | 200   | 200     |
/// | POST /api/v1/catalog/reload                | 401  | 403    | 403   | 403        | 403          | 200   | 401     |
/// | GET  /api/v1/catalog/015146/diff           | 200  | 200    | 200   | 200        | 200          | 200   | 200     |
/// | GET  /api/v1/procedures/scia/graph         | 200  | 200    | 200   | 200        | 200          | 200   | 200     |
/// | GET  /health, /health/ready                | 200  | 200    | 200   | 200        | 200          | 200   | 200     |
/// </code>
/// * admin passes; the draft of the matrix has pinned nothing, so there is nothing to re-pin.
/// Scope (another office's application → 404) is covered by ApplicationsEndpointTests.
/// </summary>
[NonParallelizable]
public sealed class AuthorizationMatrixTests
{
    private const string Milano = "015146";
    private static readonly string[] Roles = ["none", "portal", "clerk", "supervisor", "rules-author", "admin", "revoked"];
    private static readonly int[] Applications = [401, 403, 200, 200, 403, 200, 401];
    private static readonly int[] Create = [401, 403, 201, 201, 403, 201, 401];
    private static readonly int[] Public = [200, 200, 200, 200, 200, 200, 200];
    private static readonly int[] Statistics = [401, 403, 403, 200, 403, 200, 401];
    private static readonly int[] AdminOnDraft = [401, 403, 403, 403, 403, 409, 401];
    private static readonly int[] AdminOnly = [401, 403, 403, 403, 403, 200, 401];

    /// <summary>Endpoint name → expected status per role (in <see cref="Roles"/> order).</summary>
    private static readonly (string Endpoint, int[] Expected)[] Matrix =
    [
        ("applications.create", Create),
        ("applications.get", Applications),
        ("applications.put-data", Applications),
        ("applications.trigger", Applications),
        ("applications.events", Applications),
        ("applications.deadlines", Applications),
        ("applications.list", Applications),
        ("applications.repin", AdminOnDraft),
        ("determinations", Public),
        ("fees", Public),
        ("forms.list", Public),
        ("forms.schema", Public),
        ("forms.validate", Public),
        ("catalog", Public),
        ("catalog.reload", AdminOnly),
        ("catalog.diff", Public),
        ("procedures.graph", Public),
        ("health", Public),
        ("health.ready", Public),
        ("stats", Statistics),
        ("stats.backlog", Statistics),
        ("stats.chart", Statistics),
        ("opendata.csv", Public),
        ("opendata.json", Public),
        ("opendata.dictionary", Public),
        ("opendata.monthly.csv", Public),
        ("opendata.monthly.json", Public),
        ("opendata.catalog", Public),
    ];

    private ApiFactory _factory = null!;
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);

    private static IEnumerable<TestCaseData> Cells() =>
        from row in Matrix
        from i in Enumerable.Range(0, Roles.Length)
        select new TestCaseData(row.Endpoint, Roles[i], row.Expected[i]).SetArgDisplayNames(row.Endpoint, Roles[i], row.Expected[i].ToString(System.Globalization.CultureInfo.InvariantCulture));

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _factory = new ApiFactory();
        var offices = _factory.Services.GetRequiredService<OfficeStore>();
        var keys = _factory.Services.GetRequiredService<ApiKeyStore>();
        var north = await offices.CreateAsync("Milano", [Milano]);
        foreach (var role in ApiKeyRoles.All)
        {
            _keys[role] = (await keys.CreateAsync(role, ApiKeyRoles.NeedsOffice(role) ? north.Id : null, role)).Secret!;
        }

        var revoked = await keys.CreateAsync(ApiKeyRoles.Admin, null, "revoked");
        await keys.RevokeAsync(revoked.Key!.Id);
        _keys["revoked"] = revoked.Secret!;
    }

    [OneTimeTearDown]
    public void Stop() => _factory?.Dispose();

    [Test]
    public void Matrix_CoversEveryEndpointOfTheApi()
    {
        var endpoints = _factory.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? "")
            .Where(p => p.StartsWith("api/v1/", StringComparison.Ordinal) && !p.Contains("fault", StringComparison.OrdinalIgnoreCase))
            .ToHashSet(StringComparer.Ordinal);
        // The routes of the rows above; a new route under api/v1 must get a row here (and a row in the matrix).
        string[] covered =
        [
            "api/v1/applications", "api/v1/applications/{id:guid}", "api/v1/applications/{id:guid}/data",
            "api/v1/applications/{id:guid}/triggers/{trigger}", "api/v1/applications/{id:guid}/events",
            "api/v1/applications/{id:guid}/deadlines", "api/v1/applications/{id:guid}/repin", "api/v1/determinations", "api/v1/fees", "api/v1/forms", "api/v1/forms/{form}/schema",
            "api/v1/forms/{form}/validate", "api/v1/catalog", "api/v1/catalog/{municipality}", "api/v1/catalog/{municipality}/diff", "api/v1/catalog/reload",
            "api/v1/procedures", "api/v1/procedures/{id}/graph",
            "api/v1/stats", "api/v1/stats/backlog", "api/v1/stats/charts/{chart}.svg",
            "api/v1/opendata/permits.csv", "api/v1/opendata/permits.json", "api/v1/opendata/permits-dictionary.md",
            "api/v1/opendata/permits-monthly.csv", "api/v1/opendata/permits-monthly.json", "api/v1/opendata/catalog.jsonld",
        ];
        Assert.That(endpoints.Except(covered, StringComparer.Ordinal), Is.Empty, "API routes without a row in the authorization matrix");
    }

    [TestCaseSource(nameof(Cells))]
    public async Task Cell_ReturnsExpectedStatus(string endpoint, string role, int expected)
    {
        using var client = _factory.CreateClient();
        using var admin = Client("admin");
        Guid id = default;
        string etag = "";
        if (endpoint.StartsWith("applications.", StringComparison.Ordinal) && endpoint is not ("applications.create" or "applications.list"))
        {
            var created = await admin.PostAsync("/api/v1/applications", Json(JsonSerializer.Serialize(new { municipality = Milano, regime = "scia" })));
            Assert.That((int)created.StatusCode, Is.EqualTo(201));
            id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
            etag = created.Headers.ETag!.Tag;
            if (endpoint == "applications.trigger")
            {
                using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/applications/{id}/data") { Content = Json(ValidScia()) };
                put.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
                var updated = await admin.SendAsync(put);
                Assert.That((int)updated.StatusCode, Is.EqualTo(200));
                etag = updated.Headers.ETag!.Tag;
            }
        }

        using var request = endpoint switch
        {
            "applications.create" => new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications") { Content = Json(JsonSerializer.Serialize(new { municipality = Milano, regime = "scia" })) },
            "applications.get" => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/applications/{id}"),
            "applications.put-data" => new HttpRequestMessage(HttpMethod.Put, $"/api/v1/applications/{id}/data") { Content = Json("{}") },
            "applications.trigger" => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{id}/triggers/presentazione"),
            "applications.events" => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/applications/{id}/events"),
            "applications.deadlines" => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/applications/{id}/deadlines"),
            "applications.list" => new HttpRequestMessage(HttpMethod.Get, "/api/v1/applications"),
            "applications.repin" => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{id}/repin") { Content = Json("{\"reason\":\"matrix\"}") },
            "determinations" => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/determinations?municipality={Milano}&date=2025-03-01") { Content = Json("{\"category\":\"nuova-costruzione\"}") },
            "fees" => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/fees?municipality={Milano}&date=2025-03-01") { Content = Json("{\"regime\":\"cila\",\"category\":\"manutenzione-straordinaria\"}") },
            "forms.list" => new HttpRequestMessage(HttpMethod.Get, "/api/v1/forms"),
            "forms.schema" => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/forms/scia/schema?municipality={Milano}"),
            "forms.validate" => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/forms/scia/validate?municipality={Milano}") { Content = Json(ValidScia()) },
            "catalog" => new HttpRequestMessage(HttpMethod.Get, "/api/v1/catalog"),
            "catalog.reload" => new HttpRequestMessage(HttpMethod.Post, "/api/v1/catalog/reload"),
            "catalog.diff" => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/catalog/{Milano}/diff?date=2025-06-01"),
            "procedures.graph" => new HttpRequestMessage(HttpMethod.Get, "/api/v1/procedures/scia/graph?date=2025-03-01"),
            "health" => new HttpRequestMessage(HttpMethod.Get, "/health"),
            "health.ready" => new HttpRequestMessage(HttpMethod.Get, "/health/ready"),
            "stats" => new HttpRequestMessage(HttpMethod.Get, "/api/v1/stats"),
            "stats.backlog" => new HttpRequestMessage(HttpMethod.Get, "/api/v1/stats/backlog"),
            "stats.chart" => new HttpRequestMessage(HttpMethod.Get, "/api/v1/stats/charts/backlog.svg"),
            "opendata.csv" => new HttpRequestMessage(HttpMethod.Get, "/api/v1/opendata/permits.csv"),
            "opendata.json" => new HttpRequestMessage(HttpMethod.Get, "/api/v1/opendata/permits.json"),
            "opendata.dictionary" => new HttpRequestMessage(HttpMethod.Get, "/api/v1/opendata/permits-dictionary.md"),
            "opendata.monthly.csv" => new HttpRequestMessage(HttpMethod.Get, "/api/v1/opendata/permits-monthly.csv"),
            "opendata.monthly.json" => new HttpRequestMessage(HttpMethod.Get, "/api/v1/opendata/permits-monthly.json"),
            "opendata.catalog" => new HttpRequestMessage(HttpMethod.Get, "/api/v1/opendata/catalog.jsonld"),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint)),
        };
        if (etag.Length > 0)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        }

        if (role != "none")
        {
            request.Headers.Add("X-Api-Key", _keys[role]);
        }

        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(expected), body);
        var code = expected switch { 401 => role == "none" ? "auth.missing" : "auth.invalid", 403 => "auth.forbidden", _ => null };
        if (code is not null)
        {
            Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("code").GetString(), Is.EqualTo(code));
        }
    }

    private HttpClient Client(string key)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", _keys[key]);
        return client;
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    internal static string ValidScia()
    {
        var examples = Path.Combine(RepoPaths.Schemas, "forms", "scia", "examples");
        var folder = Directory.GetDirectories(examples).Order(StringComparer.Ordinal).Last();
        return File.ReadAllText(Path.Combine(folder, "valid", "persona-fisica.json"));
    }
}
