using Microsoft.Extensions.Time.Testing;
using StrategicCities.Data.ApiKeys;
using StrategicCities.Data.Applications;
using StrategicCities.Data.Expiry;
using StrategicCities.Data.Idempotency;
using StrategicCities.Data.Offices;
using StrategicCities.Core.Applications;

namespace StrategicCities.Data.Tests.Support;

/// <summary>
/// The base of the storage suite: the same tests run once per dialect (each concrete class carries
/// [TestFixture(Dialect.Sqlite)], [TestFixture(Dialect.Postgres)], [TestFixture(Dialect.SqlServer)]) against a fresh,
/// migrated database of its own.
/// </summary>
public abstract class DialectFixture(Dialect dialect)
{
    private static int _nextMunicipality = 100_000;
    private TestDatabase? _database;

    protected Dialect Dialect { get; } = dialect;

    protected DatabaseFactory Factory => _database!.Factory;

    /// <summary>The stores' clock: starts 2025-03-01 09:00 UTC and moves only when a test moves it.</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));

    protected ApplicationStore Applications { get; private set; } = null!;

    protected OfficeStore Offices { get; private set; } = null!;

    protected ApiKeyStore Keys { get; private set; } = null!;

    protected IdempotencyStore Idempotency { get; private set; } = null!;

    protected ExpiryClaims Claims { get; private set; } = null!;

    protected static Actor Clerk { get; } = new("0197a1b2-clerk-key", "clerk");

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync()
    {
        _database = await TestDatabase.CreateAsync(Dialect);
        await Factory.MigrateAsync();
        Applications = new ApplicationStore(Factory, Time);
        Offices = new OfficeStore(Factory, Time);
        Keys = new ApiKeyStore(Factory, Time);
        Idempotency = new IdempotencyStore(Factory, Time);
        Claims = new ExpiryClaims(Factory, Time);
    }

    [OneTimeTearDown]
    public async Task DropDatabaseAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>A municipality code no other test uses, so tests sharing the fixture's database do not see each other.</summary>
    protected static string NewMunicipality() => Interlocked.Increment(ref _nextMunicipality).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    protected Task<ApplicationRecord> CreateDraftAsync(string? municipality = null, string data = """{"titolare":{"cf":"RSSMRA80A01F205X"}}""") =>
        Applications.CreateDraftAsync(new NewApplication
        {
            Municipality = municipality ?? NewMunicipality(),
            Form = "scia",
            Data = data,
            CreatedBy = Clerk,
        });

    protected static SubmitApplication Submit(ApplicationRecord draft, DateOnly? filedOn = null) => new()
    {
        Id = draft.Id,
        ExpectedVersion = draft.Version,
        FromState = draft.State,
        ToState = "presentata",
        FiledOn = filedOn ?? new DateOnly(2025, 3, 1),
        PinnedVersions =
        [
            new("determination", "national", "IT", "2024-07-30", "sha256:aa11"),
            new("determination", "municipal", "015146", "2025-01-01", "sha256:bb22"),
            new("form:scia", "national", "IT", "2024-07-30", "sha256:cc33"),
        ],
        Procedure = new ProcedurePin("scia", "2024-07-30", "sha256:dd44"),
        Regime = "scia",
        Actor = Clerk,
        Payload = """{"channel":"portal"}""",
    };
}
