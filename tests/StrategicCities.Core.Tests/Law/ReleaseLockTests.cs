using StrategicCities.Cli;
using StrategicCities.Core.Law;
using StrategicCities.Core.Tests.Forms;
using StrategicCities.Core.Tests.Support;

namespace StrategicCities.Core.Tests.Law;

/// <summary>Released files never change: <c>permits lint</c> against rules/RELEASES.lock.json, and <c>permits release</c>.</summary>
[TestFixture]
public sealed class ReleaseLockTests
{
    private string _rules = null!;

    [SetUp]
    public void Copy() => _rules = FormTestContext.CopyRules(Repository.Sources);

    [TearDown]
    public void Delete() => Directory.Delete(_rules, recursive: true);

    private static async Task<(int Exit, string Out)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PermitsCli.RunAsync(args, output, error, new StringReader(""));
        return (exit, output + error.ToString());
    }

    private string File(string relative) => Path.Combine(_rules, relative);

    [Test]
    public async Task Lint_ReleasedProcedureEditedInPlace_ExitsOneWithReleaseChangedNamingTheFile()
    {
        await System.IO.File.AppendAllTextAsync(File("national/procedures/agibilita/2016-12-11.json"), "\n");

        var (exit, output) = await RunAsync("lint", _rules, "--schemas", Repository.SchemasDirectory);

        Assert.That(exit, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("rules/national/procedures/agibilita/2016-12-11.json:-: a released file changed"));
        Assert.That(output, Does.Contain($"[{ReleaseLock.Changed}]"));
        Assert.That(output, Does.Contain("2016-12-11.r2.json"));
    }

    [Test]
    public async Task Lint_ReleasedFileRemoved_ExitsOneWithReleaseRemoved()
    {
        System.IO.File.Delete(File("calendars/municipalities/015146.json"));

        var (exit, output) = await RunAsync("lint", _rules, "--schemas", Repository.SchemasDirectory);

        Assert.That(exit, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain($"rules/calendars/municipalities/015146.json:-: a released file was removed"));
        Assert.That(output, Does.Contain($"[{ReleaseLock.Removed}]"));
    }

    [Test]
    public async Task Lint_CorrectionPublishedAsRevision_PassesAndReleaseRecordsIt()
    {
        var original = await System.IO.File.ReadAllTextAsync(File("national/procedures/agibilita/2016-12-11.json"));
        await System.IO.File.WriteAllTextAsync(File("national/procedures/agibilita/2016-12-11.r2.json"), original.TrimEnd() + "\n\n");

        var (lintExit, lint) = await RunAsync("lint", _rules, "--schemas", Repository.SchemasDirectory);
        var (releaseExit, release) = await RunAsync("release", _rules, "--schemas", Repository.SchemasDirectory);
        var (againExit, again) = await RunAsync("lint", _rules, "--schemas", Repository.SchemasDirectory);
        var recorded = await ReleaseLock.ReadAsync(new StrategicCities.Core.Catalog.CatalogSources(_rules, Repository.SchemasDirectory));

        Assert.That(lintExit, Is.Zero, lint);
        Assert.That(lint, Does.Contain("1 not yet released"));
        Assert.That(releaseExit, Is.Zero, release);
        Assert.That(release, Does.Contain("released rules/national/procedures/agibilita/2016-12-11.r2.json"));
        Assert.That(againExit, Is.Zero, again);
        Assert.That(again, Does.Contain("0 not yet released"));
        Assert.That(recorded.Files, Does.ContainKey("rules/national/procedures/agibilita/2016-12-11.r2.json"));
    }

    [Test]
    public async Task Lint_RevisionMovingTheVersionStart_ExitsOneWithRevisionValidityChanged()
    {
        var original = await System.IO.File.ReadAllTextAsync(File("national/procedures/agibilita/2016-12-11.json"));
        await System.IO.File.WriteAllTextAsync(File("national/procedures/agibilita/2016-12-11.r2.json"),
            original.Replace("\"validFrom\": \"2016-12-11\"", "\"validFrom\": \"2016-12-12\"", StringComparison.Ordinal));

        var (exit, output) = await RunAsync("lint", _rules, "--schemas", Repository.SchemasDirectory);

        Assert.That(exit, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("national/procedures/agibilita/2016-12-11.r2.json"));
    }

    [Test]
    public async Task Release_WhileAReleasedFileIsChanged_RefusesAndWritesNothing()
    {
        await System.IO.File.AppendAllTextAsync(File("national/determination/2016-12-11.json"), " ");
        var before = await System.IO.File.ReadAllTextAsync(File(ReleaseLock.FileName));

        var (exit, output) = await RunAsync("release", _rules, "--schemas", Repository.SchemasDirectory);

        Assert.That(exit, Is.EqualTo(1), output);
        Assert.That(await System.IO.File.ReadAllTextAsync(File(ReleaseLock.FileName)), Is.EqualTo(before));
    }

    [Test]
    public async Task Check_ShippedRepository_NoReleasedFileDiffersFromItsLockEntry()
    {
        var releases = await ReleaseLock.ReadAsync(Repository.Sources);

        var problems = await releases.CheckAsync(Repository.Sources);

        Assert.That(releases.Files, Is.Not.Empty);
        Assert.That(problems, Is.Empty);
        Assert.That(releases.Unreleased(Repository.Sources), Is.Empty, "every shipped file is released");
    }
}
