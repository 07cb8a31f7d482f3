using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StrategicCities.Api.Intake;
using StrategicCities.Data.ApiKeys;
using StrategicCities.Data.Offices;

namespace StrategicCities.Api.Tests.Intake;

/// <summary>The sweep purges idempotency records older than Idempotency:RetentionHours; younger ones still replay.</summary>
[NonParallelizable]
public sealed class IdempotencyPurgeTests
{
    [Test]
    public async Task Sweep_PurgesRecordsOlderThanRetention_AndKeepsYoungerOnes()
    {
        using var factory = new ApiFactory(new Dictionary<string, string?> { ["Idempotency:RetentionHours"] = "2" });
        var office = await factory.Services.GetRequiredService<OfficeStore>().CreateAsync("Milano", ["015146"]);
        var secret = (await factory.Services.GetRequiredService<ApiKeyStore>().CreateAsync(ApiKeyRoles.Clerk, office.Id, "clerk")).Secret!;
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", secret);
        async Task<HttpResponseMessage> PostAsync(string key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications")
            {
                Content = new StringContent(JsonSerializer.Serialize(new { municipality = "015146", regime = "scia" }), Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Idempotency-Key", key);
            return await client.SendAsync(request);
        }

        var old = await PostAsync("old");
        factory.Clock.Advance(TimeSpan.FromHours(1.5));
        var young = await PostAsync("young");
        factory.Clock.Advance(TimeSpan.FromHours(1));
        var sweep = factory.Services.GetRequiredService<DeadlineSweep>();
        Assert.That(await sweep.PurgeIdempotencyAsync(CancellationToken.None), Is.EqualTo(1));
        Assert.That(await sweep.PurgeIdempotencyAsync(CancellationToken.None), Is.Zero);

        // The young key still replays the same application; the purged one is a fresh request (a new application).
        var youngAgain = await PostAsync("young");
        var oldAgain = await PostAsync("old");
        Assert.Multiple(async () =>
        {
            Assert.That(youngAgain.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(youngAgain.Headers.Location, Is.EqualTo(young.Headers.Location));
            Assert.That(oldAgain.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(oldAgain.Headers.Location, Is.Not.EqualTo(old.Headers.Location));
            Assert.That(await youngAgain.Content.ReadAsStringAsync(), Is.EqualTo(await young.Content.ReadAsStringAsync()));
        });
    }
}
