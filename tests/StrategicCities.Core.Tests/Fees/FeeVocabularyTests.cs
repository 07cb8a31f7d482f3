using System.Text.Json;
using StrategicCities.Core.Fees;
using StrategicCities.Core.Tests.Support;

namespace StrategicCities.Core.Tests.Fees;

/// <summary>The fee vocabulary is the intervention vocabulary: one definition, copies tested against it.</summary>
[TestFixture]
public sealed class FeeVocabularyTests
{
    private static JsonElement Property(JsonDocument schema, string name) => schema.RootElement.GetProperty("properties").GetProperty(name);

    private static List<string> Enum(JsonElement element) => [.. element.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!)];

    [Test]
    public async Task Vocabulary_CategoriesAndUses_AreThoseOfTheInterventionSchema()
    {
        using var schema = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Repository.SchemasDirectory, "intervention.schema.json")));

        Assert.That(FeeVocabulary.Categories, Is.EqualTo(Enum(Property(schema, "category"))));
        Assert.That(FeeVocabulary.Uses, Is.EqualTo(Enum(Property(schema, "useChange").GetProperty("properties").GetProperty("to"))));
    }
}
