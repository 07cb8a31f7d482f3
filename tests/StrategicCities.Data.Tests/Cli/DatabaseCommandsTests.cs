using System.Text.RegularExpressions;
using StrategicCities.Cli;

namespace StrategicCities.Data.Tests.Cli;

/// <summary><c>permits db|offices|keys</c> as an operator runs them, on a SQLite file of their own.</summary>
[TestFixture]
public sealed partial class DatabaseCommandsTests
{
    private string _folder = "";
    private string _connection = "";

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"sc-cli-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
        _connection = $"sqlite:Data Source={Path.Combine(_folder, "cli.db")}";
    }

    [TearDown]
    public void DeleteFolder()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader("");
        var exit = await PermitsCli.RunAsync(args, output, error, input);
        return (exit, output.ToString(), error.ToString());
    }

    [Test]
    public async Task DbMigrate_AppliesThenReportsUpToDate()
    {
        var first = await RunAsync("db", "migrate", "--connection", _connection);
        var second = await RunAsync("db", "migrate", "--connection", _connection);

        Assert.That(first.Exit, Is.Zero, first.Err);
        Assert.That(first.Out, Does.Contain("applied 0001_initial"));
        var scripts = Directory.GetFiles(Path.Combine(RepoRoot(), "src", "StrategicCities.Data", "Migrations", "Sqlite"), "*.sql").Length;
        Assert.That(first.Out, Does.Contain($"({scripts} applied now, 0 before)").Or.Contain($"{scripts} applied"));
        Assert.That(second.Out, Does.Contain($"up to date (0 applied now, {scripts} before)"));
    }

    [Test]
    public async Task DbMigrate_WithABadSetting_ExitsTwoWithTheReason()
    {
        var (exit, _, err) = await RunAsync("db", "migrate", "--connection", "Host=db;Database=x");

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(err, Does.Contain("not a SQLite connection string").And.Contain("postgres:"));
    }

    [Test]
    public async Task OfficesAndKeys_CreateListRevoke_PrintTheSecretOnce()
    {
        var office = await RunAsync("offices", "create", "--name", "Unione dei Comuni", "--municipalities", "015146,015077", "-c", _connection);
        var officeId = GuidPattern().Match(office.Out).Value;
        var created = await RunAsync("keys", "create", "--role", "clerk", "--office", officeId, "--name", "sportello", "-c", _connection);
        var secret = SecretPattern().Match(created.Out).Value;
        var keyId = GuidPattern().Match(created.Out).Value;
        var listed = await RunAsync("keys", "list", "-c", _connection);
        var offices = await RunAsync("offices", "list", "-c", _connection);
        var revoked = await RunAsync("keys", "revoke", keyId, "-c", _connection);
        var again = await RunAsync("keys", "revoke", keyId, "-c", _connection);

        Assert.Multiple(() =>
        {
            Assert.That(office.Exit, Is.Zero, office.Err);
            Assert.That(offices.Out, Does.Contain($"{officeId}  Unione dei Comuni  [015077, 015146]"));
            Assert.That(created.Exit, Is.Zero, created.Err);
            Assert.That(secret, Does.StartWith("sck_"));
            Assert.That(created.Err, Does.Contain("shown now and never again"));
            Assert.That(listed.Out, Does.Contain(keyId).And.Contain("active").And.Not.Contain(secret));
            Assert.That(revoked.Exit, Is.Zero);
            Assert.That(again.Exit, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task KeysCreate_ClerkWithoutOffice_OrBadRole_ExitsTwo()
    {
        var noOffice = await RunAsync("keys", "create", "--role", "clerk", "-c", _connection);
        var badRole = await RunAsync("keys", "create", "--role", "root", "-c", _connection);
        var badCodes = await RunAsync("offices", "create", "--name", "x", "--municipalities", "15146,ABCDEF", "-c", _connection);

        Assert.Multiple(() =>
        {
            Assert.That(noOffice.Exit, Is.EqualTo(2));
            Assert.That(noOffice.Err, Does.Contain("needs --office"));
            Assert.That(badRole.Exit, Is.EqualTo(2));
            Assert.That(badCodes.Exit, Is.EqualTo(2));
            Assert.That(badCodes.Err, Does.Contain("15146, ABCDEF"));
        });
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex GuidPattern();

    [GeneratedRegex(@"sck_\S+")]
    private static partial Regex SecretPattern();

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StrategicCities.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("StrategicCities.sln not found above the test folder.");
    }
}
