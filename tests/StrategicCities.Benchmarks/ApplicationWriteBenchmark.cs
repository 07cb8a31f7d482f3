using BenchmarkDotNet.Attributes;
using Dapper;
using Npgsql;
using StrategicCities.Core.Catalog;
using StrategicCities.Data;
using StrategicCities.Data.Applications;
using StrategicCities.Core.Applications;

namespace StrategicCities.Benchmarks;

/// <summary>
/// The intake write path on a real database: create a draft, submit it (state + pins + first event, one transaction),
/// fire one trigger (state + event, one transaction). SQLite on a temp file always; PostgreSQL when
/// STRATEGICCITIES_POSTGRES is set (a throw-away database is created and dropped). Target (issue): median under 5 ms.
/// Durable=true is production: three commits, each waiting for the disk (fsync). Durable=false takes the disk out
/// (SQLite file on tmpfs, PostgreSQL synchronous_commit=off) to show what the code itself costs; the difference is
/// three times the machine's fsync latency.
/// Run: dotnet run -c Release --project tests/StrategicCities.Benchmarks -- --filter '*ApplicationWrite*'
/// </summary>
[MemoryDiagnoser]
public class ApplicationWriteBenchmark
{
    private static readonly Actor Clerk = new("bench-key", "clerk");
    private static readonly PinnedVersion[] Pins =
    [
        new("determination", "national", "IT", "2024-07-30", "sha256:aa11"),
        new("form:scia", "national", "IT", "2024-07-30", "sha256:cc33"),
    ];

    private ApplicationStore _store = null!;
    private Func<Task> _cleanup = () => Task.CompletedTask;

    [ParamsSource(nameof(Dialects))]
    public Dialect Dialect { get; set; }

    [Params(true, false)]
    public bool Durable { get; set; }

    public static IEnumerable<Dialect> Dialects()
    {
        yield return Dialect.Sqlite;
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("STRATEGICCITIES_POSTGRES")))
        {
            yield return Dialect.Postgres;
        }
    }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        DataOptions options;
        var name = $"sc_bench_{Guid.NewGuid():N}";
        if (Dialect == Dialect.Sqlite)
        {
            var folder = Path.Combine(Durable || !Directory.Exists("/dev/shm") ? Path.GetTempPath() : "/dev/shm", name);
            Directory.CreateDirectory(folder);
            options = DataOptions.Parse($"sqlite:Data Source={Path.Combine(folder, "bench.db")}", null, folder);
            _cleanup = () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
                return Task.CompletedTask;
            };
        }
        else
        {
            var admin = Environment.GetEnvironmentVariable("STRATEGICCITIES_POSTGRES")!;
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.ExecuteAsync($"CREATE DATABASE \"{name}\"");
                if (!Durable)
                {
                    await connection.ExecuteAsync($"ALTER DATABASE \"{name}\" SET synchronous_commit = off");
                }
            }

            options = DataOptions.Parse("postgres:" + new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString, null, Path.GetTempPath());
            _cleanup = async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await using var connection = new NpgsqlConnection(admin);
                await connection.ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            };
        }

        var factory = new DatabaseFactory(options);
        await factory.MigrateAsync();
        _store = new ApplicationStore(factory);
    }

    [GlobalCleanup]
    public Task CleanupAsync() => _cleanup();

    [Benchmark(Description = "Create draft + submit + one event")]
    public async Task<long> CreateSubmitTransition()
    {
        var draft = await _store.CreateDraftAsync(new NewApplication
        {
            Municipality = "015146", Form = "scia", Data = """{"intervento":{"categoria":"manutenzione-straordinaria"}}""", CreatedBy = Clerk,
        });
        await _store.SubmitAsync(new SubmitApplication
        {
            Id = draft.Id, ExpectedVersion = 1, FromState = "draft", ToState = "presentata", FiledOn = new DateOnly(2025, 3, 1),
            PinnedVersions = Pins, Procedure = new ProcedurePin("scia", "2024-07-30", "sha256:dd44"), Actor = Clerk,
        }, MunicipalityScope.Everywhere);
        var outcome = await _store.TransitionAsync(new TransitionApplication
        {
            Id = draft.Id, ExpectedVersion = 2, FromState = "presentata", ToState = "istruttoria", Trigger = "avvia-istruttoria", Actor = Clerk,
        }, MunicipalityScope.Everywhere);
        return outcome.Sequence!.Value;
    }
}
