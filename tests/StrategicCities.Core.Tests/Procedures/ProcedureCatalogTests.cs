using StrategicCities.Core.Catalog;
using StrategicCities.Core.Procedures;
using static StrategicCities.Core.Tests.Procedures.ShippedProcedures;

namespace StrategicCities.Core.Tests.Procedures;

[TestFixture]
public sealed class ProcedureCatalogTests
{
    [TestCase("2016-12-11", "2016-12-11")]
    [TestCase("2020-07-16", "2016-12-11")]
    [TestCase("2020-07-17", "2020-07-17")]
    [TestCase("2025-03-01", "2020-07-17")]
    public async Task Resolve_PermitByLegalDate_SelectsVersionInForceHalfOpen(string legalDate, string version)
    {
        var procedure = await ResolveAsync("permesso-di-costruire", DateOnly.Parse(legalDate, System.Globalization.CultureInfo.InvariantCulture));

        Assert.That(procedure.Definition.Header.Version, Is.EqualTo(version));
    }

    [Test]
    public async Task Resolve_Permit2026_PinsDefinitionAndGuardVersionsWithHashes()
    {
        var procedure = await ResolveAsync("permesso-di-costruire", D(2026, 1, 12));

        var pins = procedure.Pins;

        Assert.That(pins.Select(p => $"{p.RuleSet}@{p.Version}"), Is.EqualTo(new[] { "procedures/permesso-di-costruire@2020-07-17", "procedure-guards@2025-12-18" }));
        Assert.That(pins, Has.All.Matches<PinnedVersion>(p => p.Hash.StartsWith("sha256:", StringComparison.Ordinal) && p.Hash.Length == 71));
        Assert.That(pins.Select(p => p.Revision), Is.EqualTo(new[] { 3, 4 }), "dates select the newest revision");
    }

    [Test]
    public async Task ResolvePinned_RevisionOnePins_RunsRevisionOneUntilRepinned()
    {
        var catalog = await CatalogAsync();
        var newest = await ResolveAsync("permesso-di-costruire", D(2026, 1, 12));
        PinnedVersion[] first =
        [
            Pin("procedures/permesso-di-costruire", "national/procedures/permesso-di-costruire/2020-07-17.json", "2020-07-17"),
            Pin("procedure-guards", "national/procedure-guards/2025-12-18.json", "2025-12-18"),
        ];

        var (pinned, error) = await catalog.ResolvePinnedAsync("permesso-di-costruire", Milano, D(2026, 1, 12), first);

        Assert.That(error, Is.Null, () => error!.ToString());
        Assert.That(pinned!.Definition.Header.Revision, Is.EqualTo(1));
        Assert.That(pinned.Definition.Header.File, Is.EqualTo("national/procedures/permesso-di-costruire/2020-07-17.json"));
        // Revision 2 added the c. 5 window as a term; revision 1 never had it.
        Assert.That(pinned.Definition.Terms.Select(t => t.Id), Does.Not.Contain("pdc-richiesta-integrazioni"));
        Assert.That(newest.Definition.Terms.Select(t => t.Id), Does.Contain("pdc-richiesta-integrazioni"));
        Assert.That(pinned.Guards!.Composed.Layers.Single().Revision, Is.EqualTo(1));
    }

    [Test]
    public async Task ResolvePinned_HashNotInDeployment_PinnedVersionMissingNamingTheFile()
    {
        var catalog = await CatalogAsync();
        PinnedVersion[] pins = [new("procedures/scia", "national", "IT", "2016-12-11", "sha256:" + new string('0', 64))];

        var (procedure, error) = await catalog.ResolvePinnedAsync("scia", Milano, D(2025, 1, 1), pins);

        Assert.That(procedure, Is.Null);
        Assert.That(error!.Code, Is.EqualTo(StrategicCities.Core.Law.LawProblems.PinnedVersionMissing));
        Assert.That(error.Message.En, Does.Contain("procedures/scia national IT 2016-12-11"));
    }

    private static PinnedVersion Pin(string ruleSet, string file, string version) => new(ruleSet, "national", "IT", version,
        ContentHash.Of(File.ReadAllBytes(Path.Combine(Support.Repository.Sources.RulesDirectory, file))));

    [Test]
    public async Task Resolve_UnknownProcedureOrMunicipalityOrTooEarly_InputErrors()
    {
        var catalog = await CatalogAsync();

        var unknown = await catalog.ResolveAsync("condono", Milano, D(2025, 1, 1));
        var municipality = await catalog.ResolveAsync("scia", "999999", D(2025, 1, 1));
        var early = await catalog.ResolveAsync("scia", Milano, D(2010, 1, 1));

        Assert.That(unknown.Error!.Code, Is.EqualTo(ProcedureCatalog.UnknownProcedure));
        Assert.That(municipality.Error!.Code, Is.EqualTo(InputError.Codes.MunicipalityUnknown));
        Assert.That(early.Error!.Code, Is.EqualTo(InputError.Codes.NoVersion));
    }

    [Test]
    public async Task Definitions_EveryTransitionAndTerm_HasLegalBasis()
    {
        var catalog = await CatalogAsync();

        foreach (var definition in catalog.Ids.SelectMany(catalog.Versions))
        {
            Assert.That(definition.Transitions, Has.All.Matches<ProcedureTransition>(t => t.LegalBasis.Count > 0), definition.Header.File);
            Assert.That(definition.Terms, Has.All.Matches<ProcedureTerm>(t => t.LegalBasis.Count > 0), definition.Header.File);
        }
    }
}
