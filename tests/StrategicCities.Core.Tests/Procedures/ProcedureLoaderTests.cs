using System.Text.Json.Nodes;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Procedures;
using StrategicCities.Core.Tests.Support;

namespace StrategicCities.Core.Tests.Procedures;

/// <summary>Refusals of the procedure loader, each shown with a throw-away rules folder.</summary>
[TestFixture]
public sealed class ProcedureLoaderTests
{
    private const string File2020 = "national/procedures/scia/2020-01-01.json";
    private RuleTree _tree = null!;

    [SetUp]
    public void SetUp()
    {
        _tree = new RuleTree();
        _tree.Write("national/procedure-guards/2020-01-01.json", new JsonObject
        {
            ["id"] = "procedure-guards",
            ["jurisdiction"] = "IT",
            ["layer"] = "national",
            ["version"] = "2020-01-01",
            ["validFrom"] = "2020-01-01",
            ["validTo"] = null,
            ["instruments"] = new JsonArray(new JsonObject { ["id"] = "l241", ["title"] = "Legge 7 agosto 1990, n. 241" }),
            ["workflows"] = new JsonArray(new JsonObject
            {
                ["WorkflowName"] = "scia",
                ["Rules"] = new JsonArray(RuleTree.Rule("OrderWithinThirtyDays", "application.DaysSinceFiling <= 30", instrument: "l241")),
            }),
        });
    }

    [TearDown]
    public void TearDown() => _tree.Dispose();

    private static JsonObject State(string id, bool final = false)
    {
        var state = new JsonObject { ["id"] = id, ["name"] = new JsonObject { ["it"] = id, ["en"] = id } };
        if (final)
        {
            state["final"] = true;
        }

        return state;
    }

    private static JsonObject Trigger(string id, params string[] roles) =>
        new() { ["id"] = id, ["name"] = new JsonObject { ["it"] = id, ["en"] = id }, ["roles"] = new JsonArray([.. roles.Select(r => (JsonNode)r)]) };

    private static JsonObject Transition(string from, string trigger, string to, string? guard = null)
    {
        var t = new JsonObject { ["from"] = from, ["trigger"] = trigger, ["to"] = to };
        if (guard is not null)
        {
            t["guard"] = guard;
        }

        t["legalBasis"] = Basis();
        return t;
    }

    private static JsonArray Basis() => new(new JsonObject { ["instrument"] = "l241", ["article"] = "19", ["paragraph"] = "3" });

    /// <summary>A small SCIA: filing, a guarded order within the control term, consolidation on expiry.</summary>
    private static JsonObject Scia(string from = "2020-01-01", string? to = null) => new()
    {
        ["id"] = "scia",
        ["jurisdiction"] = "IT",
        ["layer"] = "national",
        ["version"] = from,
        ["validFrom"] = from,
        ["validTo"] = to,
        ["instruments"] = new JsonArray(new JsonObject { ["id"] = "l241", ["title"] = "Legge 7 agosto 1990, n. 241" }),
        ["initial"] = "bozza",
        ["states"] = new JsonArray(State("bozza"), State("presentata"), State("vietata", final: true), State("efficace", final: true)),
        ["triggers"] = new JsonArray(Trigger("presentazione", "portal"), Trigger("divieto", "clerk"), Trigger("consolidamento", "system")),
        ["transitions"] = new JsonArray(
            Transition("bozza", "presentazione", "presentata"),
            Transition("presentata", "divieto", "vietata", "OrderWithinThirtyDays"),
            Transition("presentata", "consolidamento", "efficace")),
        ["terms"] = new JsonArray(new JsonObject
        {
            ["id"] = "controllo",
            ["name"] = new JsonObject { ["it"] = "Controllo", ["en"] = "Control" },
            ["start"] = new JsonArray("presentazione"),
            ["days"] = 30,
            ["metBy"] = new JsonArray("divieto"),
            ["onExpiry"] = "consolidamento",
            ["legalBasis"] = Basis(),
        }),
        ["extensionPoints"] = new JsonArray(new JsonObject
        {
            ["id"] = "verifica-locale",
            ["state"] = "presentata",
            ["allowedFor"] = new JsonArray("municipality"),
            ["legalBasis"] = Basis(),
        }),
    };

    private static JsonObject Overlay(string layer, string jurisdiction, string extends, params JsonObject[] transitions) => new()
    {
        ["id"] = "scia",
        ["overlays"] = "scia",
        ["layer"] = layer,
        ["jurisdiction"] = jurisdiction,
        ["version"] = "2021-01-01",
        ["validFrom"] = "2021-01-01",
        ["validTo"] = null,
        ["instruments"] = new JsonArray(new JsonObject { ["id"] = "l241", ["title"] = "Legge 7 agosto 1990, n. 241" }),
        ["add"] = new JsonArray(new JsonObject
        {
            ["extends"] = extends,
            ["states"] = new JsonArray(State("sopralluogo")),
            ["triggers"] = new JsonArray(Trigger("disponi-sopralluogo", "clerk"), Trigger("esito-sopralluogo", "clerk")),
            ["transitions"] = new JsonArray([.. transitions.Length > 0 ? transitions : [
                Transition("presentata", "disponi-sopralluogo", "sopralluogo"),
                Transition("sopralluogo", "esito-sopralluogo", "presentata")]]),
        }),
    };

    private async Task<(ProcedureCatalog? Catalog, IReadOnlyList<CatalogProblem> Problems)> LoadAsync()
    {
        var rules = await _tree.LoadCleanAsync();
        var result = await ProcedureLoader.LoadAsync(_tree.Sources, rules);
        return (result.Catalog, result.Problems);
    }

    private async Task<IReadOnlyList<CatalogProblem>> ProblemsAsync()
    {
        var (catalog, problems) = await LoadAsync();
        Assert.That(catalog, Is.Null, "a procedure catalog with problems must be refused whole");
        return problems;
    }

    [Test]
    public async Task Load_ShippedProcedures_Clean()
    {
        var result = await ProcedureLoader.LoadAsync(Repository.Sources, await Repository.CatalogAsync());

        Assert.That(result.Problems.Select(p => p.ToString()), Is.Empty);
        Assert.That(result.Catalog!.Ids, Is.EqualTo(new[] { "accertamento-conformita", "accertamento-conformita-parziale", "agibilita", "cil", "cila", "cila-tardiva", "permesso-di-costruire", "scia", "scia-alternativa", "scia-sanatoria" }));
    }

    [Test]
    public async Task Load_MinimalDefinition_LoadsWithHash()
    {
        _tree.Write(File2020, Scia());

        var (catalog, problems) = await LoadAsync();

        Assert.That(problems, Is.Empty);
        Assert.That(catalog!.Versions("scia").Single().Header.ContentHash, Does.StartWith("sha256:"));
    }

    [Test]
    public async Task Load_UnreachableState_RefusedNamingTheState()
    {
        var scia = Scia();
        ((JsonArray)scia["states"]!).Add(State("orfano", final: true));
        _tree.Write(File2020, scia);

        var problems = await ProblemsAsync();

        Assert.That(problems.Select(p => p.ToString()), Does.Contain(
            $"{File2020}:state orfano: no sequence of transitions leads from the initial state 'bozza' to this state [state.unreachable]"));
    }

    [Test]
    public async Task Load_TermStartingOnUnknownEvent_Refused()
    {
        var scia = Scia();
        scia["terms"]![0]!["start"] = new JsonArray("deposito");
        _tree.Write(File2020, scia);

        var problems = await ProblemsAsync();

        Assert.That(problems.Select(p => p.ToString()), Does.Contain(
            $"{File2020}:term controllo: start names 'deposito', which is neither a trigger nor an event of the definition [term.unknown-event]"));
    }

    [Test]
    public async Task Load_TransitionToUndeclaredState_Refused()
    {
        var scia = Scia();
        ((JsonArray)scia["transitions"]!).Add(Transition("presentata", "divieto", "archiviata", "OrderWithinThirtyDays"));
        _tree.Write(File2020, scia);

        var problems = await ProblemsAsync();

        Assert.That(problems.Select(p => p.ToString()), Does.Contain(
            $"{File2020}:transition presentata --divieto--> archiviata: leads to state 'archiviata', which is not declared in \"states\" [state.undeclared]"));
    }

    [Test]
    public async Task Load_GuardNamingUnknownRule_Refused()
    {
        var scia = Scia();
        scia["transitions"]![1]!["guard"] = "OrderWithinSixtyDays";
        _tree.Write(File2020, scia);

        var problems = await ProblemsAsync();

        Assert.That(problems.Select(p => p.ToString()), Does.Contain(
            $"{File2020}:transition presentata --divieto--> vietata: guard 'OrderWithinSixtyDays' is not a rule of national/procedure-guards/2020-01-01.json [guard.unknown-rule]"));
    }

    [Test]
    public async Task Load_UnknownRole_Refused()
    {
        var scia = Scia();
        scia["triggers"]![0]!["roles"] = new JsonArray("portal", "citizen");
        _tree.Write(File2020, scia);

        var problems = await ProblemsAsync();

        Assert.That(problems.Select(p => p.ToString()), Does.Contain(
            $"{File2020}:trigger presentazione: role 'citizen' is not one of portal, clerk, supervisor, rules-author, admin, system [role.unknown]"));
    }

    [Test]
    public async Task Load_ExpiryTriggerSystemMayNotFire_Refused()
    {
        var scia = Scia();
        scia["triggers"]![2]!["roles"] = new JsonArray("clerk");
        _tree.Write(File2020, scia);

        var problems = await ProblemsAsync();

        Assert.That(problems, Has.Some.Matches<CatalogProblem>(p => p.Code == "term.expiry-not-automatic" && p.Rule == "term controllo"));
    }

    [Test]
    public async Task Load_NonFinalStateWithoutExit_Refused()
    {
        var scia = Scia();
        scia["states"]![3]!.AsObject().Remove("final");
        _tree.Write(File2020, scia);

        var problems = await ProblemsAsync();

        Assert.That(problems, Has.Some.Matches<CatalogProblem>(p => p.Code == "state.dead-end" && p.Rule == "state efficace"));
    }

    [Test]
    public async Task Load_GapBetweenVersions_Refused()
    {
        _tree.Write(File2020, Scia("2020-01-01", "2021-01-01"));
        _tree.Write("national/procedures/scia/2021-02-01.json", Scia("2021-02-01"));

        var problems = await ProblemsAsync();

        Assert.That(problems, Has.Some.Matches<CatalogProblem>(p => p.Code == "validity.gap" && p.File == "national/procedures/scia/2021-02-01.json"));
    }

    [Test]
    public async Task Load_FileInWrongFolder_Refused()
    {
        _tree.Write("national/procedures/cila/2020-01-01.json", Scia());

        var problems = await ProblemsAsync();

        Assert.That(problems, Has.Some.Matches<CatalogProblem>(p => p.Code == "file.misplaced"));
    }

    [Test]
    public async Task Resolve_ContiguousVersions_HalfOpenValiditySelectsByLegalDate()
    {
        _tree.Write(File2020, Scia("2020-01-01", "2022-01-01"));
        _tree.Write("national/procedures/scia/2022-01-01.json", Scia("2022-01-01"));
        var (catalog, _) = await LoadAsync();

        var before = await catalog!.ResolveAsync("scia", "015146", new DateOnly(2021, 12, 31));
        var on = await catalog.ResolveAsync("scia", "015146", new DateOnly(2022, 1, 1));
        var tooEarly = await catalog.ResolveAsync("scia", "015146", new DateOnly(2019, 12, 31));

        Assert.That(before.Procedure!.Definition.Header.Version, Is.EqualTo("2020-01-01"));
        Assert.That(on.Procedure!.Definition.Header.Version, Is.EqualTo("2022-01-01"));
        Assert.That(tooEarly.Error!.Code, Is.EqualTo(InputError.Codes.NoVersion));
    }

    [Test]
    public async Task Resolve_MunicipalOverlayAtExtensionPoint_OnlyThatMunicipalityGetsTheStep()
    {
        _tree.Write(File2020, Scia());
        _tree.Write("municipalities/015146/procedures/scia/2021-01-01.json", Overlay("municipality", "015146", "verifica-locale"));
        var (catalog, problems) = await LoadAsync();
        Assert.That(problems, Is.Empty);

        var milano = (await catalog!.ResolveAsync("scia", "015146", new DateOnly(2021, 6, 1))).Procedure!;
        var cologno = (await catalog.ResolveAsync("scia", "015077", new DateOnly(2021, 6, 1))).Procedure!;
        var milano2020 = (await catalog.ResolveAsync("scia", "015146", new DateOnly(2020, 6, 1))).Procedure!;

        Assert.That(milano.Definition.FindState("sopralluogo"), Is.Not.Null);
        Assert.That(milano.Pins.Select(p => $"{p.RuleSet}|{p.Layer}|{p.Jurisdiction}|{p.Version}"),
            Is.SupersetOf(new[] { "procedures/scia|national|IT|2020-01-01", "procedures/scia|municipality|015146|2021-01-01", "procedure-guards|national|IT|2020-01-01" }));
        Assert.That(cologno.Definition.FindState("sopralluogo"), Is.Null);
        Assert.That(milano2020.Definition.FindState("sopralluogo"), Is.Null);
    }

    [Test]
    public async Task Load_OverlayAtUnknownExtensionPoint_Refused()
    {
        _tree.Write(File2020, Scia());
        _tree.Write("municipalities/015146/procedures/scia/2021-01-01.json", Overlay("municipality", "015146", "commissione"));

        var problems = await ProblemsAsync();

        Assert.That(problems, Has.Some.Matches<CatalogProblem>(p =>
            p.Code == "overlay.unknown-extension-point" && p.File == "municipalities/015146/procedures/scia/2021-01-01.json" && p.Rule == "add commissione"));
    }

    [Test]
    public async Task Load_RegionAtMunicipalExtensionPoint_Refused()
    {
        _tree.Write(File2020, Scia());
        _tree.Write("regions/03/procedures/scia/2021-01-01.json", Overlay("region", "03", "verifica-locale"));

        var problems = await ProblemsAsync();

        Assert.That(problems, Has.Some.Matches<CatalogProblem>(p => p.Code == "overlay.extension-point-not-allowed"));
    }

    [Test]
    public async Task Load_OverlayStepLeavingTheExtensionPoint_Refused()
    {
        _tree.Write(File2020, Scia());
        _tree.Write("municipalities/015146/procedures/scia/2021-01-01.json", Overlay("municipality", "015146", "verifica-locale",
            Transition("presentata", "disponi-sopralluogo", "sopralluogo"),
            Transition("sopralluogo", "esito-sopralluogo", "efficace")));

        var problems = await ProblemsAsync();

        Assert.That(problems, Has.Some.Matches<CatalogProblem>(p =>
            p.Code == "overlay.step-outside-extension-point" && p.Rule == "transition sopralluogo --esito-sopralluogo--> efficace"));
    }

    [Test]
    public async Task Lint_RefusedDefinition_PrintsFileElementMessageAndFails()
    {
        var scia = Scia();
        ((JsonArray)scia["states"]!).Add(State("orfano", final: true));
        _tree.Write(File2020, scia);
        // permits lint finds schemas/ beside or above the rules folder it is given.
        foreach (var schema in Directory.EnumerateFiles(Repository.SchemasDirectory, "*.json", SearchOption.AllDirectories))
        {
            _tree.Write("schemas/" + Path.GetRelativePath(Repository.SchemasDirectory, schema).Replace('\\', '/'), File.ReadAllText(schema));
        }

        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await global::StrategicCities.Cli.PermitsCli.RunAsync(["lint", _tree.Directory], output, error, TextReader.Null);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(output.ToString(), Does.Contain($"{File2020}:state orfano: no sequence of transitions leads"));
    }

    /// <summary>The SCIA with a doubling on its control term (legal basis on l241 unless given).</summary>
    private static JsonObject SciaWithDoubling(JsonObject doubling)
    {
        var scia = Scia();
        scia["terms"]![0]!.AsObject().Insert(5, "doubling", doubling);
        return scia;
    }

    [Test]
    public async Task Load_DoublingWithLegalBasis_ReadIntoTheTerm()
    {
        _tree.Write(File2020, SciaWithDoubling(new JsonObject { ["populationAbove"] = 100000, ["events"] = new JsonArray("divieto"), ["legalBasis"] = Basis() }));

        var (catalog, problems) = await LoadAsync();

        Assert.That(problems, Is.Empty);
        var doubling = catalog!.Versions("scia").Single().Terms.Single().Doubling;
        Assert.That(doubling, Is.Not.Null);
        Assert.That(doubling!.PopulationAbove, Is.EqualTo(100000));
        Assert.That(doubling.Events, Is.EqualTo(new[] { "divieto" }));
        Assert.That(doubling.DoubledDays(30), Is.EqualTo(60));
    }

    [Test]
    public async Task Load_DoublingWithoutLegalBasis_Refused()
    {
        _tree.Write(File2020, SciaWithDoubling(new JsonObject { ["populationAbove"] = 100000 }));

        var problems = await ProblemsAsync();

        Assert.That(problems.Select(p => p.ToString()), Does.Contain(
            $"{File2020}:term controllo: a doubling must cite the law that doubles the term in \"legalBasis\" [term.doubling-without-legal-basis]"));
    }

    [Test]
    public async Task Load_DoublingCitingUndeclaredInstrument_Refused()
    {
        _tree.Write(File2020, SciaWithDoubling(new JsonObject
        {
            ["populationAbove"] = 100000,
            ["legalBasis"] = new JsonArray(new JsonObject { ["instrument"] = "dpr380", ["article"] = "20", ["paragraph"] = "7" }),
        }));

        var problems = await ProblemsAsync();

        Assert.That(problems.Select(p => p.ToString()), Does.Contain(
            $"{File2020}:instruments: a legal basis cites instrument 'dpr380', which the file does not declare in \"instruments\" [instrument.unknown]"));
    }

    [Test]
    public async Task Load_DoublingWithoutCause_Refused()
    {
        _tree.Write(File2020, SciaWithDoubling(new JsonObject { ["legalBasis"] = Basis() }));

        var problems = await ProblemsAsync();

        Assert.That(problems.Select(p => p.Code), Does.Contain("term.doubling-without-cause"), () => string.Join(Environment.NewLine, problems));
    }

    [Test]
    public async Task Load_DoublingNamingUnknownEvent_Refused()
    {
        _tree.Write(File2020, SciaWithDoubling(new JsonObject { ["events"] = new JsonArray("proroga"), ["legalBasis"] = Basis() }));

        var problems = await ProblemsAsync();

        Assert.That(problems.Select(p => p.ToString()), Does.Contain(
            $"{File2020}:term controllo: doubling.events names 'proroga', which is neither a trigger nor an event of the definition [term.unknown-event]"));
    }

    [TestCase(30, "years")]
    [TestCase(30, "days", 30)]
    [TestCase(30, "days", 61)]
    public async Task Load_DoublingOfTermInYearsOrToWrongLength_Refused(int length, string unit, int? doubledDays = null)
    {
        var doubling = new JsonObject { ["populationAbove"] = 100000, ["legalBasis"] = Basis() };
        if (doubledDays is { } d)
        {
            doubling["days"] = d;
        }

        var scia = SciaWithDoubling(doubling);
        var term = scia["terms"]![0]!.AsObject();
        term.Remove("days");
        term[unit] = unit == "years" ? 1 : length;
        _tree.Write(File2020, scia);

        var problems = await ProblemsAsync();

        Assert.That(problems.Select(p => p.Code), Does.Contain("term.doubling-invalid"), () => string.Join(Environment.NewLine, problems));
    }

    [Test]
    [Description("A registry written before the population column still loads; the population is then unknown and the term is not doubled, with the reason in the status.")]
    public async Task Resolve_RegistryWithoutPopulationColumn_TermNotDoubledAndReasonSaysUnknown()
    {
        _tree.Write(File2020, SciaWithDoubling(new JsonObject { ["populationAbove"] = 100000, ["legalBasis"] = Basis() }));
        var (catalog, _) = await LoadAsync();

        var (procedure, error) = await catalog!.ResolveAsync("scia", "015146", new DateOnly(2021, 3, 1));
        var term = procedure!.Definition.LegalTerms.Single();

        Assert.That(error, Is.Null);
        Assert.That(procedure.Municipality.Population, Is.Null);
        Assert.That(term.Doubling!.FromStart, Is.False);
        Assert.That(term.Doubling.Reason!.En, Does.Contain("population of the municipality Milano is unknown"));
    }
}
