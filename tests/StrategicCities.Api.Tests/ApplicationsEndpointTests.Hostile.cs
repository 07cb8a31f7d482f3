using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StrategicCities.Data;
using StrategicCities.Data.Applications;
using StrategicCities.Data.Idempotency;
using StrategicCities.Core.Applications;

namespace StrategicCities.Api.Tests;

/// <summary>The reproducers of issue 14 on the application endpoints, on each database.</summary>
public sealed partial class ApplicationsEndpointTests
{
    [TestCase("page=2147483647")]
    [TestCase("page=5000000&pageSize=500")]
    [TestCase("page=10001")]
    [TestCase("page=99999999999999999999")]
    [Description("Issue 14: deep pages overflowed the offset in the store (500).")]
    public async Task Search_PageBeyondTheDocumentedMaximum_Returns400PointingAtPage(string query)
    {
        using var client = Client("clerk");

        using var response = await client.GetAsync($"/api/v1/applications?{query}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid", "/query/page");
    }

    [Test]
    public async Task Search_TheDeepestPage_IsAnEmptyPage()
    {
        using var client = Client("clerk");

        var page = await BodyAsync(await client.GetAsync("/api/v1/applications?page=10000&pageSize=500"));

        Assert.Multiple(() =>
        {
            Assert.That(page.GetProperty("items").GetArrayLength(), Is.Zero);
            Assert.That(page.GetProperty("page").GetInt32(), Is.EqualTo(10000));
        });
    }

    [Test]
    public async Task Search_PageSizeOutOfRange_Returns400PointingAtPageSize()
    {
        using var client = Client("clerk");

        using var response = await client.GetAsync("/api/v1/applications?pageSize=501");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid", "/query/pageSize");
    }

    [Test]
    public async Task Search_RepeatedMunicipality_Returns400()
    {
        using var client = Client("clerk");

        using var response = await client.GetAsync($"/api/v1/applications?municipality={Milano}&municipality=015209");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "query.repeated", "/query/municipality");
    }

    [Test]
    [Description("Issue 14: If-Match: W/\"1\" was accepted; If-Match compares strongly (RFC 9110 §13.1.1).")]
    public async Task UpdateData_WeakIfMatch_Returns412AndChangesNothing()
    {
        var (id, etag) = await CreateAsync("clerk", Milano, "scia");
        using var client = Client("clerk");
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/applications/{id}/data") { Content = Json("{}") };
        request.Headers.TryAddWithoutValidation("If-Match", "W/" + etag);

        using var response = await client.SendAsync(request);
        using var after = await client.GetAsync($"/api/v1/applications/{id}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.PreconditionFailed, "precondition.weak-etag", "/header/If-Match");
        Assert.That(after.Headers.ETag?.Tag, Is.EqualTo(etag));
    }

    [Test]
    public async Task Fire_WeakIfMatch_Returns412()
    {
        var (id, etag) = await CreateAsync("clerk", Milano, "scia", ValidExample("scia"));

        using var client = Client("clerk");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{id}/triggers/presentazione");
        request.Headers.TryAddWithoutValidation("If-Match", "W/" + etag);

        using var response = await client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.PreconditionFailed, "precondition.weak-etag", "/header/If-Match");
    }

    [Test]
    [Description("Issue 14: each term's state was written as 0–4.")]
    public async Task Deadlines_TermStates_AreCodes()
    {
        var (id, _) = await CreateAsync("clerk", Milano, "scia", ValidExample("scia"));
        Assert.That((await FireAsync("clerk", id, "presentazione")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var client = Client("clerk");

        var deadlines = await BodyAsync(await client.GetAsync($"/api/v1/applications/{id}/deadlines"));

        var states = deadlines.GetProperty("terms").EnumerateArray().Select(t => t.GetProperty("state")).ToList();
        Assert.That(states, Is.Not.Empty);
        Assert.That(states.Select(s => s.ValueKind), Is.All.EqualTo(JsonValueKind.String), deadlines.ToString());
        Assert.That(states.Select(s => s.GetString()).Distinct(), Is.SubsetOf(new[] { "not-started", "running", "suspended", "met", "expired" }));
    }

    [Test]
    [Description("Issue 14: after a crash the key of a request in flight answered 'in progress' to every retry until the 24-hour purge.")]
    public async Task Create_KeyLeftInProgressByACrash_RetryRunsOnceTheLeaseLapses_ThenReplays()
    {
        using var client = Client("clerk");
        var key = Guid.NewGuid().ToString();
        var body = JsonSerializer.Serialize(new { municipality = Milano, regime = "cila" });
        var idempotency = _factory.Services.GetRequiredService<IdempotencyStore>();

        // What a process killed mid-request leaves: the key reserved, no response stored.
        var crashed = await idempotency.BeginAsync(await CallerIdAsync("clerk"), key, HashOf(body));
        Assert.That(crashed.Status, Is.EqualTo(IdempotencyStatus.Started));
        var before = await CountAsync(client, "cila");

        using var withinLease = await PostWithKeyAsync(client, key, body);
        _factory.Clock.Advance(idempotency.Lease + TimeSpan.FromSeconds(1));
        using var afterLease = await PostWithKeyAsync(client, key, body);
        using var again = await PostWithKeyAsync(client, key, body);

        await ProblemAssert.IsProblemAsync(withinLease, HttpStatusCode.Conflict, "idempotency.in-progress", "/header/Idempotency-Key");
        Assert.Multiple(async () =>
        {
            Assert.That(withinLease.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(idempotency.Lease));
            Assert.That(afterLease.StatusCode, Is.EqualTo(HttpStatusCode.Created), await afterLease.Content.ReadAsStringAsync());
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(again.Headers.Location, Is.EqualTo(afterLease.Headers.Location));
            Assert.That(again.Headers.Contains("Idempotent-Replayed"), Is.True);
            Assert.That(await CountAsync(client, "cila") - before, Is.EqualTo(1), "the retry ran once");
        });
    }

    [Test]
    [Description("The dead attempt had created the application before it died, without storing its response.")]
    public async Task Create_KeyLeftInProgressAfterTheWrite_RetryAfterTheLeaseFindsTheApplication_CreatesNoSecond()
    {
        using var client = Client("clerk");
        var key = Guid.NewGuid().ToString();
        var body = JsonSerializer.Serialize(new { municipality = Milano, regime = "cila" });
        var idempotency = _factory.Services.GetRequiredService<IdempotencyStore>();
        var template = await BodyAsync(await client.PostAsync("/api/v1/applications", Json(body)));
        var crashed = await idempotency.BeginAsync(await CallerIdAsync("clerk"), key, HashOf(body));
        await _factory.Services.GetRequiredService<ApplicationStore>().CreateDraftAsync(new NewApplication
        {
            Id = crashed.ResourceId,
            Municipality = Milano,
            OfficeId = template.GetProperty("officeId").GetGuid(),
            Regime = "cila",
            Form = template.GetProperty("form").GetString()!,
            State = template.GetProperty("state").GetString()!,
            Data = "{}",
            CreatedBy = new Actor(await CallerIdAsync("clerk"), "clerk"),
        });
        var before = await CountAsync(client, "cila");

        _factory.Clock.Advance(idempotency.Lease + TimeSpan.FromSeconds(1));
        using var retry = await PostWithKeyAsync(client, key, body);
        using var again = await PostWithKeyAsync(client, key, body);

        Assert.Multiple(async () =>
        {
            Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.Created), await retry.Content.ReadAsStringAsync());
            Assert.That(retry.Headers.Location?.ToString(), Is.EqualTo($"/api/v1/applications/{crashed.ResourceId}"));
            Assert.That(again.Headers.Location, Is.EqualTo(retry.Headers.Location));
            Assert.That(await CountAsync(client, "cila"), Is.EqualTo(before), "no second application");
        });
    }

    private static string HashOf(string body) => IdempotencyStore.HashRequest("POST", "/api/v1/applications", System.Text.Encoding.UTF8.GetBytes(body));

    private static async Task<long> CountAsync(HttpClient client, string regime) =>
        (await BodyAsync(await client.GetAsync($"/api/v1/applications?municipality={Milano}&regime={regime}"))).GetProperty("total").GetInt64();

    private static async Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, string key, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications") { Content = Json(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    // The key's id is the caller the API records idempotency keys under.
    private async Task<string> CallerIdAsync(string key)
    {
        var secret = _keys[key];
        var found = await _factory.Services.GetRequiredService<StrategicCities.Data.ApiKeys.ApiKeyStore>().FindBySecretAsync(secret);
        return found!.Id.ToString();
    }
}
