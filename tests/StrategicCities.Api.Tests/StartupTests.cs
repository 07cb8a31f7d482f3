namespace StrategicCities.Api.Tests;

public sealed class StartupTests
{
    [Test]
    public async Task Start_RefusedCatalog_FailsNamingEveryProblem()
    {
        var root = RepoPaths.CopyToTemp();
        try
        {
            var broken = Path.Combine(root, "rules", "national", "determination", "2030-01-01.json");
            await File.WriteAllTextAsync(broken, "{ not json");
            await using var factory = new ApiFactory(new Dictionary<string, string?> { ["Catalog:RulesPath"] = Path.Combine(root, "rules") });

            var exception = Assert.Catch(() => factory.CreateClient());

            Assert.That(exception!.ToString(), Does.Contain("2030-01-01.json"));
            Assert.That(factory.Logs.Entries.Select(e => e.EventId), Does.Contain(1001).And.Contain(1002));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public async Task Start_RefusedFormSchema_FailsNamingTheFile()
    {
        var root = RepoPaths.CopyToTemp();
        try
        {
            var broken = Path.Combine(root, "schemas", "forms", "scia", "2030-01-01.schema.json");
            await File.WriteAllTextAsync(broken, "{ not json");
            await using var factory = new ApiFactory(new Dictionary<string, string?> { ["Catalog:RulesPath"] = Path.Combine(root, "rules") });

            var exception = Assert.Catch(() => factory.CreateClient());

            Assert.That(exception!.ToString(), Does.Contain("forms/scia/2030-01-01.schema.json"));
            Assert.That(factory.Logs.Entries.Select(e => e.EventId), Does.Contain(1005).And.Contain(1002));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public async Task Start_MissingRulesFolder_Fails()
    {
        await using var factory = new ApiFactory(new Dictionary<string, string?> { ["Catalog:RulesPath"] = "/nonexistent/rules" });

        var exception = Assert.Catch(() => factory.CreateClient());

        Assert.That(exception!.ToString(), Does.Contain("/nonexistent/rules"));
    }
}
