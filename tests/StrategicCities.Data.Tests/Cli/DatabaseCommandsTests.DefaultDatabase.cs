namespace StrategicCities.Data.Tests.Cli;

/// <summary>Which database the CLI uses when nothing says: the service's, by the rule both share.</summary>
public sealed partial class DatabaseCommandsTests
{
    [Test]
    [NonParallelizable]
    [Description("Issue 14: from the repository root, 'permits keys list' read (and created) ./data/strategiccities.db, not the service's database.")]
    public async Task DbInfo_FromTheRepositoryRoot_NamesTheServicesFile_WithoutCreatingIt()
    {
        var root = RepoRoot();
        var service = Path.Combine(root, "src", "StrategicCities.Api");
        var expected = Path.Combine(service, "data", "strategiccities.db");
        var existedBefore = File.Exists(expected);
        var previous = Directory.GetCurrentDirectory();
        var setting = Environment.GetEnvironmentVariable("Database__ConnectionString");
        var provider = Environment.GetEnvironmentVariable("Database__Provider");
        (int Exit, string Out, string Err) info;
        try
        {
            Environment.SetEnvironmentVariable("Database__ConnectionString", null);
            Environment.SetEnvironmentVariable("Database__Provider", null);
            Directory.SetCurrentDirectory(root);
            info = await RunAsync("db", "info");
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
            Environment.SetEnvironmentVariable("Database__ConnectionString", setting);
            Environment.SetEnvironmentVariable("Database__Provider", provider);
        }

        // The API resolves its default from its content root (the project folder under 'dotnet run') by the same rule.
        var api = DataOptions.Parse(null, null, DataOptions.HomeDirectory(service));
        Assert.Multiple(() =>
        {
            Assert.That(info.Exit, Is.Zero, info.Err);
            Assert.That(info.Out, Does.Contain($"database: sqlite {expected}"));
            Assert.That(info.Out, Does.Contain("from: the default"));
            Assert.That(api.Describe(), Is.EqualTo($"sqlite {expected}"));
            Assert.That(File.Exists(Path.Combine(root, "data", "strategiccities.db")), Is.False, "no database at the repository root");
            Assert.That(File.Exists(expected), Is.EqualTo(existedBefore), "db info creates nothing");
        });
    }

    [Test]
    public void HomeDirectory_OutsideACheckout_IsTheStartFolder_InsideItIsTheServiceFolder()
    {
        var service = Path.Combine(RepoRoot(), "src", "StrategicCities.Api");

        Assert.Multiple(() =>
        {
            Assert.That(DataOptions.HomeDirectory(_folder), Is.EqualTo(Path.GetFullPath(_folder)));
            Assert.That(DataOptions.HomeDirectory(RepoRoot()), Is.EqualTo(service));
            Assert.That(DataOptions.HomeDirectory(Path.Combine(service, "bin")), Is.EqualTo(service));
            Assert.That(DataOptions.HomeDirectory(AppContext.BaseDirectory), Is.EqualTo(service));
        });
    }

    [Test]
    public async Task Help_PrintsTheDatabaseRule()
    {
        var (_, output, _) = await RunAsync("--help");

        Assert.That(output, Does.Contain("Database: --connection, else $Database__ConnectionString").And.Contain("permits db info"));
    }
}
