namespace StrategicCities.Data.Tests;

public sealed class DataOptionsTests
{
    private static readonly string Base = Path.Combine(Path.GetTempPath(), "sc-options");

    [Test]
    public void NoSetting_IsTheSqliteFileUnderTheBaseDirectory_MigratingOnStart()
    {
        var options = DataOptions.Parse(null, null, Base);

        Assert.Multiple(() =>
        {
            Assert.That(options.Dialect, Is.EqualTo(Dialect.Sqlite));
            Assert.That(options.ConnectionString, Does.Contain(Path.Combine(Base, "data", "strategiccities.db")));
            Assert.That(options.ConnectionString, Does.Contain("Foreign Keys=True"));
            Assert.That(options.MigrateOnStart, Is.True);
        });
    }

    [TestCase("sqlite:Data Source=x.db", null, Dialect.Sqlite)]
    [TestCase("Data Source=x.db", null, Dialect.Sqlite)]
    [TestCase("postgres:Host=127.0.0.1;Database=sc;Username=u;Password=secret", null, Dialect.Postgres)]
    [TestCase("postgresql:Host=db;Database=sc", null, Dialect.Postgres)]
    [TestCase("Host=db;Database=sc;Username=u;Password=secret", "postgres", Dialect.Postgres)]
    [TestCase("sqlserver:Server=db;Database=sc;User ID=u;Password=secret", null, Dialect.SqlServer)]
    [TestCase("Server=db;Database=sc", "SqlServer", Dialect.SqlServer)]
    public void Setting_SelectsTheDialect(string setting, string? provider, Dialect expected)
    {
        var options = DataOptions.Parse(setting, provider, Base);

        Assert.That(options.Dialect, Is.EqualTo(expected));
        Assert.That(options.MigrateOnStart, Is.EqualTo(expected == Dialect.Sqlite));
        Assert.That(options.Describe(), Does.Not.Contain("secret"));
        Assert.That(options.ToString(), Does.Not.Contain("secret"));
    }

    [TestCase("Host=db;Database=sc", null, "not a SQLite connection string")]
    [TestCase("sqlite:Data Source=x.db", "postgres", "drop one of them")]
    [TestCase("x", "oracle", "not one of sqlite, postgres, sqlserver")]
    [TestCase("postgres:", null, "empty")]
    public void BadSetting_IsRefusedWithAnActionableMessage(string setting, string? provider, string message) =>
        Assert.That(() => DataOptions.Parse(setting, provider, Base), Throws.TypeOf<FormatException>().With.Message.Contains(message));

    [Test]
    public void MigrateOnStart_CanBeOverridden() =>
        Assert.That(DataOptions.Parse("postgres:Host=db", null, Base, migrateOnStart: true).MigrateOnStart, Is.True);
}
