using System.Text.Json;
using System.Text.Json.Nodes;
using StrategicCities.Core.Forms;

namespace StrategicCities.Core.Tests.Forms;

[TestFixture]
public sealed class FormValidatorTests
{
    private static readonly DateOnly June2025 = new(2025, 6, 1);

    private static string[] One(string code) => [code];

    private static async Task<JsonObject> ExampleAsync(string form = "scia", string version = "2025-05-23", string name = "persona-fisica")
    {
        var (_, sources, _) = await FormTestContext.GetAsync();
        var path = Path.Combine(sources.SchemasDirectory, "forms", form, "examples", version, "valid", name + ".json");
        return (JsonObject)JsonNode.Parse(await File.ReadAllTextAsync(path))!;
    }

    private static async Task<ValidationReport> ValidateAsync(JsonNode form, string name = "scia", string municipality = "015146", DateOnly? date = null)
    {
        var (_, _, validator) = await FormTestContext.GetAsync();
        var (report, errors) = await validator.ValidateAsync(name, municipality, date ?? June2025, form.ToJsonString());
        Assert.That(errors, Is.Empty);
        return report!;
    }

    [Test]
    public async Task Validate_ValidScia_IsValidWithPinnedVersions()
    {
        var report = await ValidateAsync(await ExampleAsync());
        Assert.Multiple(() =>
        {
            Assert.That(report.Valid, Is.True, string.Join("; ", report.Errors));
            Assert.That(report.Version, Is.EqualTo("2025-05-23"));
            Assert.That(report.Pinned.Select(p => p.RuleSet), Does.Contain("forms/scia"));
            Assert.That(report.RequiredAttachments.Select(a => a.Code), Does.Contain("elaborati-grafici"));
            Assert.That(report.Trace, Is.Not.Empty);
        });
    }

    [Test]
    [Description("An integer beyond 64 bits used to throw inside NJsonSchema (BigInteger is not IConvertible): a 500 for a client mistake.")]
    public async Task Validate_IntegerBeyond64Bits_IsAnIssueNotAFault()
    {
        var form = await ExampleAsync();
        form["intervento"]!["zonaSismica"] = JsonNode.Parse("123456789012345678901234567890");
        form["dichiarante"]!["persona"]!["nome"] = JsonNode.Parse("-98765432109876543210987654321");

        var report = await ValidateAsync(form);

        Assert.That(report.Errors.Select(e => (e.Pointer, e.Code)), Is.SupersetOf(new[]
        {
            ("/intervento/zonaSismica", "schema.maximum"),
            ("/dichiarante/persona/nome", "schema.type"),
        }));
    }

    [Test]
    public async Task Validate_MissingCodiceFiscale_ReportsSchemaRequiredAtItsPointer()
    {
        var form = await ExampleAsync();
        form["dichiarante"]!["persona"]!.AsObject().Remove("codiceFiscale");
        var report = await ValidateAsync(form);
        var issue = report.Errors.Single();
        Assert.Multiple(() =>
        {
            Assert.That(issue.Code, Is.EqualTo("schema.required"));
            Assert.That(issue.Pointer, Is.EqualTo("/dichiarante/persona/codiceFiscale"));
            Assert.That(issue.Message.It, Does.Contain("Codice fiscale"));
            Assert.That(issue.Message.En, Does.Contain("Tax code"));
        });
    }

    [Test]
    public async Task Validate_WrongCheckCharacter_UsesTheFormatReason()
    {
        var form = await ExampleAsync();
        form["dichiarante"]!["persona"]!["codiceFiscale"] = "RSSMRA85T10A562T";
        var issue = (await ValidateAsync(form)).Errors.Single();
        Assert.That(issue.Code, Is.EqualTo("schema.format.codice-fiscale"));
        Assert.That(issue.Message.En, Does.Contain("check character"));
    }

    [Test]
    public async Task Validate_UnknownIstatCode_FailsTheRegistryCheck()
    {
        var form = await ExampleAsync();
        form["ubicazione"]!["indirizzo"]!["codiceIstat"] = "015999";
        var issue = (await ValidateAsync(form)).Errors.Single();
        Assert.That(issue.Code, Is.EqualTo("schema.format.istat-comune"));
        Assert.That(issue.Pointer, Is.EqualTo("/ubicazione/indirizzo/codiceIstat"));
    }

    [Test]
    public async Task Validate_CompanyWithoutPartitaIva_ReportsTheRuleWithLegalBasis()
    {
        var form = await ExampleAsync(name: "persona-giuridica");
        form["dichiarante"]!["ditta"]!.AsObject().Remove("partitaIva");
        var issue = (await ValidateAsync(form)).Errors.Single();
        Assert.Multiple(() =>
        {
            Assert.That(issue.Code, Is.EqualTo("dichiarante.partita-iva-missing"));
            Assert.That(issue.Pointer, Is.EqualTo("/dichiarante/ditta/partitaIva"));
            Assert.That(issue.Rule, Is.EqualTo("CompanyHolderHasPartitaIva"));
            Assert.That(issue.LegalBasis, Is.Not.Empty);
        });
    }

    [Test]
    public async Task Validate_LandscapeConstraint_RequiresTheAuthorisation()
    {
        var form = await ExampleAsync();
        form["vincoli"]!["paesaggistico"] = true;
        var report = await ValidateAsync(form);
        var attachment = report.RequiredAttachments.Single(a => a.Code == "autorizzazione-paesaggistica");
        Assert.Multiple(() =>
        {
            Assert.That(attachment.Provided, Is.False);
            Assert.That(attachment.LegalBasis.Select(b => b.Instrument), Does.Contain("dlgs42"));
            Assert.That(report.Errors.Select(e => e.Code), Is.EquivalentTo(One("allegati.autorizzazione-paesaggistica-missing")));
        });

        form["allegati"]!.AsArray().Add(new JsonObject { ["tipo"] = "autorizzazione-paesaggistica" });
        var fixedReport = await ValidateAsync(form);
        Assert.That(fixedReport.Valid, Is.True);
        Assert.That(fixedReport.RequiredAttachments.Single(a => a.Code == "autorizzazione-paesaggistica").Provided, Is.True);
    }

    [Test]
    public async Task Validate_TechnicianMissingWithAsseveration_IsAnError()
    {
        var form = await ExampleAsync();
        form.Remove("tecnico");
        var report = await ValidateAsync(form);
        Assert.That(report.Errors.Select(e => e.Code), Is.EquivalentTo(One("tecnico.missing")));
    }

    [Test]
    public async Task Validate_2017Form_RefusesTheSalvaCasaSection()
    {
        var form = await ExampleAsync();
        var report = await ValidateAsync(form, date: new DateOnly(2024, 1, 10));
        Assert.That(report.Version, Is.EqualTo("2017-06-30"));
        Assert.That(report.Errors.Select(e => (e.Code, e.Pointer)), Does.Contain(("schema.unknown-field", "/regolaritaUrbanistica/statoLegittimo")));
    }

    [Test]
    public async Task Validate_MilanoLocalFields_AreMergedAndAccepted()
    {
        var form = await ExampleAsync();
        form["estensioniLocali"] = new JsonObject { ["milano"] = new JsonObject { ["ambitoPgt"] = "TUC-ADR", ["praticaPrecedente"] = "PG 123/2020" } };
        var report = await ValidateAsync(form);
        Assert.That(report.Valid, Is.True, string.Join("; ", report.Errors));
        Assert.That(report.Pinned.Any(p => p.Layer == "municipality" && p.RuleSet == "schemas/forms/scia"), Is.True);

        var inRoma = await ValidateAsync(form, municipality: "058091");
        // The Milano works in Roma: Roma does not know Milano's local fields, nor is it the place of the works.
        Assert.That(inRoma.Errors.Select(e => e.Code), Is.EquivalentTo(new[] { "schema.unknown-field", FormFit.LocationMismatch }));
    }

    [Test]
    public async Task Validate_MilanoLocalCheck_WarnsButNeverBlocks()
    {
        var form = await ExampleAsync();
        form["allegati"] = new JsonArray(new JsonObject { ["tipo"] = "elaborati-grafici" });
        form["estensioniLocali"] = new JsonObject { ["milano"] = new JsonObject { ["ambitoPgt"] = "NAF" } };
        var report = await ValidateAsync(form);
        Assert.That(report.Valid, Is.True);
        Assert.That(report.Warnings.Select(w => w.Code), Does.Contain("milano.naf-foto-consigliate"));
    }

    [Test]
    public async Task GetSchema_MergesTheMunicipalExtensionOnlyWhereItBelongs()
    {
        var (_, _, validator) = await FormTestContext.GetAsync();
        var (milano, _) = await validator.GetSchemaAsync("scia", "015146", June2025);
        var (roma, _) = await validator.GetSchemaAsync("scia", "058091", June2025);
        var (napoli, _) = await validator.GetSchemaAsync("scia", "063049", June2025);
        var (old, _) = await validator.GetSchemaAsync("scia", "015146", new DateOnly(2020, 1, 1));
        Assert.Multiple(() =>
        {
            Assert.That(milano!.Json, Does.Contain("\"milano\"").And.Not.Contain("\"roma\""));
            Assert.That(roma!.Json, Does.Contain("\"municipio\""));
            Assert.That(napoli!.Json, Does.Not.Contain("\"milano\"").And.Not.Contain("\"roma\""));
            Assert.That(napoli.Json, Does.Not.Contain("../../common"), "the served schema is self-contained");
            Assert.That(old!.Version.Version, Is.EqualTo("2017-06-30"));
            Assert.That(old.Extension, Is.Null);
        });
    }

    [TestCase("ambiente", "015146", "2025-06-01", FormValidator.Codes.UnknownForm)]
    [TestCase("scia", "015146", "2010-01-01", InputError.Codes.NoVersion)]
    [TestCase("pdc", "015146", "2017-07-01", InputError.Codes.NoVersion)]
    [TestCase("scia", "999999", "2025-06-01", InputError.Codes.MunicipalityUnknown)]
    public async Task Validate_BadRequest_ReturnsTheInputError(string form, string municipality, string date, string code)
    {
        var (_, _, validator) = await FormTestContext.GetAsync();
        var (report, errors) = await validator.ValidateAsync(form, municipality, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), "{}");
        Assert.That(report, Is.Null);
        Assert.That(errors.Select(e => e.Code), Is.EquivalentTo(One(code)));
    }

    [TestCase("{\"dichiarante\": ", InputError.Codes.NotJson)]
    [TestCase("", InputError.Codes.NotJson)]
    [TestCase("[1, 2]", FormValidator.Codes.NotObject)]
    public async Task Validate_BodyNotAForm_ReturnsTheInputError(string body, string code)
    {
        var (_, _, validator) = await FormTestContext.GetAsync();
        var (report, errors) = await validator.ValidateAsync("scia", "015146", June2025, body);
        Assert.That(report, Is.Null);
        Assert.That(errors.Select(e => e.Code), Is.EquivalentTo(One(code)));
    }

    [Test]
    public async Task Validate_DeepNesting_IsRefusedWithoutException()
    {
        var (_, _, validator) = await FormTestContext.GetAsync();
        var body = "{\"estensioniLocali\":" + string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "1" + new string('}', 41);
        var (report, errors) = await validator.ValidateAsync("scia", "015146", June2025, body);
        Assert.That(report, Is.Null);
        Assert.That(errors.Select(e => e.Code), Is.EquivalentTo(One(FormValidator.Codes.TooDeep)));

        var veryDeep = new string('[', 100_000);
        var (_, deepErrors) = await validator.ValidateAsync("scia", "015146", June2025, veryDeep);
        Assert.That(deepErrors.Select(e => e.Code), Is.EquivalentTo(One(FormValidator.Codes.TooDeep)));
    }

    [Test]
    public async Task Validate_HugeArray_IsAnIssueNotAnException()
    {
        var form = await ExampleAsync();
        var many = new JsonArray();
        for (var i = 0; i < 5000; i++)
        {
            many.Add(new JsonObject { ["tipo"] = "documento" });
        }

        form["allegati"] = many;
        var report = await ValidateAsync(form);
        Assert.That(report.Errors.Select(e => (e.Code, e.Pointer)), Does.Contain(("schema.max-items", "/allegati")));
    }

    [Test]
    public async Task Report_SerializesToTheDocumentedShape()
    {
        var report = await ValidateAsync(await ExampleAsync());
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(report, JsonDefaults.Compact));
        foreach (var property in new[] { "valid", "form", "version", "municipality", "legalDate", "errors", "warnings", "requiredAttachments", "trace" })
        {
            Assert.That(json.RootElement.TryGetProperty(property, out _), Is.True, property);
        }
    }
}
