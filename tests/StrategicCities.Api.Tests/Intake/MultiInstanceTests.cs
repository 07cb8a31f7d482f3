using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StrategicCities.Api.Intake;
using StrategicCities.Data.ApiKeys;
using StrategicCities.Data.Offices;

namespace StrategicCities.Api.Tests.Intake;

/// <summary>
/// Issue 14: two instances of the API on one PostgreSQL database (the one the test script starts,
/// STRATEGICCITIES_POSTGRES), each a host with its own services, caches, rate limiter and sweep: If-Match races
/// across them have one winner and lose no acknowledged write, an idempotent request retried on the other instance
/// runs once, and their two sweeps fire each expiry once.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class MultiInstanceTests
{
    private const string Milano = "015146";
    private ApiFactory _a = null!;
    private ApiFactory _b = null!;
    private string _clerk = "";
    private string _admin = "";
    private string _database = "";
    private NpgsqlConnectionStringBuilder _server = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
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

        _server = new NpgsqlConnectionStringBuilder(server!.StartsWith("postgres:", StringComparison.Ordinal) ? server["postgres:".Length..] : server);
        _database = "sc_multi_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync($"CREATE DATABASE {_database}");
        var builder = new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = _database };
        ApiFactory Instance(string name) => new(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = "postgres:" + builder.ConnectionString,
            ["Database:MigrateOnStart"] = "true",
            ["Sweep:InstanceId"] = name,
        });

        // The first instance migrates the database; the second starts on the migrated one, as a rolling deployment does.
        _a = Instance("instance-a");
        var office = await _a.Services.GetRequiredService<OfficeStore>().CreateAsync("Milano", [Milano]);
        var keys = _a.Services.GetRequiredService<ApiKeyStore>();
        _clerk = (await keys.CreateAsync(ApiKeyRoles.Clerk, office.Id, "clerk")).Secret!;
        _admin = (await keys.CreateAsync(ApiKeyRoles.Admin, null, "admin")).Secret!;
        _b = Instance("instance-b");
        _ = _b.Services;
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _a?.Dispose();
        _b?.Dispose();
        if (_database.Length > 0)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
        }
    }

    [Test]
    public async Task PutData_SameIfMatchOnBothInstances_ExactlyOneWinsEachRound()
    {
        var (id, etag) = await CreateAsync(_a);
        for (var round = 0; round < 8; round++)
        {
            var responses = await Task.WhenAll(PutAsync(_a, id, etag, $"a{round}"), PutAsync(_b, id, etag, $"b{round}"));
            var statuses = responses.Select(r => (int)r.StatusCode).Order().ToArray();
            Assert.That(statuses, Is.EqualTo(new[] { 200, 409 }).Or.EqualTo(new[] { 200, 412 }), $"round {round}");
            etag = responses.Single(r => r.StatusCode == HttpStatusCode.OK).Headers.ETag!.Tag;
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }

        using var readA = await Client(_a, _clerk).GetAsync(new Uri($"/api/v1/applications/{id}", UriKind.Relative));
        using var readB = await Client(_b, _clerk).GetAsync(new Uri($"/api/v1/applications/{id}", UriKind.Relative));
        Assert.That(new[] { readA.Headers.ETag?.Tag, readB.Headers.ETag?.Tag }, Is.All.EqualTo(etag));
    }

    [Test]
    public async Task PutData_TwoWritersOnTwoInstancesRetryingOnConflict_LoseNoAcknowledgedWrite()
    {
        var (id, start) = await CreateAsync(_a);
        const int writesEach = 12;

        async Task<List<string>> WriterAsync(ApiFactory instance, string name)
        {
            var acknowledged = new List<string>();
            using var client = Client(instance, _clerk);
            while (acknowledged.Count < writesEach)
            {
                using var read = await client.GetAsync(new Uri($"/api/v1/applications/{id}", UriKind.Relative));
                var marker = $"{name}-{acknowledged.Count}";
                using var put = await PutAsync(instance, id, read.Headers.ETag!.Tag, marker);
                if (put.StatusCode == HttpStatusCode.OK)
                {
                    acknowledged.Add(marker);
                }
                else
                {
                    Assert.That((int)put.StatusCode, Is.EqualTo(409).Or.EqualTo(412), await put.Content.ReadAsStringAsync());
                }
            }

            return acknowledged;
        }

        var written = await Task.WhenAll(WriterAsync(_a, "a"), WriterAsync(_b, "b"));
        using var final = await Client(_b, _clerk).GetAsync(new Uri($"/api/v1/applications/{id}", UriKind.Relative));
        var body = await Http.JsonAsync(final);

        // Versions count the writes: every acknowledged write moved the version by exactly one (none overwritten unseen).
        Assert.That(Version(final.Headers.ETag!.Tag) - Version(start), Is.EqualTo(2 * writesEach));
        Assert.That(written.SelectMany(w => w).Distinct().Count(), Is.EqualTo(2 * writesEach));
        Assert.That(body.ToString(), Does.Contain(written[0][^1]).Or.Contain(written[1][^1]));
    }

    [Test]
    public async Task Fire_SameIdempotencyKeyOnBothInstances_RunsOnceAndTheRetryReplays()
    {
        var (id, etag) = await CreateAsync(_a, ValidExample());
        var key = "file-" + Guid.NewGuid().ToString("N");
        var racing = await Task.WhenAll(FireAsync(_a, id, etag, key), FireAsync(_b, id, etag, key));
        using var retry = await FireAsync(_b, id, etag, key);
        using var events = await Client(_a, _clerk).GetAsync(new Uri($"/api/v1/applications/{id}/events", UriKind.Relative));
        var filings = (await Http.JsonAsync(events)).EnumerateArray().Count(e => e.GetProperty("trigger").GetString() == "presentazione");

        var statuses = racing.Select(r => (int)r.StatusCode).Order().ToArray();
        var codes = await Task.WhenAll(racing.Where(r => !r.IsSuccessStatusCode).Select(async r => (await Http.JsonAsync(r)).GetProperty("code").GetString()));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(filings, Is.EqualTo(1));
            Assert.That(statuses, Is.EqualTo(new[] { 200, 200 }).Or.EqualTo(new[] { 200, 409 }));
            Assert.That(codes, Is.All.EqualTo("idempotency.in-progress"));
            Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(retry.Headers.TryGetValues("Idempotent-Replayed", out var replayed) && replayed.Contains("true"), Is.True);
        }

        foreach (var response in racing)
        {
            response.Dispose();
        }
    }

    [Test]
    public async Task Create_RetriedOnTheOtherInstance_CreatesOneApplication()
    {
        var key = "create-" + Guid.NewGuid().ToString("N");
        var body = JsonSerializer.Serialize(new { municipality = Milano, regime = "scia" });
        async Task<HttpResponseMessage> PostAsync(ApiFactory instance)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", key);
            return await Client(instance, _clerk).SendAsync(request);
        }

        using var first = await PostAsync(_a);
        using var retry = await PostAsync(_b);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That((await Http.JsonAsync(retry)).GetProperty("id").GetGuid(), Is.EqualTo((await Http.JsonAsync(first)).GetProperty("id").GetGuid()));
        }
    }

    [Test]
    public async Task Sweep_BothInstancesSweepingAtOnce_FireEachExpiryOnce()
    {
        var filed = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            // Filed in December 2024 (the PEC date): silenzio-assenso is due by the fake clock's July 2025.
            var (id, etag) = await CreateAsync(_a, ValidExample("2017-10-20"));
            using var response = await FireAsync(i % 2 == 0 ? _a : _b, id, etag, null, "{\"date\":\"2024-12-02\"}");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
            filed.Add(id);
        }

        var sweepA = _a.Services.GetRequiredService<DeadlineSweep>();
        var sweepB = _b.Services.GetRequiredService<DeadlineSweep>();
        var fired = await Task.WhenAll(sweepA.SweepOnceAsync(CancellationToken.None), sweepB.SweepOnceAsync(CancellationToken.None));
        var again = await Task.WhenAll(sweepA.SweepOnceAsync(CancellationToken.None), sweepB.SweepOnceAsync(CancellationToken.None));

        var silenzi = new List<int>();
        foreach (var id in filed)
        {
            using var events = await Client(_b, _admin).GetAsync(new Uri($"/api/v1/applications/{id}/events", UriKind.Relative));
            silenzi.Add((await Http.JsonAsync(events)).EnumerateArray().Count(e => e.GetProperty("trigger").GetString() == "silenzio-assenso"));
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sweepA.InstanceId, Is.Not.EqualTo(sweepB.InstanceId));
            Assert.That(silenzi, Is.All.EqualTo(1));
            Assert.That(fired.Sum(), Is.GreaterThanOrEqualTo(filed.Count), "every expiry fired by one of the sweeps");
            Assert.That(again.Sum(), Is.Zero);
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static HttpClient Client(ApiFactory instance, string key)
    {
        var client = instance.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private static long Version(string etag) => long.Parse(etag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);

    private static string ValidExample(string? version = null)
    {
        var examples = Path.Combine(RepoPaths.Schemas, "forms", "pdc", "examples");
        var folder = version is null ? Directory.GetDirectories(examples).Order(StringComparer.Ordinal).Last() : Path.Combine(examples, version);
        return File.ReadAllText(Path.Combine(folder, "valid", "persona-fisica.json"));
    }

    private async Task<(Guid Id, string ETag)> CreateAsync(ApiFactory instance, string? data = null)
    {
        using var client = Client(instance, _clerk);
        using var created = await client.PostAsync(new Uri("/api/v1/applications", UriKind.Relative),
            new StringContent(JsonSerializer.Serialize(new { municipality = Milano, regime = "permesso-di-costruire" }), Encoding.UTF8, "application/json"));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var id = (await Http.JsonAsync(created)).GetProperty("id").GetGuid();
        var etag = created.Headers.ETag!.Tag;
        if (data is not null)
        {
            using var put = await PutAsync(instance, id, etag, null, data);
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), await put.Content.ReadAsStringAsync());
            etag = put.Headers.ETag!.Tag;
        }

        return (id, etag);
    }

    /// <summary>PUT data with If-Match: the form example with <paramref name="marker"/> as the description of the works.</summary>
    private async Task<HttpResponseMessage> PutAsync(ApiFactory instance, Guid id, string etag, string? marker, string? data = null)
    {
        var form = JsonNode.Parse(data ?? ValidExample())!;
        if (marker is not null)
        {
            form["intervento"]!["descrizione"] = "works " + marker;
        }

        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/applications/{id}/data")
        {
            Content = new StringContent(form.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        using var client = Client(instance, _clerk);
        return await client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> FireAsync(ApiFactory instance, Guid id, string etag, string? idempotencyKey, string? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{id}/triggers/presentazione");
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var client = Client(instance, _clerk);
        return await client.SendAsync(request);
    }
}
