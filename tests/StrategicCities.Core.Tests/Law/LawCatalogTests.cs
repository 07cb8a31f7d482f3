using Microsoft.Extensions.Time.Testing;
using StrategicCities.Core.Law;
using StrategicCities.Core.Tests.Support;

namespace StrategicCities.Core.Tests.Law;

/// <summary>The law catalog loaded from the repository, and the law in force it selects for a municipality and date.</summary>
[TestFixture]
public sealed class LawCatalogTests
{
    private const string Milano = "015146";

    private static readonly DateTimeOffset LoadTime = new(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);

    private LawCatalog _catalog = null!;

    [OneTimeSetUp]
    public async Task LoadAsync()
    {
        var result = await LawCatalog.LoadAsync(Repository.Sources, new FakeTimeProvider(LoadTime));
        Assert.That(result.Problems.Select(p => p.ToString()), Is.Empty);
        _catalog = result.Catalog!;
    }

    [Test]
    public async Task LoadAsync_ShippedRulesAndSchemas_SucceedsAtTheClocksTime()
    {
        var result = await LawCatalog.LoadAsync(Repository.Sources, new FakeTimeProvider(LoadTime));

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.True);
            Assert.That(result.FormSchemaProblems, Is.Zero);
            Assert.That(result.Catalog!.LoadedAt, Is.EqualTo(LoadTime));
            Assert.That(result.Catalog.Sources, Is.EqualTo(Repository.Sources));
            Assert.That(result.Catalog.Rules.Versions("determination"), Is.Not.Empty);
            Assert.That(result.Catalog.Calendar.FixedHolidays, Is.Not.Empty);
        });
    }

    [Test]
    public async Task LoadAsync_TreeWithABrokenRuleFile_RefusedWholeListingTheProblem()
    {
        using var tree = new RuleTree();
        tree.Write("national/determination/2020-01-01.json", "{ not json");

        var result = await LawCatalog.LoadAsync(tree.Sources);

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.Catalog, Is.Null);
            Assert.That(result.Problems, Has.Some.Matches<StrategicCities.Core.Catalog.CatalogProblem>(p => p.File == "national/determination/2020-01-01.json"));
        });
    }

    [TestCase("01514", InputError.Codes.MunicipalityInvalid)]
    [TestCase("999999", InputError.Codes.MunicipalityUnknown)]
    public void At_BadMunicipality_ReturnsTheErrorAndNoLaw(string code, string expected)
    {
        var (law, error) = _catalog.At(code, new DateOnly(2025, 3, 3));

        Assert.Multiple(() =>
        {
            Assert.That(law, Is.Null);
            Assert.That(error!.Code, Is.EqualTo(expected));
        });
    }

    [Test]
    public void At_Milano_SelectsTheMunicipalityDateAndCalendar()
    {
        var date = new DateOnly(2025, 3, 3);

        var (law, error) = _catalog.At(Milano, date);

        Assert.That(error, Is.Null);
        Assert.Multiple(() =>
        {
            Assert.That(law!.Municipality.Code, Is.EqualTo(Milano));
            Assert.That(law.LegalDate, Is.EqualTo(date));
            Assert.That(law.Catalog, Is.SameAs(_catalog));
            Assert.That(law.Calendar, Is.SameAs(_catalog.Calendar));
            Assert.That(law.RuleSet("determination"), Is.SameAs(_catalog.Rules.Compose("determination", law.Municipality, date)));
            Assert.That(law.RuleSet("no-such-rule-set"), Is.Null);
        });
    }

    [Test]
    public async Task ProcedureAsync_PermitInMilano_ResolvesTheProcedureInForce()
    {
        var (law, _) = _catalog.At(Milano, new DateOnly(2025, 3, 3));

        var (procedure, error) = await law!.ProcedureAsync("permesso-di-costruire");

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.Null);
            Assert.That(procedure, Is.Not.Null);
        });
    }
}
