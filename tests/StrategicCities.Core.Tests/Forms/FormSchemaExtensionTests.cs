using StrategicCities.Core.Forms;

namespace StrategicCities.Core.Tests.Forms;

[TestFixture]
public sealed class FormSchemaExtensionTests
{
    private string _schemas = "";

    [SetUp]
    public async Task CopySchemas()
    {
        var (_, sources, _) = await FormTestContext.GetAsync();
        _schemas = Path.Combine(Path.GetTempPath(), "sc-schemas-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(sources.SchemasDirectory, "*.json", SearchOption.AllDirectories)
                     .Where(f => !f.Contains("examples", StringComparison.Ordinal)))
        {
            var target = Path.Combine(_schemas, Path.GetRelativePath(sources.SchemasDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [TearDown]
    public void Remove() => Directory.Delete(_schemas, recursive: true);

    private async Task<IReadOnlyList<string>> LoadWithExtensionAsync(string body)
    {
        var path = Path.Combine(_schemas, "municipalities", "063049", "scia", "2025-05-23.schema.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, $$"""
            { "$schema": "http://json-schema.org/draft-07/schema#", "title": "Napoli", "x-title-en": "Napoli",
              "x-form": "scia", "x-municipality": "063049", "x-version": "2025-05-23", "x-valid-from": "2025-05-23", "x-valid-to": null,
              {{body}} }
            """);
        var (provider, problems) = await FormSchemaProvider.LoadAsync(_schemas);
        Assert.That(provider is null, Is.EqualTo(problems.Count > 0));
        return [.. problems.Select(p => p.Code)];
    }

    [Test]
    public async Task Extension_WithOptionalLocalFields_Loads()
    {
        var codes = await LoadWithExtensionAsync("""
            "type": "object", "properties": { "estensioniLocali": { "type": "object", "properties": {
              "napoli": { "type": "object", "additionalProperties": false, "required": ["quartiere"],
                          "properties": { "quartiere": { "type": "string", "maxLength": 40 } } } } } }
            """);
        Assert.That(codes, Is.Empty);
    }

    [Test]
    public async Task Extension_MakingNationalDataRequired_IsRefused()
    {
        var codes = await LoadWithExtensionAsync("""
            "type": "object", "required": ["tecnico"], "properties": { "estensioniLocali": { "type": "object", "properties": {} } }
            """);
        Assert.That(codes, Does.Contain("extension.required-national"));
    }

    [Test]
    public async Task Extension_MakingItsLocalFieldMandatory_IsRefused()
    {
        var codes = await LoadWithExtensionAsync("""
            "type": "object", "properties": { "estensioniLocali": { "type": "object", "required": ["napoli"], "properties": {
              "napoli": { "type": "string", "maxLength": 10 } } } }
            """);
        Assert.That(codes, Does.Contain("extension.required-national"));
    }

    [Test]
    public async Task Extension_ChangingANationalSection_IsRefused()
    {
        var codes = await LoadWithExtensionAsync("""
            "type": "object", "properties": { "tecnico": { "type": "object", "properties": { "albo": { "type": "string", "maxLength": 10 } } } }
            """);
        Assert.That(codes, Does.Contain("extension.not-extension-point"));
    }

    [Test]
    public async Task Extension_UsingAKeywordNJsonSchemaIgnores_IsRefused()
    {
        var codes = await LoadWithExtensionAsync("""
            "type": "object", "properties": { "estensioniLocali": { "type": "object", "properties": {
              "napoli": { "type": "string", "const": "x", "maxLength": 10 } } } }
            """);
        Assert.That(codes, Does.Contain("schema.keyword-forbidden"));
    }
}
