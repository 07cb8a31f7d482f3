using StrategicCities.Core.Procedures;
using static StrategicCities.Core.Tests.Procedures.ShippedProcedures;

namespace StrategicCities.Core.Tests.Procedures;

[TestFixture]
public sealed class ProcedureGraphTests
{
    private static async Task<IEnumerable<ProcedureDefinition>> AllVersionsAsync()
    {
        var catalog = await CatalogAsync();
        return catalog.Ids.SelectMany(catalog.Versions);
    }

    [Test]
    public async Task Render_Mermaid_EveryTransitionLabelledWithTriggerAndLegalBasis()
    {
        foreach (var definition in await AllVersionsAsync())
        {
            var mermaid = ProcedureGraph.Render(definition, GraphFormat.Mermaid);

            Assert.That(mermaid, Does.Contain("stateDiagram-v2\n"));
            Assert.That(mermaid, Does.Contain($"[*] --> {definition.Initial.Replace('-', '_')}\n"));
            foreach (var t in definition.Transitions)
            {
                var line = $"{t.From.Replace('-', '_')} --> {t.To.Replace('-', '_')} : {ProcedureGraph.Label(t).Replace(";", ",", StringComparison.Ordinal)}\n";
                Assert.That(mermaid, Does.Contain(line), definition.Header.File);
            }

            // No statement may carry characters that end a Mermaid label or id early.
            Assert.That(mermaid.Split('\n').Where(l => l.Contains(" : ", StringComparison.Ordinal)).Select(l => l.Split(" : ")[1]),
                Has.None.Contains(":").And.None.Contains(";"));
        }
    }

    [Test]
    public async Task Render_Dot_BalancedAndEveryTransitionAnEdge()
    {
        foreach (var definition in await AllVersionsAsync())
        {
            var dot = ProcedureGraph.Render(definition, GraphFormat.Dot);

            Assert.That(dot, Does.StartWith("digraph \""));
            Assert.That(dot.TrimEnd(), Does.EndWith("}"));
            Assert.That(dot.Count(c => c == '{'), Is.EqualTo(dot.Count(c => c == '}')));
            Assert.That(dot.Split('\n').Count(l => l.Contains(" -> ", StringComparison.Ordinal)), Is.EqualTo(definition.Transitions.Count + 1));
        }
    }

    [Test]
    public async Task Render_PermitTransition_LabelCarriesGuardAndLegalBasis()
    {
        var definition = (await ResolveAsync("permesso-di-costruire", D(2025, 3, 1))).Definition;

        var label = ProcedureGraph.Label(definition.Transitions.First(t => t.Trigger == "silenzio-assenso"));

        Assert.That(label, Is.EqualTo("silenzio-assenso [SilenzioAssensoFormsOnlyWhereConstraintsAllow] · dpr380 art. 20 c. 8"));
    }

    [TestCase("mermaid", "stateDiagram-v2")]
    [TestCase("dot", "digraph \"scia 2016-12-11\"")]
    public async Task GraphCommand_KnownProcedure_PrintsGraph(string format, string expected)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await global::StrategicCities.Cli.PermitsCli.RunAsync(["graph", "scia", "--date", "2025-03-01", "--format", format, "--rules", Support.Repository.Sources.RulesDirectory], output, error, TextReader.Null);

        Assert.That(exit, Is.Zero, error.ToString());
        Assert.That(output.ToString(), Does.Contain(expected));
    }

    [TestCase("graph", "scia", "--format", "svg")]
    [TestCase("graph", "condono", "--format", "dot")]
    [TestCase("graph", "permesso-di-costruire", "--date", "2010-01-01")]
    public async Task GraphCommand_BadInput_ExitsTwo(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await global::StrategicCities.Cli.PermitsCli.RunAsync([.. args, "--rules", Support.Repository.Sources.RulesDirectory], output, error, TextReader.Null);

        Assert.That(exit, Is.EqualTo(2), error.ToString());
    }
}
