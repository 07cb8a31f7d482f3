using StrategicCities.Core.Law;
using StrategicCities.Core.Tests.Support;

namespace StrategicCities.Core.Tests.Law;

/// <summary>The law in force for one municipality and date: resolved once, compiled only as far as a use case needs.</summary>
[TestFixture]
[NonParallelizable]
public sealed class LawInForceTests
{
    private const string Intervention = """{"category":"manutenzione-straordinaria","structuralParts":false}""";

    private static async Task<LawCatalog> FreshCatalogAsync()
    {
        // A catalog of its own: the compiled cache starts empty.
        var loaded = await LawCatalog.LoadAsync(Repository.Sources);
        Assert.That(loaded.Succeeded, Is.True, string.Join("; ", loaded.Problems));
        return loaded.Catalog!;
    }

    [Test]
    public async Task Determine_ColdCatalog_CompilesOnlyTheDeterminationRuleSet()
    {
        var catalog = await FreshCatalogAsync();
        var (law, error) = catalog.At("015146", new DateOnly(2025, 3, 1));
        Assert.That(error, Is.Null);

        var (result, errors) = await law!.DetermineAsync(Intervention);

        Assert.Multiple(() =>
        {
            Assert.That(errors, Is.Empty);
            Assert.That(result!.Regime, Is.Not.Empty);
            Assert.That(catalog.Rules.CompiledCount, Is.EqualTo(1), "the forms' and guards' rule sets stay uncompiled");
        });
    }

    [Test]
    public async Task Determine_SameLawTwice_CompilesOnce()
    {
        var catalog = await FreshCatalogAsync();
        var (law, _) = catalog.At("058091", new DateOnly(2025, 3, 1));
        var (other, _) = catalog.At("058091", new DateOnly(2025, 3, 2));

        await law!.DetermineAsync(Intervention);
        await other!.DetermineAsync(Intervention);

        Assert.That(catalog.Rules.CompiledCount, Is.EqualTo(1), "two dates under the same file versions share one compiled rule set");
    }

    [Test]
    public async Task Determine_DateBeforeAnyVersion_RefusedNoVersionAtTheLegalDate()
    {
        var catalog = await FreshCatalogAsync();
        var (law, _) = catalog.At("058091", new DateOnly(1990, 1, 1));

        var (result, errors) = await law!.DetermineAsync(Intervention);

        Assert.Multiple(() =>
        {
            Assert.That(result, Is.Null);
            Assert.That(errors.Select(e => (e.Code, e.Pointer)).Single(), Is.EqualTo((InputError.Codes.NoVersion, "/legalDate")));
            Assert.That(catalog.Rules.CompiledCount, Is.Zero);
        });
    }

    [Test]
    public void At_UnknownMunicipality_RefusedWithoutALaw()
    {
        var (law, error) = LawCatalog.LoadAsync(Repository.Sources).GetAwaiter().GetResult().Catalog!.At("999999", new DateOnly(2025, 3, 1));

        Assert.That((law, error?.Code), Is.EqualTo(((LawInForce?)null, InputError.Codes.MunicipalityUnknown)));
    }
}
