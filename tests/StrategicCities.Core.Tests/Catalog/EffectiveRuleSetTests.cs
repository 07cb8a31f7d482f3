using System.Globalization;
using System.Text.Json;
using StrategicCities.Core.Cases;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Determination;
using StrategicCities.Core.Forms;
using StrategicCities.Core.Procedures;
using StrategicCities.Core.Tests.Support;
using static StrategicCities.Core.Tests.Support.RuleTree;

namespace StrategicCities.Core.Tests.Catalog;

[TestFixture]
public sealed class EffectiveRuleSetTests
{
    private static readonly Lazy<Task<IReadOnlyList<Subject>>> Shipped = new(LoadShippedAsync);

    [Test]
    [Description("The compiled delegates answer what RulesEngine's ExecuteAllRulesAsync answered: every rule set the shipped "
        + "catalog composes, every workflow, on the sample arguments and the inputs of every case under rules/tests.")]
    public async Task Evaluate_ShippedRuleSetsOnCaseInputs_SameOutcomesAndFaultsAsRulesEngine()
    {
        var subjects = await Shipped.Value;
        var ruleSetIds = (await Repository.CatalogAsync()).RuleSetIds;

        var comparison = await CompareAsync(subjects, (ruleSet, workflow, arguments) => ruleSet.Evaluate(workflow, arguments), 20);

        Assert.Multiple(() =>
        {
            Assert.That(comparison.Differences, Is.Empty);
            Assert.That(subjects.Select(s => s.RuleSet.Id).Distinct(), Is.EquivalentTo(ruleSetIds));
            Assert.That(comparison.Lines, Does.Contain(" = True").And.Contain(" = False"), "both outcomes are exercised");
        });
    }

    [Test]
    [Description("The comparison above can fail: outcomes in another order than the workflow's are a difference.")]
    public async Task Compare_OutcomesReversed_ReportsDifference()
    {
        var comparison = await CompareAsync(await Shipped.Value, (ruleSet, workflow, arguments) => [.. ruleSet.Evaluate(workflow, arguments).Reverse()], 1);

        Assert.That(comparison.Differences, Is.Not.Empty);
    }

    [TestCase("1 / intervention.SeismicZone == 1", typeof(DivideByZeroException))]
    [TestCase("intervention.Category.Substring(40) == \"x\"", typeof(ArgumentOutOfRangeException))]
    public async Task Evaluate_ExpressionThrows_RuleEvaluationExceptionNamingTheRule(string expression, Type thrown)
    {
        using var tree = new RuleTree();
        tree.Write("national/determination/2020-01-01.json", National("2020-01-01", null,
            [.. BasicRegimeRules(), Rule("Faulty", expression, ("regime", "scia"))]));
        var composed = ComposeRoma(await tree.LoadCleanAsync());
        var ruleSet = new EffectiveRuleSet(composed, RuleSignature.Determination);
        object[] arguments = [new InterventionFacts { Category = "demolizione" }, ""];

        var fault = Assert.Throws<RuleEvaluationException>(() => ruleSet.Evaluate("regime", arguments));

        Assert.That(fault!.Rule, Is.EqualTo("Faulty"));
        Assert.That(fault.Workflow, Is.EqualTo("regime"));
        Assert.That(fault.Origin.Version, Is.EqualTo("2020-01-01"));
        Assert.That(fault.InnerException, Is.TypeOf(thrown));
        Assert.That(fault.Message, Does.Contain(fault.InnerException!.Message));
        Assert.That(RulesEngineReference.Run(() => ruleSet.Evaluate("regime", arguments)),
            Is.EqualTo(await new RulesEngineReference(composed).RunAsync("regime", arguments)));
    }

    [Test]
    [Description("An expression that does not compile (the catalog refuses those) faults when its workflow runs, as inside RulesEngine.")]
    public async Task Evaluate_ExpressionDoesNotCompile_FaultsOnThatRuleWhenItsWorkflowRuns()
    {
        using var tree = new RuleTree();
        tree.Write("national/determination/2020-01-01.json", National("2020-01-01", null, BasicRegimeRules(),
            [Rule("PhotosForEverything", "true", ("attachment", "documentazione-fotografica"))]));
        var composed = ComposeRoma(await tree.LoadCleanAsync());
        var regime = composed.Workflows.Single(w => w.Name == "regime");
        var broken = composed with
        {
            Workflows = [.. composed.Workflows.Select(w => w != regime ? w : w with
            {
                Rules = [regime.Rules[0], regime.Rules[1] with { Expression = "intervention.NoSuchFact" }],
            })],
        };
        object[] arguments = [new InterventionFacts { Category = "demolizione" }, "cila"];

        var ruleSet = new EffectiveRuleSet(broken, RuleSignature.Determination);
        var fault = Assert.Throws<RuleEvaluationException>(() => ruleSet.Evaluate("regime", arguments));

        Assert.That(fault!.Rule, Is.EqualTo("ResidualInterventionsRequireCila"));
        Assert.That(fault.Message, Does.Contain("does not compile").And.Contain("NoSuchFact"));
        Assert.That(ruleSet.Evaluate("attachments", arguments).Select(o => o.Applies), Is.EqualTo(new[] { true }));
        Assert.That(await new RulesEngineReference(broken).RunAsync("regime", arguments),
            Is.EqualTo(new[] { $"ResidualInterventionsRequireCila faults: Exception while parsing expression `intervention.NoSuchFact` - {fault.InnerException!.InnerException!.Message}" }));
    }

    [Test]
    public async Task Evaluate_ArgumentNotOfTheDeclaredType_ThrowsArgumentException()
    {
        var (package, _) = await (await Repository.CatalogAsync()).ResolveAsync("015146", new DateOnly(2025, 6, 1));
        var ruleSet = package!.Find(DeterminationEngine.RuleSetId)!;

        Assert.Throws<ArgumentException>(() => ruleSet.Evaluate("regime", [new InterventionFacts(), null!]));
        Assert.Throws<ArgumentException>(() => ruleSet.Evaluate("regime", [new InterventionFacts()]));
    }

    private static ComposedRuleSet ComposeRoma(RuleCatalog catalog) =>
        catalog.Compose(DeterminationEngine.RuleSetId, catalog.Municipalities.Find("058091")!, new DateOnly(2021, 1, 1))!;

    private static async Task<(List<string> Differences, string Lines)> CompareAsync(
        IReadOnlyList<Subject> subjects, Func<EffectiveRuleSet, string, object[], IReadOnlyList<RuleOutcome>> evaluate, int enough)
    {
        var differences = new List<string>();
        var lines = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (ruleSet, reference, argumentSets) in subjects)
        {
            foreach (var workflow in ruleSet.Composed.Workflows.Select(w => w.Name))
            {
                for (var i = 0; i < argumentSets.Count && differences.Count < enough; i++)
                {
                    var expected = await reference.RunAsync(workflow, argumentSets[i]);
                    var actual = RulesEngineReference.Run(() => evaluate(ruleSet, workflow, argumentSets[i]));
                    lines.UnionWith(actual.Select(l => l[l.IndexOf(' ', StringComparison.Ordinal)..]));
                    if (!actual.SequenceEqual(expected))
                    {
                        differences.Add($"{ruleSet.Composed.Key}, workflow {workflow}, arguments #{i}:\n  RulesEngine: "
                            + string.Join("; ", expected) + "\n  delegates:   " + string.Join("; ", actual));
                    }
                }
            }
        }

        return (differences, string.Join('\n', lines));
    }

    /// <summary>
    /// Every rule set the catalog composes (for each case's municipality and date, and on the first day of every
    /// version in a municipality of every overlay's jurisdiction), with the arguments to evaluate it on.
    /// </summary>
    private static async Task<IReadOnlyList<Subject>> LoadShippedAsync()
    {
        var catalog = await Repository.CatalogAsync();
        var (cases, problems) = await CaseLoader.LoadAsync(Path.Combine(Repository.Sources.RulesDirectory, "tests"), Repository.SchemasDirectory);
        Assert.That(problems, Is.Empty);
        var reader = await InterventionReader.CreateAsync(Repository.SchemasDirectory);

        var municipalities = cases.Select(c => c.Municipality)
            .Concat(catalog.Overlays.Select(o => o.Header.Layer == Layer.Region
                ? catalog.Municipalities.All.First(m => m.Region == o.Header.Jurisdiction).Code
                : o.Header.Jurisdiction))
            .Distinct(StringComparer.Ordinal).ToList();
        var dates = cases.Select(c => DateOnly.Parse(c.LegalDate, CultureInfo.InvariantCulture))
            .Concat(catalog.RuleSetIds.SelectMany(catalog.Versions).Select(v => v.Header.Validity.From))
            .Concat(catalog.Overlays.Select(o => o.Header.Validity.From))
            .Distinct().ToList();
        var ruleSets = new Dictionary<string, EffectiveRuleSet>(StringComparer.Ordinal);
        foreach (var municipality in municipalities)
        {
            foreach (var date in dates)
            {
                var (package, _) = await catalog.ResolveAsync(municipality, date);
                foreach (var ruleSet in package?.RuleSets ?? [])
                {
                    ruleSets.TryAdd(ruleSet.Composed.Key, ruleSet);
                }
            }
        }

        var facts = cases.Where(c => c.Kind == "determination").Select(c => reader.Read(c.InputJson).Facts)
            .OfType<InterventionFacts>().Distinct().ToList();
        var forms = cases.Where(c => c.Kind == "form").Select(FormOf).OfType<FormDocument>().ToList();
        List<object[]> determination = [.. facts.SelectMany(f => new[] { "" }.Concat(Regimes.Ordered).Select(r => new object[] { f, r }))];
        List<object[]> formArguments = [.. forms.Select(f => new object[] { f })];
        List<object[]> guardArguments = [.. GuardFacts().Select(f => new object[] { f })];

        return [.. ruleSets.Values.OrderBy(r => r.Composed.Key, StringComparer.Ordinal).Select(ruleSet =>
        {
            var signature = RuleSignature.For(ruleSet.Id)!;
            var inputs = signature == RuleSignature.Determination ? determination
                : signature == RuleSignature.Forms ? formArguments
                : signature == ProcedureFacts.Signature ? guardArguments
                : [];
            return new Subject(ruleSet, new RulesEngineReference(ruleSet.Composed), [[.. signature.SampleArguments!()], .. inputs]);
        })];
    }

    private static FormDocument? FormOf(LegalCase c)
    {
        try
        {
            using var document = JsonDocument.Parse(c.InputJson);
            return new FormDocument(document.RootElement.Clone(), DateOnly.Parse(c.LegalDate, CultureInfo.InvariantCulture), c.Municipality);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>What guards see: each given fact both ways, a filing before and past 30 days, events and expired terms.</summary>
    private static IEnumerable<ProcedureFacts> GuardFacts() =>
        from constraints in new[] { false, true }
        from acquired in new[] { false, true }
        from days in new[] { 0, 30 }
        from events in new[] { Array.Empty<string>(), ["raddoppio-termini", "richiesta-integrazioni"] }
        from expired in new[] { Array.Empty<string>(), ["scia-controllo", "scia-alternativa-controllo", "pdc-istruttoria", "agibilita-controllo"] }
        select new ProcedureFacts
        {
            Constraints = constraints,
            ConstraintActsAcquired = acquired,
            DaysSinceFiling = days,
            Events = events,
            ExpiredTerms = expired,
        };

    private sealed record Subject(EffectiveRuleSet RuleSet, RulesEngineReference Reference, IReadOnlyList<object[]> Arguments);
}
