using System.Text.Json;
using System.Text.Json.Nodes;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Diff;
using StrategicCities.Core.Forms;
using StrategicCities.Core.Procedures;
using StrategicCities.Core.Procedures.Clock;
using StrategicCities.Core.Tests.Support;

namespace StrategicCities.Core.Tests.Diff;

/// <summary>The municipal diff over the shipped catalogs, and a procedure overlay in a throw-away tree.</summary>
[TestFixture]
public sealed class MunicipalDiffTests
{
    private static readonly DateOnly June2025 = new(2025, 6, 1);
    private RuleCatalog _rules = null!;
    private FormSchemaProvider _forms = null!;
    private ProcedureCatalog _procedures = null!;
    private ItalianCalendar _calendar = null!;

    [OneTimeSetUp]
    public async Task LoadAsync()
    {
        _rules = await Repository.CatalogAsync();
        var (forms, problems) = await FormSchemaProvider.LoadAsync(Repository.SchemasDirectory);
        Assert.That(problems, Is.Empty);
        _forms = forms!;
        var procedures = await ProcedureLoader.LoadAsync(Repository.Sources, _rules);
        Assert.That(procedures.Problems, Is.Empty);
        _procedures = procedures.Catalog!;
        var calendar = await CalendarLoader.LoadAsync(Path.Combine(Repository.Sources.RulesDirectory, "calendars"));
        Assert.That(calendar.Errors, Is.Empty);
        _calendar = calendar.Calendar!;
    }

    private MunicipalDiffReport Diff(string code, DateOnly date) =>
        MunicipalDiff.Compute(_rules, _forms, _procedures, _calendar, _rules.Municipalities.Find(code)!, date);

    [Test]
    public void Compute_Milano_ListsRegionalAndMunicipalOverlaysSciaFieldsAndSantAmbrogio()
    {
        var diff = Diff("015146", June2025);

        var determination = diff.Rules.Single(r => r.RuleSet == "determination");
        var region = determination.Overlays.Single(o => o.File.Layer == Layer.Region);
        var local = determination.Overlays.Single(o => o.File.Layer == Layer.Municipality);
        var scia = diff.Forms.Single(f => f.Form == "scia");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(determination.Overlays.Select(o => o.File.Layer), Is.EqualTo(new[] { Layer.Region, Layer.Municipality }), "region first");
            Assert.That(region.File.Jurisdiction, Is.EqualTo("03"));
            Assert.That(region.File.File, Does.StartWith("rules/regions/03/determination/2025-01-01"));
            // The newest revision of the regional overlay is the one a new case gets.
            Assert.That(region.File.Revision, Is.EqualTo(_rules.OverlayAt("determination", Layer.Region, "03", June2025)!.Header.Revision));
            Assert.That(region.Changes, Has.Some.Matches<RuleOverlayChange>(c => c.Change == RuleOverlayChangeKind.Added
                && c.Rule == "HydraulicInvarianceProjectRequiredInLombardy" && c.Workflow == "attachments" && c.LegalBasis.Any(b => b.Instrument == "lr12-2005")));
            Assert.That(region.Changes, Has.Some.Matches<RuleOverlayChange>(c => c.Change == RuleOverlayChangeKind.Overridden
                && c.Rule == "UseChangeWithoutWorksRequiresScia" && c.Details.Any(d => d.StartsWith("effect", StringComparison.Ordinal))));
            Assert.That(local.File.File, Is.EqualTo("rules/municipalities/015146/determination/2025-01-01.json"));
            Assert.That(local.Changes.Select(c => c.Rule), Does.Contain("BuildingRegulationChecklistRequiredForMajorWorksInMilano"));
            Assert.That(diff.Rules.Single(r => r.RuleSet == "forms/scia").Overlays.Single().Changes.Single().Rule, Is.EqualTo("MilanoHistoricCoreSuggestsPhotos"));

            Assert.That(scia.Extension.File, Is.EqualTo("schemas/municipalities/015146/scia/2025-05-23.schema.json"));
            Assert.That(scia.Extension.Version, Is.EqualTo("2025-05-23"));
            Assert.That(scia.National!.File, Does.StartWith("schemas/forms/scia/"));
            Assert.That(scia.Fields.Single(f => f.Name == "ambitoPgt").Pointer, Is.EqualTo("/estensioniLocali/milano/ambitoPgt"));
            Assert.That(scia.Fields.Single(f => f.Name == "ambitoPgt").Required, Is.False);
            // Required only inside the optional local contact object (D.Lgs. 126/2016 art. 2 c.5 keeps the extension optional).
            Assert.That(scia.Fields.Single(f => f.Pointer == "/estensioniLocali/milano/referente/nome").Required, Is.True);
            Assert.That(scia.Fields.Single(f => f.Name == "praticaPrecedente").Title.En, Is.EqualTo("Number of an earlier building file (P.G.)"));

            Assert.That(diff.Calendar.File!.File, Is.EqualTo("rules/calendars/municipalities/015146.json"));
            Assert.That(diff.Calendar.Days, Has.Exactly(1).Items.And.All.Matches<LocalDay>(d =>
                d.Kind == LocalDayKind.Recurring && d.Month == 12 && d.Day == 7 && d.Name.It == "Sant'Ambrogio"));
            Assert.That(diff.Procedures, Is.Empty, "no procedure overlay is shipped");
        }
    }

    [Test]
    public void Compute_Roma_ListsCilaAndSciaLocalFieldsAndPatronDayWithItsLaw()
    {
        var diff = Diff("058091", June2025);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(diff.Forms.Select(f => f.Form), Is.EqualTo(new[] { "cila", "scia" }));
            foreach (var form in diff.Forms)
            {
                Assert.That(form.Fields.Select(f => f.Pointer), Is.SupersetOf(new[]
                {
                    "/estensioniLocali/roma/municipio", "/estensioniLocali/roma/cittaStorica", "/estensioniLocali/roma/codicePraticaSuet",
                }), form.Form);
                Assert.That(form.Fields.Single(f => f.Name == "municipio").Type, Is.EqualTo("integer"));
            }

            Assert.That(diff.Rules.Single().Overlays.Single().File.Layer, Is.EqualTo(Layer.Municipality), "Lazio has no regional overlay");
            var day = diff.Calendar.Days.Single();
            Assert.That((day.Month, day.Day), Is.EqualTo((6, 29)));
            Assert.That(day.LegalBasis.Single().Instrument, Is.EqualTo("dpr792-1985"));
        }
    }

    [Test]
    public void Compute_MunicipalityWithNothingLocal_OnlyTheRegionalLayer()
    {
        var diff = Diff("015077", June2025);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(diff.Rules.SelectMany(r => r.Overlays).Select(o => o.File.Layer), Has.All.EqualTo(Layer.Region));
            Assert.That(diff.Rules.Single().RuleSet, Is.EqualTo("determination"));
            Assert.That(diff.Forms, Is.Empty);
            Assert.That(diff.Procedures, Is.Empty);
            Assert.That(diff.Calendar.File, Is.Null);
            Assert.That(diff.Calendar.Days, Is.Empty);
            Assert.That(diff.IsEmpty, Is.False);
        }
    }

    [Test]
    public void Compute_BeforeAnyLocalFile_IsEmpty()
    {
        var diff = Diff("015146", new DateOnly(2021, 1, 1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(diff.Rules, Is.Empty);
            Assert.That(diff.Forms, Is.Empty);
            // Sant'Ambrogio has no validity limits: it is a local day on any date.
            Assert.That(diff.Calendar.Days, Has.Count.EqualTo(1));
        }
    }

    [Test]
    public void Serialize_Milano_CamelCaseWithEnumsAsStrings()
    {
        var json = JsonSerializer.Serialize(Diff("015146", June2025), JsonDefaults.Compact);
        var root = JsonNode.Parse(json)!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(root["date"]!.GetValue<string>(), Is.EqualTo("2025-06-01"));
            Assert.That(root["municipality"]!["code"]!.GetValue<string>(), Is.EqualTo("015146"));
            Assert.That(root["rules"]![0]!["overlays"]![0]!["file"]!["layer"]!.GetValue<string>(), Is.EqualTo("region"));
            Assert.That(json, Does.Contain("\"change\":\"overridden\"").And.Contain("\"change\":\"added\""));
            Assert.That(root["calendar"]!["days"]![0]!["kind"]!.GetValue<string>(), Is.EqualTo("recurring"));
            Assert.That(root["counts"]!["formFields"]!.GetValue<int>(), Is.GreaterThan(0));
            Assert.That(root["forms"]![0]!["fields"]![0]!["pointer"], Is.Not.Null);
        }
    }

    [Test]
    public void Render_RomaInItalianAndEnglish_NamesSectionsFilesAndDays()
    {
        var diff = Diff("058091", June2025);

        var italian = MunicipalDiffText.Render(diff, "it");
        var english = MunicipalDiffText.Render(diff, "en");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(italian, Does.Contain("Roma (058091, regione 12 Lazio) al 01/06/2025"));
            Assert.That(italian, Does.Contain("ogni anno il 29 giugno: Santi Pietro e Paolo [dpr792-1985 art. 1]"));
            Assert.That(italian, Does.Contain("/estensioniLocali/roma/municipio: Municipio (integer, facoltativo)"));
            Assert.That(italian, Does.Contain("Procedimenti (passi facoltativi)").And.Contain("nessuna differenza"));
            Assert.That(english, Does.Contain("every year on 29 June: Saints Peter and Paul"));
            Assert.That(english, Does.Contain("schemas/municipalities/058091/scia/2025-05-23.schema.json"));
            Assert.That(english, Does.Contain("+ attachments/HistoricCityWorksRequireHistoricalCriticalReportInRome added at local-attachments"));
        }
    }

    [Test]
    public void Render_MilanoPatronDayWithoutLaw_SaysItIsTheMunicipalSetting()
    {
        var text = MunicipalDiffText.Render(Diff("015146", June2025), "en");

        Assert.That(text, Does.Contain("every year on 7 December: Saint Ambrose [municipal calendar setting, no law cited]"));
    }

    [Test]
    public async Task Compute_MunicipalProcedureOverlay_ListsItsSteps()
    {
        using var tree = new RuleTree();
        WriteSciaWithMilanoOverlay(tree);
        var rules = await tree.LoadCleanAsync();
        var loaded = await ProcedureLoader.LoadAsync(tree.Sources, rules);
        Assert.That(loaded.Problems, Is.Empty);

        var diff = MunicipalDiff.Compute(rules, null, loaded.Catalog, null, rules.Municipalities.Find("015146")!, new DateOnly(2021, 6, 1));
        var before = MunicipalDiff.Compute(rules, null, loaded.Catalog, null, rules.Municipalities.Find("015146")!, new DateOnly(2020, 6, 1));

        var procedure = diff.Procedures.Single();
        var step = procedure.Overlays.Single().Steps.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(procedure.Procedure, Is.EqualTo("scia"));
            Assert.That(procedure.National.File, Is.EqualTo("rules/national/procedures/scia/2020-01-01.json"));
            Assert.That(procedure.Overlays.Single().File.File, Is.EqualTo("rules/municipalities/015146/procedures/scia/2021-01-01.json"));
            Assert.That(step.Extends, Is.EqualTo("verifica-locale"));
            Assert.That(step.States.Single().Id, Is.EqualTo("sopralluogo"));
            Assert.That(step.Triggers.Select(t => t.Id), Is.EqualTo(new[] { "disponi-sopralluogo", "esito-sopralluogo" }));
            Assert.That(step.Transitions.Select(t => (t.From, t.Trigger, t.To)), Does.Contain(("presentata", "disponi-sopralluogo", "sopralluogo")));
            Assert.That(step.Transitions.SelectMany(t => t.LegalBasis).Select(b => b.Instrument), Has.All.EqualTo("l241"));
            Assert.That(MunicipalDiffText.Render(diff, "en"), Does.Contain("presentata --disponi-sopralluogo--> sopralluogo [l241 art. 19 c. 3]"));
            Assert.That(before.Procedures, Is.Empty, "the overlay takes effect in 2021");
        }
    }

    private static void WriteSciaWithMilanoOverlay(RuleTree tree)
    {
        var instruments = new JsonArray(new JsonObject { ["id"] = "l241", ["title"] = "Legge 7 agosto 1990, n. 241" });
        JsonArray Basis() => new(new JsonObject { ["instrument"] = "l241", ["article"] = "19", ["paragraph"] = "3" });
        JsonObject Named(string id) => new() { ["id"] = id, ["name"] = new JsonObject { ["it"] = id, ["en"] = id } };
        JsonObject Trigger(string id, string role) { var t = Named(id); t["roles"] = new JsonArray(role); return t; }
        JsonObject Transition(string from, string trigger, string to) => new() { ["from"] = from, ["trigger"] = trigger, ["to"] = to, ["legalBasis"] = Basis() };
        var final = Named("efficace");
        final["final"] = true;
        tree.Write("national/procedure-guards/2020-01-01.json", new JsonObject
        {
            ["id"] = "procedure-guards", ["jurisdiction"] = "IT", ["layer"] = "national", ["version"] = "2020-01-01",
            ["validFrom"] = "2020-01-01", ["validTo"] = null, ["instruments"] = instruments.DeepClone(),
            ["workflows"] = new JsonArray(new JsonObject
            {
                ["WorkflowName"] = "scia",
                ["Rules"] = new JsonArray(RuleTree.Rule("OrderWithinThirtyDays", "application.DaysSinceFiling <= 30", instrument: "l241")),
            }),
        });
        tree.Write("national/procedures/scia/2020-01-01.json", new JsonObject
        {
            ["id"] = "scia", ["jurisdiction"] = "IT", ["layer"] = "national", ["version"] = "2020-01-01",
            ["validFrom"] = "2020-01-01", ["validTo"] = null, ["instruments"] = instruments.DeepClone(),
            ["initial"] = "bozza",
            ["states"] = new JsonArray(Named("bozza"), Named("presentata"), final),
            ["triggers"] = new JsonArray(Trigger("presentazione", "portal"), Trigger("consolidamento", "system")),
            ["transitions"] = new JsonArray(Transition("bozza", "presentazione", "presentata"), Transition("presentata", "consolidamento", "efficace")),
            ["terms"] = new JsonArray(new JsonObject
            {
                ["id"] = "controllo", ["name"] = new JsonObject { ["it"] = "Controllo", ["en"] = "Control" },
                ["start"] = new JsonArray("presentazione"), ["days"] = 30, ["metBy"] = new JsonArray("consolidamento"),
                ["onExpiry"] = "consolidamento", ["legalBasis"] = Basis(),
            }),
            ["extensionPoints"] = new JsonArray(new JsonObject
            {
                ["id"] = "verifica-locale", ["state"] = "presentata", ["allowedFor"] = new JsonArray("municipality"), ["legalBasis"] = Basis(),
            }),
        });
        tree.Write("municipalities/015146/procedures/scia/2021-01-01.json", new JsonObject
        {
            ["id"] = "scia", ["overlays"] = "scia", ["layer"] = "municipality", ["jurisdiction"] = "015146", ["version"] = "2021-01-01",
            ["validFrom"] = "2021-01-01", ["validTo"] = null, ["instruments"] = instruments.DeepClone(),
            ["add"] = new JsonArray(new JsonObject
            {
                ["extends"] = "verifica-locale",
                ["states"] = new JsonArray(Named("sopralluogo")),
                ["triggers"] = new JsonArray(Trigger("disponi-sopralluogo", "clerk"), Trigger("esito-sopralluogo", "clerk")),
                ["transitions"] = new JsonArray(
                    Transition("presentata", "disponi-sopralluogo", "sopralluogo"), Transition("sopralluogo", "esito-sopralluogo", "presentata")),
            }),
        });
    }
}
