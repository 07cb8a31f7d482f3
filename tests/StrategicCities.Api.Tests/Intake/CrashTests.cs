using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using StrategicCities.Data;
using StrategicCities.Data.ApiKeys;
using StrategicCities.Data.Applications;
using StrategicCities.Data.Offices;
using StrategicCities.Core.Applications;

namespace StrategicCities.Api.Tests.Intake;

/// <summary>
/// The real API as a child process on a SQLite file: N valid drafts, N concurrent submits, the server killed (-9)
/// mid-way. Afterwards every application is either an untouched draft (same version, no events) or filed with exactly
/// one <c>presentazione</c> event and a consistent state/version, never half; and the server starts again on the file.
/// </summary>
[Category("Crash")]
[NonParallelizable]
public sealed class CrashTests
{
    private const string Milano = "015146";
    private const int Drafts = 80;

    [Test]
    [CancelAfter(120_000)]
    public async Task KillDuringConcurrentSubmits_LeavesEveryApplicationWholeAndTheServerRestarts(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "sc-crash-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "crash.db");
        var connection = "sqlite:Data Source=" + file;
        var database = new DatabaseFactory(DataOptions.Parse(connection, null, folder, migrateOnStart: true));
        await database.MigrateAsync(cancellationToken);
        var office = await new OfficeStore(database, TimeProvider.System).CreateAsync("Milano", [Milano], cancellationToken);
        var secret = (await new ApiKeyStore(database, TimeProvider.System).CreateAsync(ApiKeyRoles.Clerk, office.Id, "crash", cancellationToken)).Secret!;

        var port = FreePort();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(20) };
        client.DefaultRequestHeaders.Add("X-Api-Key", secret);

        var drafts = new Dictionary<Guid, long>();
        var draftState = "";
        var server = await StartAsync(port, connection, client, cancellationToken);
        try
        {
            var data = AuthorizationMatrixTests.ValidScia();
            for (var i = 0; i < Drafts; i++)
            {
                var created = await client.PostAsync("/api/v1/applications", Json(JsonSerializer.Serialize(new { municipality = Milano, regime = "scia" })), cancellationToken);
                Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
                var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync(cancellationToken)).RootElement;
                var id = body.GetProperty("id").GetGuid();
                draftState = body.GetProperty("state").GetString()!;
                using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/applications/{id}/data") { Content = Json(data) };
                put.Headers.IfMatch.Add(created.Headers.ETag!);
                var updated = await client.SendAsync(put, cancellationToken);
                Assert.That(updated.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                drafts[id] = long.Parse(updated.Headers.ETag!.Tag.Trim('"', 'W', '/'), System.Globalization.CultureInfo.InvariantCulture);
            }

            // Every submit at once; the server dies as soon as a few have answered.
            var someAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var answeredCount = 0;
            var submits = drafts.Keys.Select(async id =>
            {
                var result = await SubmitAsync(client, id);
                if (Interlocked.Increment(ref answeredCount) >= 5)
                {
                    someAnswered.TrySetResult();
                }

                return result;
            }).ToList();
            await someAnswered.Task.WaitAsync(cancellationToken);
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync(cancellationToken);
            var answered = await Task.WhenAll(submits);
            var confirmed = answered.Where(a => a.Status == 200).Select(a => a.Id).ToHashSet();
            TestContext.Out.WriteLine($"{confirmed.Count} of {Drafts} submits confirmed before the kill");
            Assert.That(confirmed, Is.Not.Empty);

            var store = new ApplicationStore(database, TimeProvider.System);
            var filed = 0;
            foreach (var (id, version) in drafts)
            {
                var application = await store.GetAsync(id, MunicipalityScope.Everywhere, cancellationToken);
                var events = await store.ListEventsAsync(id, MunicipalityScope.Everywhere, cancellationToken);
                Assert.That(application, Is.Not.Null);
                Assert.That(events, Is.Not.Null);
                if (application!.FiledOn is null)
                {
                    Assert.Multiple(() =>
                    {
                        Assert.That(confirmed, Does.Not.Contain(id), "a confirmed submit was lost");
                        Assert.That(application.Version, Is.EqualTo(version), "draft version moved");
                        Assert.That(events, Is.Empty, "a draft has events");
                        Assert.That(application.State, Is.EqualTo(draftState));
                    });
                }
                else
                {
                    filed++;
                    Assert.Multiple(() =>
                    {
                        Assert.That(application.Version, Is.EqualTo(version + 1));
                        Assert.That(application.FiledOn, Is.Not.Null);
                        Assert.That(events!, Has.Count.EqualTo(1));
                        Assert.That(events![0].Trigger, Is.EqualTo("presentazione"));
                        Assert.That(events[0].Sequence, Is.EqualTo(1));
                        Assert.That(events[0].FromState, Is.EqualTo(draftState));
                        Assert.That(application.State, Is.Not.EqualTo(draftState));
                        Assert.That(events[0].ToState, Is.EqualTo(application.State));
                    });
                }
            }

            Assert.That(filed, Is.GreaterThanOrEqualTo(confirmed.Count));

            // The server starts again on the same file and serves what survived.
            server.Dispose();
            server = await StartAsync(port, connection, client, cancellationToken);
            var list = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/applications?municipality={Milano}&pageSize=100", cancellationToken)).RootElement;
            Assert.That(list.GetProperty("total").GetInt64(), Is.EqualTo(Drafts));
        }
        finally
        {
            await StopAsync(server);
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

    private static async Task<(Guid Id, int Status)> SubmitAsync(HttpClient client, Guid id)
    {
        try
        {
            using var response = await client.PostAsync(new Uri($"/api/v1/applications/{id}/triggers/presentazione", UriKind.Relative), null);
            return (id, (int)response.StatusCode);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            return (id, 0);
        }
    }

    /// <summary>Kills the API if it still runs; a process already disposed (a restart that failed) is left alone.</summary>
    internal static async Task StopAsync(Process server)
    {
        try
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync(CancellationToken.None);
            }
        }
        catch (InvalidOperationException)
        {
            // Disposed, or never started: nothing runs.
        }

        server.Dispose();
    }

    /// <summary>Starts the API on <paramref name="port"/> over <paramref name="connection"/> and waits until it is ready.</summary>
    internal static async Task<Process> StartAsync(
        int port, string connection, HttpClient client, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? settings = null)
    {
        var dll = Path.Combine(TestContext.CurrentContext.TestDirectory, "StrategicCities.Api.dll");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__ConnectionString"] = connection;
        start.Environment["Database__MigrateOnStart"] = "true";
        start.Environment["Sweep__Enabled"] = "false";
        start.Environment["Catalog__RulesPath"] = RepoPaths.Rules;
        start.Environment["RateLimit__PermitLimit"] = "100000";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { TestContext.Progress.WriteLine("api: " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            Assert.That(process.HasExited, Is.False, "the API exited at start");
            try
            {
                using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
                if (ready.IsSuccessStatusCode)
                {
                    return process;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, cancellationToken);
        }

        process.Kill(entireProcessTree: true);
        Assert.Fail("the API did not become ready");
        return process;
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
