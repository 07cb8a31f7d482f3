using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using StrategicCities.Api.Contracts;

namespace StrategicCities.Api.Tests;

/// <summary>
/// The OpenAPI request types describe exactly schemas/intervention.schema.json, the one definition of the
/// vocabulary: every schema property is a request property with the same JSON name, and the other way round.
/// </summary>
public sealed class InterventionContractTests
{
    private static JsonElement Schema()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Schemas, "intervention.schema.json")));
        return document.RootElement.Clone();
    }

    private static string[] SchemaNames(JsonElement objectSchema) =>
        [.. objectSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    private static string[] RequestNames(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? "(no JsonPropertyName on " + p.Name + ")")
            .Order(StringComparer.Ordinal)];

    [Test]
    public void InterventionRequest_ComparedWithSchema_HasExactlyTheSchemaProperties()
    {
        Assert.That(RequestNames(typeof(InterventionRequest)), Is.EqualTo(SchemaNames(Schema())));
    }

    [Test]
    public void UseChangeRequest_ComparedWithSchema_HasExactlyTheSchemaProperties()
    {
        Assert.That(RequestNames(typeof(UseChangeRequest)), Is.EqualTo(SchemaNames(Schema().GetProperty("properties").GetProperty("useChange"))));
    }

    [Test]
    public void TemporaryWorksRequest_ComparedWithSchema_HasExactlyTheSchemaProperties()
    {
        Assert.That(RequestNames(typeof(TemporaryWorksRequest)), Is.EqualTo(SchemaNames(Schema().GetProperty("properties").GetProperty("temporary"))));
    }

    [Test]
    public void InterventionCategory_ComparedWithSchema_HasExactlyTheSchemaCategories()
    {
        var names = typeof(InterventionCategory).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()!.Name)
            .Order(StringComparer.Ordinal);
        var schema = Schema().GetProperty("properties").GetProperty("category").GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal);

        Assert.That(names, Is.EqualTo(schema));
    }

    [Test]
    public void InterventionRequest_ObjectProperties_AreTheNestedRequestTypes()
    {
        var schema = Schema().GetProperty("properties");
        var objects = schema.EnumerateObject()
            .Where(p => p.Value.GetProperty("type").GetString() == "object")
            .Select(p => p.Name)
            .Order(StringComparer.Ordinal);
        var nested = typeof(InterventionRequest).GetProperties()
            .Where(p => p.PropertyType == typeof(UseChangeRequest) || p.PropertyType == typeof(TemporaryWorksRequest))
            .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name)
            .Order(StringComparer.Ordinal);

        Assert.That(nested, Is.EqualTo(objects));
    }
}
