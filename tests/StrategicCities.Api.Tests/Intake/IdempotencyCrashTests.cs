using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Dapper;
using StrategicCities.Data;
using StrategicCities.Data.ApiKeys;
using StrategicCities.Data.Offices;

namespace StrategicCities.Api.Tests.Intake;

/// <summary>
/// The real API as a child process on a SQLite file: many creations with an Idempotency-Key each, the server killed
/// (-9) while they run, then started again. No key stays "in progress" past its lease: after it every retry answers
/// 201 (a replay, or the one retry that took the dead request's lease over), a second retry replays the first, and
/// there is one application per key, also for requests that died after their write and before storing the response.
/// </summary>
[Category("Crash")]
[NonParallelizable]
public sealed class IdempotencyCrashTests
{
    private const string Milano = "015146";
    private const int Requests = 60;
    private const int LeaseSeconds = 12;

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Idempotency__LeaseSeconds"] = LeaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Limits__RequestTimeoutSeconds"] = "10",
    };

    [Test]
    [CancelAfter(180_000)]
    [Description("Issue 14: after a crash, keys of requests in flight answered 409 'in progress' to every retry for minutes, until the 24-hour purge.")]
    public async Task KillDuringIdempotentCreations_EveryKeyAnswersOnceTheLeaseLapses_AndReplaysAfterwards(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "sc-idem-crash-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var connection = "sqlite:Data Source=" + Path.Combine(folder, "crash.db");
        var database = new DatabaseFactory(DataOptions.Parse(connection, null, folder, migrateOnStart: true));
        await database.MigrateAsync(cancellationToken);
        var office = await new OfficeStore(database, TimeProvider.System).CreateAsync("Milano", [Milano], cancellationToken);
        var secret = (await new ApiKeyStore(database, TimeProvider.System).CreateAsync(ApiKeyRoles.Clerk, office.Id, "crash", cancellationToken)).Secret!;
        var port = CrashTests.FreePort();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(20) };
        client.DefaultRequestHeaders.Add("X-Api-Key", secret);
        var keys = Enumerable.Range(0, Requests).Select(i => $"crash-{i}-{Guid.NewGuid():N}").ToList();

        var server = await CrashTests.StartAsync(port, connection, client, cancellationToken, Settings);
        try
        {
            var someAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var answeredCount = 0;
            var creations = keys.Select(async key =>
            {
                var answer = await TryPostAsync(client, key, cancellationToken);
                if (Interlocked.Increment(ref answeredCount) >= 5)
                {
                    someAnswered.TrySetResult();
                }

                return (Key: key, Answer: answer);
            }).ToList();
            await someAnswered.Task.WaitAsync(cancellationToken);
            server.Kill(entireProcessTree: true);
            var killedAt = Stopwatch.StartNew();
            await server.WaitForExitAsync(cancellationToken);
            var beforeKill = (await Task.WhenAll(creations)).Where(c => c.Answer.Status == 201).ToDictionary(c => c.Key, c => c.Answer.Location);
            long inProgress;
            await using (var db = await database.OpenAsync(cancellationToken))
            {
                inProgress = await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM idempotency_records WHERE status_code IS NULL");
            }

            server.Dispose();
            server = await CrashTests.StartAsync(port, connection, client, cancellationToken, Settings);

            // Before the lease lapses: a key is either answered (a replay) or still leased to the dead request (409); on
            // a loaded machine a retry may also outlast the request timeout (504, and its key is released).
            var early = await Task.WhenAll(keys.Select(k => TryPostAsync(client, k, cancellationToken)));
            Assert.That(early.Select(a => a.Status), Is.All.AnyOf(201, 409, 504));
            Assert.That(early.Where(a => a.Status == 409).Select(a => a.RetryAfter), Is.All.Not.Null);

            var wait = TimeSpan.FromSeconds(LeaseSeconds + 1) - killedAt.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            var afterLease = await Task.WhenAll(keys.Select(async k => (Key: k, Answer: await PostUntilAnsweredAsync(client, k, cancellationToken))));
            var again = await Task.WhenAll(keys.Select(async k => (Key: k, Answer: await PostUntilAnsweredAsync(client, k, cancellationToken))));
            var fresh = early.Count(a => a.Status == 201 && !a.Replayed) + afterLease.Count(a => !a.Answer.Replayed);
            long applications;
            await using (var db = await database.OpenAsync(cancellationToken))
            {
                applications = await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM applications");
            }

            TestContext.Out.WriteLine(
                $"{beforeKill.Count} of {Requests} answered before the kill, {inProgress} left in progress, " +
                $"{fresh} run by a retry after the lease, {applications} applications for {Requests} keys");

            Assert.Multiple(() =>
            {
                Assert.That(afterLease.Select(a => a.Answer.Status), Is.All.EqualTo(201), "no key is still in progress after its lease");
                foreach (var (key, location) in beforeKill)
                {
                    Assert.That(afterLease.Single(a => a.Key == key).Answer.Location, Is.EqualTo(location), "an answered key replays its answer");
                }

                Assert.That(again.Select(a => a.Answer.Replayed), Is.All.True);
                Assert.That(again.Select(a => a.Answer.Location), Is.EqualTo(afterLease.Select(a => a.Answer.Location)), "a second retry replays the first");
                Assert.That(afterLease.Select(a => a.Answer.Location).Distinct().Count(), Is.EqualTo(Requests), "one application per key");
                Assert.That(applications, Is.EqualTo(Requests), "no key created twice, even when its request died after the write");
            });
        }
        finally
        {
            await CrashTests.StopAsync(server);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    // A retry that outlasts the request timeout (504) released its key: the client retries again, as a client would.
    private static async Task<(int Status, Uri? Location, bool Replayed, TimeSpan? RetryAfter)> PostUntilAnsweredAsync(
        HttpClient client, string key, CancellationToken cancellationToken)
    {
        var answer = await TryPostAsync(client, key, cancellationToken);
        for (var attempt = 1; attempt < 5 && answer.Status == 504; attempt++)
        {
            answer = await TryPostAsync(client, key, cancellationToken);
        }

        return answer;
    }

    private static async Task<(int Status, Uri? Location, bool Replayed, TimeSpan? RetryAfter)> TryPostAsync(HttpClient client, string key, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications")
            {
                Content = new StringContent(JsonSerializer.Serialize(new { municipality = Milano, regime = "scia" }), Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await client.SendAsync(request, cancellationToken);
            return ((int)response.StatusCode, response.Headers.Location, response.Headers.Contains("Idempotent-Replayed"), response.Headers.RetryAfter?.Delta);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            return (0, null, false, null);
        }
    }
}
