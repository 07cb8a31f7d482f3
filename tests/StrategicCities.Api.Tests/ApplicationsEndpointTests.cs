using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Dapper;
using Npgsql;
using StrategicCities.Core.Catalog;
using StrategicCities.Api.Intake;
using StrategicCities.Data;
using StrategicCities.Data.ApiKeys;
using StrategicCities.Data.Offices;
using StrategicCities.Core.Applications;

namespace StrategicCities.Api.Tests;

/// <summary>The application endpoints end to end over HTTP, on SQLite and (when configured) PostgreSQL, a fresh database each.</summary>
[TestFixture("sqlite")]
[TestFixture("postgres")]
[NonParallelizable]
public sealed partial class ApplicationsEndpointTests(string dialect)
{
    private const string Milano = "015146";
    private const string Roma = "058091";
    private ApiFactory _factory = null!;
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var settings = new Dictionary<string, string?>();
        if (dialect == "postgres")
        {
            var server = Environment.GetEnvironmentVariable("STRATEGICCITIES_POSTGRES");
            if (string.IsNullOrWhiteSpace(server))
            {
                const string message = "PostgreSQL is not configured: set STRATEGICCITIES_POSTGRES (e.g. export \"$(bash scripts/ci/postgres.sh)\").";
                if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                {
                    Assert.Fail(message);
                }

                Assert.Ignore(message);
            }

            var builder = new NpgsqlConnectionStringBuilder(server!.StartsWith("postgres:", StringComparison.Ordinal) ? server["postgres:".Length..] : server);
            var database = "sc_api_" + Guid.NewGuid().ToString("N")[..12];
            await using (var admin = new NpgsqlConnection(builder.ConnectionString))
            {
                await admin.OpenAsync();
                await using var create = admin.CreateCommand();
                create.CommandText = $"CREATE DATABASE {database}";
                await create.ExecuteNonQueryAsync();
            }

            builder.Database = database;
            settings["Database:ConnectionString"] = "postgres:" + builder.ConnectionString;
            settings["Database:MigrateOnStart"] = "true";
        }

        _factory = new ApiFactory(settings);
        var services = _factory.Services;
        var offices = services.GetRequiredService<OfficeStore>();
        var keys = services.GetRequiredService<ApiKeyStore>();
        var north = await offices.CreateAsync("Milano e Sesto", [Milano, "015209"]);
        var rome = await offices.CreateAsync("Roma", [Roma]);
        async Task AddAsync(string name, string role, Guid? office) => _keys[name] = (await keys.CreateAsync(role, office, name)).Secret!;
        await AddAsync("portal", ApiKeyRoles.Portal, null);
        await AddAsync("clerk", ApiKeyRoles.Clerk, north.Id);
        await AddAsync("clerk2", ApiKeyRoles.Clerk, north.Id);
        await AddAsync("supervisor", ApiKeyRoles.Supervisor, north.Id);
        await AddAsync("rules-author", ApiKeyRoles.RulesAuthor, null);
        await AddAsync("admin", ApiKeyRoles.Admin, null);
        await AddAsync("clerk-roma", ApiKeyRoles.Clerk, rome.Id);
        var revoked = await keys.CreateAsync(ApiKeyRoles.Clerk, north.Id, "revoked");
        await keys.RevokeAsync(revoked.Key!.Id);
        _keys["revoked"] = revoked.Secret!;
    }

    [OneTimeTearDown]
    public void Stop() => _factory?.Dispose();

    private HttpClient Client(string? key)
    {
        var client = _factory.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", _keys.GetValueOrDefault(key, key));
        }

        return client;
    }

    private static string ValidExample(string form, string? version = null)
    {
        var examples = Path.Combine(RepoPaths.Schemas, "forms", form, "examples");
        var folder = version is null ? Directory.GetDirectories(examples).Order(StringComparer.Ordinal).Last() : Path.Combine(examples, version);
        return File.ReadAllText(Path.Combine(folder, "valid", "persona-fisica.json"));
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private async Task<(Guid Id, string ETag)> CreateAsync(string key, string municipality, string regime, string? data = null)
    {
        using var client = Client(key);
        var response = await client.PostAsync("/api/v1/applications", Json(JsonSerializer.Serialize(new { municipality, regime })));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var id = (await BodyAsync(response)).GetProperty("id").GetGuid();
        var etag = response.Headers.ETag!.Tag;
        if (data is not null)
        {
            using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/applications/{id}/data") { Content = Json(data) };
            put.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
            var updated = await client.SendAsync(put);
            Assert.That(updated.StatusCode, Is.EqualTo(HttpStatusCode.OK), await updated.Content.ReadAsStringAsync());
            etag = updated.Headers.ETag!.Tag;
        }

        return (id, etag);
    }

    private async Task<HttpResponseMessage> FireAsync(string key, Guid id, string trigger, string? ifMatch = null, string? idempotencyKey = null, string? body = null)
    {
        using var client = Client(key);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{id}/triggers/{trigger}");
        if (body is not null)
        {
            request.Content = Json(body);
        }

        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue(ifMatch));
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    private static IEnumerable<TestCaseData> Lifecycles()
    {
        yield return new TestCaseData("scia", "scia", new[] { ("clerk", "presentazione"), ("clerk", "divieto-prosecuzione") }, "attivita-vietata")
            .SetArgDisplayNames("scia");
        yield return new TestCaseData("cila", "cila", new[] { ("clerk", "presentazione"), ("clerk", "ordine-sospensione"), ("supervisor", "provvedimento-definitivo") }, "lavori-inibiti")
            .SetArgDisplayNames("cila");
        yield return new TestCaseData("permesso-di-costruire", "pdc", new[]
        {
            ("clerk", "presentazione"), ("clerk", "nomina-responsabile"), ("clerk", "proposta"), ("clerk", "preavviso-di-rigetto"), ("supervisor", "diniego"),
        }, "negato").SetArgDisplayNames("permesso-di-costruire");
        yield return new TestCaseData("scia-alternativa", "scia-alternativa", new[] { ("clerk", "presentazione"), ("clerk", "ordine-di-non-effettuare") }, "intervento-vietato")
            .SetArgDisplayNames("scia-alternativa");
        // CIL and agibilità: the applicant's acts (filing, removal, measures) are recorded by the desk on their behalf.
        yield return new TestCaseData("cil", "cil", new[] { ("clerk", "presentazione"), ("clerk", "rimozione") }, "opere-rimosse")
            .SetArgDisplayNames("cil");
        yield return new TestCaseData("agibilita", "agibilita", new[]
        {
            ("clerk", "presentazione"), ("clerk", "richiesta-conformazione"), ("clerk", "misure-adottate"), ("supervisor", "divieto-utilizzo"),
        }, "inefficace").SetArgDisplayNames("agibilita");
    }

    [TestCaseSource(nameof(Lifecycles))]
    public async Task Lifecycle_ValidFormThroughTriggers_ReachesEndStateWithGaplessEvents(string regime, string form, (string Key, string Trigger)[] steps, string end)
    {
        var (id, etag) = await CreateAsync("clerk", Milano, regime, ValidExample(form));
        foreach (var (key, trigger) in steps)
        {
            var response = await FireAsync(key, id, trigger, ifMatch: etag);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{trigger}: {await response.Content.ReadAsStringAsync()}");
            etag = response.Headers.ETag!.Tag;
        }

        using var client = Client("clerk");
        var application = await BodyAsync(await client.GetAsync($"/api/v1/applications/{id}"));
        Assert.That(application.GetProperty("state").GetString(), Is.EqualTo(end));
        Assert.That(application.GetProperty("filedOn").GetString(), Is.EqualTo("2025-07-01"));
        Assert.That(application.GetProperty("pinnedVersions").GetArrayLength(), Is.GreaterThan(1));
        var events = await BodyAsync(await client.GetAsync($"/api/v1/applications/{id}/events"));
        Assert.That(events.EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()), Is.EqualTo(Enumerable.Range(1, steps.Length).Select(i => (long)i)));
        var deadlines = await client.GetAsync($"/api/v1/applications/{id}/deadlines");
        Assert.That(deadlines.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Submit_InvalidDraft_Returns422WithReportAndStaysDraft()
    {
        var (id, _) = await CreateAsync("clerk", Milano, "scia");
        var response = await FireAsync("clerk", id, "presentazione");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        var body = await BodyAsync(response);
        Assert.That(body.GetProperty("code").GetString(), Is.EqualTo("application.invalid"));
        Assert.That(body.GetProperty("report").GetProperty("valid").GetBoolean(), Is.False);
    }

    [Test]
    public async Task Submit_MilanoWorksFiledWithRoma_Returns422WithLocationMismatchAndStaysDraft()
    {
        var (id, _) = await CreateAsync("clerk-roma", Roma, "scia", ValidExample("scia"));
        var response = await FireAsync("clerk-roma", id, "presentazione");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        var body = await BodyAsync(response);
        var errors = body.GetProperty("report").GetProperty("errors").EnumerateArray().ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.GetProperty("code").GetString(), Is.EqualTo("application.invalid"));
            Assert.That(errors.Select(e => (e.GetProperty("code").GetString(), e.GetProperty("pointer").GetString())),
                Does.Contain(("form.location-mismatch", "/ubicazione/indirizzo/codiceIstat")));
        }

        using var client = Client("clerk-roma");
        var application = await BodyAsync(await client.GetAsync($"/api/v1/applications/{id}"));
        Assert.That(application.TryGetProperty("filedOn", out var filedOn) && filedOn.ValueKind != JsonValueKind.Null, Is.False, "still a draft");
    }

    [Test]
    public async Task Submit_CilaDeclaringNewConstruction_Returns422WithRegimeMismatchNamingThePermit()
    {
        var form = System.Text.Json.Nodes.JsonNode.Parse(ValidExample("cila"))!;
        form["intervento"]!["categoria"] = "nuova-costruzione";
        var (id, _) = await CreateAsync("clerk", Milano, "cila", form.ToJsonString());
        var response = await FireAsync("clerk", id, "presentazione");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        var body = await BodyAsync(response);
        var mismatch = body.GetProperty("report").GetProperty("errors").EnumerateArray().Single(e => e.GetProperty("code").GetString() == "form.regime-mismatch");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.GetProperty("code").GetString(), Is.EqualTo("application.invalid"));
            Assert.That(mismatch.GetProperty("pointer").GetString(), Is.EqualTo("/intervento"));
            Assert.That(mismatch.GetProperty("message").GetProperty("en").GetString(), Does.Contain("building permit"));
            Assert.That(mismatch.GetProperty("legalBasis").EnumerateArray().Select(b => b.GetProperty("article").GetString()), Does.Contain("10"));
        }
    }

    [Test]
    public async Task Fire_Refusals_MapToStatusesWithPermittedTriggers()
    {
        var (id, etag) = await CreateAsync("clerk", Milano, "permesso-di-costruire", ValidExample("pdc"));
        Assert.That((await FireAsync("clerk", id, "presentazione")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var notInState = await FireAsync("clerk", id, "diniego");
        Assert.That(notInState.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await BodyAsync(notInState)).GetProperty("permittedTriggers").GetArrayLength(), Is.GreaterThan(0));
        Assert.That((await FireAsync("clerk", id, "no-such-trigger")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await FireAsync("clerk", id, "silenzio-assenso")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await FireAsync("clerk", id, "nomina-responsabile", ifMatch: etag)).StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
    }

    [Test]
    public async Task UpdateData_WithoutIfMatch_Returns428_AndStaleIfMatch_Returns412()
    {
        var (id, etag) = await CreateAsync("clerk", Milano, "scia");
        using var client = Client("clerk");
        var missing = await client.PutAsync($"/api/v1/applications/{id}/data", Json("{}"));
        Assert.That(missing.StatusCode, Is.EqualTo((HttpStatusCode)428));
        using var first = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/applications/{id}/data") { Content = Json("{}") };
        first.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        Assert.That((await client.SendAsync(first)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/applications/{id}/data") { Content = Json("{}") };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        var response = await client.SendAsync(stale);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
        Assert.That((await BodyAsync(response)).GetProperty("code").GetString(), Is.EqualTo("application.stale"));
    }

    [Test]
    public async Task Create_SameIdempotencyKeyAndBody_ReplaysOneApplication_OtherBodyIsMismatch()
    {
        using var client = Client("clerk");
        var key = Guid.NewGuid().ToString();
        async Task<HttpResponseMessage> PostAsync(string regime)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications") { Content = Json(JsonSerializer.Serialize(new { municipality = "015209", regime })) };
            request.Headers.Add("Idempotency-Key", key);
            return await client.SendAsync(request);
        }

        var first = await PostAsync("scia");
        var second = await PostAsync("scia");
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await second.Content.ReadAsStringAsync(), Is.EqualTo(await first.Content.ReadAsStringAsync()));
        Assert.That(second.Headers.Location, Is.EqualTo(first.Headers.Location));
        var list = await BodyAsync(await client.GetAsync("/api/v1/applications?municipality=015209"));
        Assert.That(list.GetProperty("total").GetInt64(), Is.EqualTo(1));
        var mismatch = await PostAsync("cila");
        Assert.That(mismatch.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That((await BodyAsync(mismatch)).GetProperty("code").GetString(), Is.EqualTo("idempotency.mismatch"));
    }

    [Test]
    public async Task Get_ClerkOfAnotherOffice_Returns404()
    {
        var (id, _) = await CreateAsync("clerk-roma", Roma, "scia");
        using var north = Client("clerk");
        Assert.That((await north.GetAsync($"/api/v1/applications/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await FireAsync("clerk", id, "presentazione")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        using var admin = Client("admin");
        Assert.That((await admin.GetAsync($"/api/v1/applications/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var create = await north.PostAsync("/api/v1/applications", Json(JsonSerializer.Serialize(new { municipality = Roma, regime = "scia" })));
        Assert.That(create.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [TestCase(null, "GET", 401, "auth.missing")]
    [TestCase("sck_unknown_secret", "GET", 401, "auth.invalid")]
    [TestCase("revoked", "GET", 401, "auth.invalid")]
    [TestCase("portal", "GET", 403, "auth.forbidden")]
    [TestCase("rules-author", "GET", 403, "auth.forbidden")]
    [TestCase("portal", "POST", 403, "auth.forbidden")]
    [TestCase("rules-author", "POST", 403, "auth.forbidden")]
    [TestCase("clerk", "GET", 200, null)]
    [TestCase("supervisor", "GET", 200, null)]
    [TestCase("admin", "GET", 200, null)]
    [TestCase("clerk", "POST", 201, null)]
    [TestCase("supervisor", "POST", 201, null)]
    [TestCase("admin", "POST", 201, null)]
    public async Task Applications_ByRole_ReturnsExpectedStatus(string? key, string method, int status, string? code)
    {
        using var client = Client(key);
        var response = method == "GET"
            ? await client.GetAsync("/api/v1/applications")
            : await client.PostAsync("/api/v1/applications", Json(JsonSerializer.Serialize(new { municipality = Milano, regime = "cil" })));
        Assert.That((int)response.StatusCode, Is.EqualTo(status), await response.Content.ReadAsStringAsync());
        if (code is not null)
        {
            Assert.That((await BodyAsync(response)).GetProperty("code").GetString(), Is.EqualTo(code));
        }
    }

    [Test]
    public async Task Applications_AuthorizationHeaderApiKey_IsAccepted()
    {
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", _keys["clerk"]);
        Assert.That((await client.GetAsync("/api/v1/applications")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Fire_TwoClerksAtOnce_ExactlyOneWinsAndEventsAreGapless()
    {
        var (id, _) = await CreateAsync("clerk", Milano, "permesso-di-costruire", ValidExample("pdc"));
        Assert.That((await FireAsync("clerk", id, "presentazione")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        for (var round = 0; round < 3; round++)
        {
            var responses = await Task.WhenAll(FireAsync("clerk", id, "raddoppio-termini"), FireAsync("clerk2", id, "nomina-responsabile"));
            _ = responses;
        }

        var (other, _) = await CreateAsync("clerk", Milano, "permesso-di-costruire", ValidExample("pdc"));
        var racing = await Task.WhenAll(FireAsync("clerk", other, "presentazione"), FireAsync("clerk2", other, "presentazione"));
        var statuses = racing.Select(r => (int)r.StatusCode).Order().ToArray();
        Assert.That(statuses, Is.EqualTo(new[] { 200, 409 }).Or.EqualTo(new[] { 200, 412 }));
        using var client = Client("clerk");
        var events = await BodyAsync(await client.GetAsync($"/api/v1/applications/{other}/events"));
        Assert.That(events.EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()), Is.EqualTo(new long[] { 1 }));
    }

    [Test]
    public async Task Sweep_TwoSweepersRacing_FireSilenzioAssensoExactlyOnce()
    {
        // Filed in December 2024 (the PEC date), so the terms of silenzio-assenso have run out by July 2025.
        var (id, _) = await CreateAsync("clerk", Milano, "permesso-di-costruire", ValidExample("pdc", "2017-10-20"));
        var filed = await FireAsync("clerk", id, "presentazione", body: "{\"date\":\"2024-12-02\"}");
        Assert.That(filed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await filed.Content.ReadAsStringAsync());
        var services = _factory.Services;
        DeadlineSweep Sweeper(string name) => new(services.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new SweepOptions { InstanceId = name }), _factory.Clock, NullLogger<DeadlineSweep>.Instance);
        var fired = await Task.WhenAll(Sweeper("a").SweepOnceAsync(CancellationToken.None), Sweeper("b").SweepOnceAsync(CancellationToken.None));
        var again = await Sweeper("c").SweepOnceAsync(CancellationToken.None);
        using var client = Client("admin");
        var events = await BodyAsync(await client.GetAsync($"/api/v1/applications/{id}/events"));
        Assert.That(events.EnumerateArray().Count(e => e.GetProperty("trigger").GetString() == "silenzio-assenso"), Is.EqualTo(1), events.ToString());
        Assert.That(events.EnumerateArray().Last().GetProperty("actorRole").GetString(), Is.EqualTo("system"));
        Assert.That(again, Is.Zero);
        Assert.That(fired.Sum(), Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public async Task Repin_ApplicationPinnedToRevisionOne_KeepsItsDeadlinesUntilRepinnedThenMovesThemWithAnEvent()
    {
        var (id, _) = await CreateAsync("clerk", Milano, "permesso-di-costruire", ValidExample("pdc"));
        var filed = await FireAsync("clerk", id, "presentazione", body: "{\"date\":\"2025-06-03\"}");
        Assert.That(filed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await filed.Content.ReadAsStringAsync());
        await PinAsync(id, pins => [.. pins.Select(p => p.RuleSet switch
        {
            "procedures/permesso-di-costruire" => RevisionOne(p, "national/procedures/permesso-di-costruire/2020-07-17.json"),
            "procedure-guards" => RevisionOne(p, "national/procedure-guards/2025-12-18.json"),
            _ => p,
        })]);
        var pinnedToFirst = await DeadlinesAsync(id);

        using var admin = Client("admin");
        var plan = await BodyAsync(await admin.PostAsync($"/api/v1/applications/{id}/repin", Json("{\"reason\":\"CHANGELOG: art. 20 c. 7\",\"dryRun\":true}")));
        var afterDryRun = await DeadlinesAsync(id);
        using var clerk = Client("clerk");
        var forbidden = await clerk.PostAsync($"/api/v1/applications/{id}/repin", Json("{\"reason\":\"x\"}"));
        var noReason = await admin.PostAsync($"/api/v1/applications/{id}/repin", Json("{}"));
        var repinned = await admin.PostAsync($"/api/v1/applications/{id}/repin", Json("{\"reason\":\"CHANGELOG: art. 20 c. 7\"}"));
        var repinBody = await BodyAsync(repinned);
        var afterRepin = await DeadlinesAsync(id);
        var events = await BodyAsync(await admin.GetAsync($"/api/v1/applications/{id}/events"));

        // Revision 1 had no c. 5 window and no doubling above 100,000 inhabitants: its terms stand until the re-pin.
        Assert.That(pinnedToFirst.Keys, Does.Not.Contain("pdc-richiesta-integrazioni"));
        Assert.That(afterDryRun, Is.EqualTo(pinnedToFirst));
        Assert.That(plan.GetProperty("status").GetString(), Is.EqualTo("planned"));
        var istruttoria = plan.GetProperty("plan").GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("term").GetString() == "pdc-istruttoria");
        Assert.That(istruttoria.GetProperty("dueBefore").GetString(), Is.EqualTo(pinnedToFirst["pdc-istruttoria"]));
        Assert.That((int)forbidden.StatusCode, Is.EqualTo(403));
        Assert.That((int)noReason.StatusCode, Is.EqualTo(400));
        Assert.That((await BodyAsync(noReason)).GetProperty("code").GetString(), Is.EqualTo("application.repin-reason-missing"));
        Assert.That(repinned.StatusCode, Is.EqualTo(HttpStatusCode.OK), repinBody.ToString());
        Assert.That(repinBody.GetProperty("status").GetString(), Is.EqualTo("repinned"));
        Assert.That(afterRepin["pdc-istruttoria"], Is.EqualTo(istruttoria.GetProperty("dueAfter").GetString()));
        Assert.That(afterRepin["pdc-istruttoria"], Is.Not.EqualTo(pinnedToFirst["pdc-istruttoria"]));
        Assert.That(afterRepin.Keys, Does.Contain("pdc-richiesta-integrazioni"));
        var last = events.EnumerateArray().Last();
        Assert.That(last.GetProperty("trigger").GetString(), Is.EqualTo("law.repin"));
        Assert.That(last.GetProperty("actorRole").GetString(), Is.EqualTo("admin"));
        Assert.That(last.GetProperty("payload").GetProperty("reason").GetString(), Is.EqualTo("CHANGELOG: art. 20 c. 7"));
        Assert.That(last.GetProperty("from").GetString(), Is.EqualTo(last.GetProperty("to").GetString()));
    }

    [Test]
    public async Task Sweep_OneApplicationWithMissingPinsAndOneDue_FiresTheDueOneAndReportsDegradedReadiness()
    {
        var (due, _) = await CreateAsync("clerk", Milano, "permesso-di-costruire", ValidExample("pdc", "2017-10-20"));
        Assert.That((await FireAsync("clerk", due, "presentazione", body: "{\"date\":\"2024-12-02\"}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var (broken, _) = await CreateAsync("clerk", Milano, "permesso-di-costruire", ValidExample("pdc", "2017-10-20"));
        Assert.That((await FireAsync("clerk", broken, "presentazione", body: "{\"date\":\"2024-11-04\"}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await PinAsync(broken, pins => [.. pins.Select(p => p.RuleSet == "procedures/permesso-di-costruire" ? p with { Hash = "sha256:" + new string('0', 64) } : p)]);
        var sweep = _factory.Services.GetRequiredService<DeadlineSweep>();

        await sweep.SweepOnceAsync(CancellationToken.None);
        using var admin = Client("admin");
        var dueEvents = await BodyAsync(await admin.GetAsync($"/api/v1/applications/{due}/events"));
        var ready = await BodyAsync(await admin.GetAsync("/health/ready"));
        var trigger = await FireAsync("clerk", broken, "nomina-responsabile");
        var triggerBody = await BodyAsync(trigger);
        // Re-pinning to the newest revisions is the desk's way out; then the sweep runs it again.
        var repin = await admin.PostAsync($"/api/v1/applications/{broken}/repin", Json("{\"reason\":\"file lost in deployment\"}"));
        await sweep.SweepOnceAsync(CancellationToken.None);
        var readyAfter = await BodyAsync(await admin.GetAsync("/health/ready"));

        Assert.That(dueEvents.EnumerateArray().Select(e => e.GetProperty("trigger").GetString()), Does.Contain("silenzio-assenso"));
        Assert.That(ready.GetProperty("status").GetString(), Is.EqualTo("Degraded"), ready.ToString());
        Assert.That(ready.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "sweep").GetProperty("status").GetString(), Is.EqualTo("Degraded"));
        Assert.That((int)trigger.StatusCode, Is.EqualTo(503), triggerBody.ToString());
        Assert.That(triggerBody.GetProperty("code").GetString(), Is.EqualTo("law.pinned-version-missing"));
        Assert.That(repin.StatusCode, Is.EqualTo(HttpStatusCode.OK), string.Join("\n", _factory.Logs.Entries.Where(e => e.Exception is not null).Select(e => e.Exception!.ToString()).Take(1)));
        Assert.That(readyAfter.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "sweep").GetProperty("status").GetString(), Is.EqualTo("Healthy"));
    }

    private async Task<Dictionary<string, string?>> DeadlinesAsync(Guid id)
    {
        using var client = Client("admin");
        var body = await BodyAsync(await client.GetAsync($"/api/v1/applications/{id}/deadlines"));
        return body.GetProperty("terms").EnumerateArray().ToDictionary(
            t => t.GetProperty("termId").GetString()!,
            t => t.TryGetProperty("dueDate", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null);
    }

    /// <summary>Rewrites an application's pins as an older deployment (or a lost file) would have left them.</summary>
    private async Task PinAsync(Guid id, Func<IReadOnlyList<PinnedVersion>, PinnedVersion[]> change)
    {
        var store = _factory.Services.GetRequiredService<StrategicCities.Data.Applications.ApplicationStore>();
        var application = await store.GetAsync(id, MunicipalityScope.Everywhere);
        var factory = _factory.Services.GetRequiredService<DatabaseFactory>();
        await using var connection = await factory.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("UPDATE applications SET pinned_versions = @Pins WHERE id = @Id",
            new { Id = id, Pins = JsonSerializer.Serialize(change(application!.PinnedVersions)) });
    }

    private static PinnedVersion RevisionOne(PinnedVersion pin, string file) => pin with
    {
        Hash = ContentHash.Of(File.ReadAllBytes(Path.Combine(RepoPaths.Rules, file))),
        Revision = 1,
    };
}
