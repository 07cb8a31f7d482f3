using NJsonSchema;
using NJsonSchema.Validation;
using StrategicCities.Core.Forms.Formats;

namespace StrategicCities.Core.Tests.Forms.Formats;

public sealed class ItalianFormatsTests
{
    private const string SchemaJson = """
        {
          "$schema": "http://json-schema.org/draft-04/schema#",
          "type": "object",
          "properties": {
            "cf": { "type": "string", "format": "codice-fiscale" },
            "piva": { "type": "string", "format": "partita-iva" },
            "comune": { "type": "string", "format": "istat-comune" },
            "catasto": { "type": "string", "format": "cadastral-ref" },
            "pec": { "type": "string", "format": "pec" }
          }
        }
        """;

    private const string ValidDocument = """
        {
          "cf": "RSSMRA85T10A562S",
          "piva": "01199250158",
          "comune": "015146",
          "catasto": "F205:12/345/7",
          "pec": "protocollo@postacert.comune.milano.it"
        }
        """;

    [Test]
    public async Task Validate_ValidValueForEveryFormat_ReturnsNoErrors()
    {
        var schema = await JsonSchema.FromJsonAsync(SchemaJson);

        var errors = schema.Validate(ValidDocument, ItalianFormats.CreateValidatorSettings());

        Assert.That(errors, Is.Empty);
    }

    [TestCase("cf", "RSSMRA85T10A562T", FormatNames.CodiceFiscale)]
    [TestCase("cf", "rssmra85t10a562s", FormatNames.CodiceFiscale)]
    [TestCase("piva", "01199250159", FormatNames.PartitaIva)]
    [TestCase("comune", "215146", FormatNames.IstatComune)]
    [TestCase("catasto", "F205:012/345", FormatNames.CadastralRef)]
    [TestCase("pec", "protocollo@localhost", FormatNames.Pec)]
    public async Task Validate_BadValueForOneFormat_ReturnsOneErrorNamingTheFormat(string property, string value, string format)
    {
        var schema = await JsonSchema.FromJsonAsync(SchemaJson);
        var document = Newtonsoft.Json.Linq.JObject.Parse(ValidDocument);
        document[property] = value;

        var errors = schema.Validate(document, ItalianFormats.CreateValidatorSettings());

        Assert.That(errors, Has.Count.EqualTo(1));
        var error = errors.Single();
        Assert.Multiple(() =>
        {
            Assert.That(error.Property, Is.EqualTo(property));
            Assert.That(error.Kind, Is.EqualTo(ValidationErrorKind.PatternMismatch));
            Assert.That(error.Schema?.Format, Is.EqualTo(format));
        });
    }

    [Test]
    [Description("The pitfall the registration exists for: NJsonSchema skips formats it does not know.")]
    public async Task Validate_DefaultSettings_IgnoresItalianFormats()
    {
        var schema = await JsonSchema.FromJsonAsync(SchemaJson);

        var errors = schema.Validate("""{ "cf": "not a codice fiscale" }""", new JsonSchemaValidatorSettings());

        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task Validate_IstatCodeUnknownToRegistry_ReturnsError()
    {
        var schema = await JsonSchema.FromJsonAsync(SchemaJson);
        var settings = ItalianFormats.CreateValidatorSettings(code => code is "015146" or "058091");

        var known = schema.Validate("""{ "comune": "058091" }""", settings);
        var unknown = schema.Validate("""{ "comune": "015999" }""", settings);

        Assert.Multiple(() =>
        {
            Assert.That(known, Is.Empty);
            Assert.That(unknown, Has.Count.EqualTo(1));
            Assert.That(unknown.FirstOrDefault()?.Property, Is.EqualTo("comune"));
        });
    }

    [Test]
    public async Task Register_ExistingSettings_KeepsBuiltInFormats()
    {
        var schema = await JsonSchema.FromJsonAsync("""
            { "type": "object", "properties": { "email": { "type": "string", "format": "email" }, "pec": { "type": "string", "format": "pec" } } }
            """);
        var settings = new JsonSchemaValidatorSettings();
        ItalianFormats.Register(settings);

        var errors = schema.Validate("""{ "email": "no-at-sign", "pec": "no-at-sign" }""", settings);

        Assert.That(errors, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(errors.Single(e => e.Property == "email").Kind, Is.EqualTo(ValidationErrorKind.EmailExpected));
            Assert.That(errors.Single(e => e.Property == "pec").Kind, Is.EqualTo(ValidationErrorKind.PatternMismatch));
        });
    }

    [Test]
    [Description("NJsonSchema checks formats on strings only, so form schemas must declare \"type\": \"string\".")]
    public async Task Validate_NumberInsteadOfString_IsRejectedOnlyByType()
    {
        var untyped = await JsonSchema.FromJsonAsync("""{ "properties": { "piva": { "format": "partita-iva" } } }""");
        var typed = await JsonSchema.FromJsonAsync("""{ "properties": { "piva": { "type": "string", "format": "partita-iva" } } }""");
        var settings = ItalianFormats.CreateValidatorSettings();
        const string document = """{ "piva": 1199250158 }""";

        var untypedErrors = untyped.Validate(document, settings);
        var typedErrors = typed.Validate(document, settings);

        Assert.Multiple(() =>
        {
            Assert.That(untypedErrors, Is.Empty);
            Assert.That(typedErrors.Select(e => e.Kind), Has.Member(ValidationErrorKind.StringExpected));
        });
    }
}
