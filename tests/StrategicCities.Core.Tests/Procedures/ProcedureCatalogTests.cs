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
        Assert.That(pins, Has.All.Matches<Core.Catalog.PinnedVersion>(p => p.Hash.StartsWith("sha256:", StringComparison.Ordinal) && p.Hash.Length == 71));
        Assert.That(procedure.Matches(pins), Is.True);
        Assert.That(procedure.Matches([pins[0], pins[1] with { Hash = "sha256:0" }]), Is.False);
    }

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
