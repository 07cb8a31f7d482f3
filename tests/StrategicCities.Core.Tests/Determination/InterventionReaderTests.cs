using StrategicCities.Core.Determination;
using StrategicCities.Core.Tests.Support;

namespace StrategicCities.Core.Tests.Determination;

[TestFixture]
public sealed class InterventionReaderTests
{
    [Test]
    public async Task Read_OnlyCategory_NewFieldsTakeTheirDocumentedDefaults()
    {
        var reader = await InterventionReader.CreateAsync(Repository.SchemasDirectory);

        var (facts, errors) = reader.Read("""{"category":"ristrutturazione-edilizia"}""");

        Assert.That(errors, Is.Empty);
        Assert.That(facts, Is.EqualTo(new InterventionFacts { Category = "ristrutturazione-edilizia" }));
    }

    [Test]
    public async Task Read_LandscapeProtectionWithoutLandscapeFlag_ImpliesLandscapeAndFlattensEachKind()
    {
        var reader = await InterventionReader.CreateAsync(Repository.SchemasDirectory);

        var (facts, errors) = reader.Read("""
            {"category":"demolizione","demolitionAndReconstruction":true,"shapeChange":true,"footprintChange":true,
             "typologyChange":true,"openingsChange":true,"landscapeProtection":["art136-d","art142"],"landscapeItem":"B.12",
             "seismicRelevance":"minore-rilevanza","freeWork":"tende-pergotende"}
            """);

        Assert.That(errors, Is.Empty);
        Assert.That(facts, Is.EqualTo(new InterventionFacts
        {
            Category = "demolizione", DemolitionAndReconstruction = true, ShapeChange = true, FootprintChange = true,
            TypologyChange = true, OpeningsChange = true, Landscape = true, LandscapeArt136D = true, LandscapeArt142 = true,
            LandscapeKindStated = true, LandscapeSchedule = "B", LandscapeItem = 12, SeismicRelevance = "minore-rilevanza",
            FreeWork = "tende-pergotende",
        }));
    }

    [TestCase("""{"category":"nuova-costruzione","landscapeItem":"A.32"}""", "/landscapeItem")]
    [TestCase("""{"category":"nuova-costruzione","landscapeItem":"C.1"}""", "/landscapeItem")]
    [TestCase("""{"category":"nuova-costruzione","landscapeProtection":["art136-e"]}""", "/landscapeProtection/0")]
    [TestCase("""{"category":"nuova-costruzione","seismicRelevance":"alta"}""", "/seismicRelevance")]
    [TestCase("""{"category":"nuova-costruzione","freeWork":"veranda"}""", "/freeWork")]
    public async Task Read_ValueOutsideTheVocabulary_IsRefusedAtItsPointer(string json, string pointer)
    {
        var reader = await InterventionReader.CreateAsync(Repository.SchemasDirectory);

        var (facts, errors) = reader.Read(json);

        Assert.That(facts, Is.Null);
        Assert.That(errors.Select(e => e.Pointer), Does.Contain(pointer));
    }
}
