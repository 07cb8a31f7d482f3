using StrategicCities.Core.Cases;
using StrategicCities.Core.Tests.Support;

namespace StrategicCities.Core.Tests.Cases;

/// <summary>Every case under rules/tests, run through the same runner as <c>permits test</c>.</summary>
[TestFixture]
public sealed class LegalCasesTests
{
    private static readonly Lazy<Task<CaseRunner>> Runner = new(async () => await CaseRunner.CreateDefaultAsync(await Repository.CatalogAsync(), Repository.Sources));

    private static IEnumerable<TestCaseData> Cases()
    {
        // TestCaseSource is synchronous; loading files once at discovery is fine.
        var (cases, problems) = CaseLoader.LoadAsync(Path.Combine(Repository.Sources.RulesDirectory, "tests"), Repository.SchemasDirectory)
            .GetAwaiter().GetResult();
        foreach (var problem in problems)
        {
            yield return new TestCaseData(null, problem).SetName("Malformed case file: " + problem);
        }

        foreach (var c in cases)
        {
            yield return new TestCaseData(c, null).SetName(c.Name).SetCategory("LegalCase");
        }
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Case_AsWrittenByLegalStaff_Holds(LegalCase? legalCase, string? problem)
    {
        Assert.That(problem, Is.Null);
        var result = await (await Runner.Value).RunAsync(legalCase!);

        Assert.That(result.Failures, Is.Empty, result.ToString());
    }

    [Test]
    public async Task Load_ShippedCases_AtLeastSixtyDeterminationCases()
    {
        var (cases, problems) = await CaseLoader.LoadAsync(Path.Combine(Repository.Sources.RulesDirectory, "tests"), Repository.SchemasDirectory);

        Assert.That(problems, Is.Empty);
        Assert.That(cases.Count(c => c.Kind == "determination"), Is.GreaterThanOrEqualTo(60));
        Assert.That(cases.Select(c => c.Name), Is.Unique);
    }

    [Test]
    public async Task Run_CaseExpectingWrongRegime_FailsWithDifference()
    {
        // The runner must be able to fail: a case with a wrong expectation is reported, not passed.
        var (cases, _) = await CaseLoader.LoadAsync(Path.Combine(Repository.Sources.RulesDirectory, "tests"), Repository.SchemasDirectory);
        var original = cases.First(c => c.Kind == "determination" && c.Expect.TryGetProperty("regime", out _));
        var regime = original.Expect.GetProperty("regime").GetString();
        var wrong = regime == "scia" ? "cila" : "scia";
        var altered = original with
        {
            Expect = System.Text.Json.JsonDocument.Parse($$"""{"regime":"{{wrong}}"}""").RootElement.Clone(),
        };

        var result = await (await Runner.Value).RunAsync(altered);

        Assert.That(result.Passed, Is.False);
        Assert.That(result.Failures.Single(), Does.Contain($"expected {wrong}, got {regime}"));
    }

    [Test]
    public async Task Load_ShippedTermsCases_AtLeastFortyCoveringEveryTermOfEveryProcedure()
    {
        var (cases, problems) = await CaseLoader.LoadAsync(Path.Combine(Repository.Sources.RulesDirectory, "tests"), Repository.SchemasDirectory);
        var procedures = (await Core.Procedures.ProcedureLoader.LoadAsync(Repository.Sources, await Repository.CatalogAsync())).GetCatalogOrThrow();
        var terms = cases.Where(c => c.Kind == "terms").ToList();
        var covered = terms
            .Where(c => c.Expect.TryGetProperty("terms", out _))
            .SelectMany(c => c.Expect.GetProperty("terms").EnumerateArray().Select(t => (c.Procedure, Term: t.GetProperty("id").GetString())))
            .ToHashSet();
        var all = procedures.Ids.SelectMany(id => procedures.Versions(id)[^1].Terms.Select(t => (Procedure: (string?)id, Term: (string?)t.Id)));

        Assert.That(problems, Is.Empty);
        Assert.That(terms, Has.Count.GreaterThanOrEqualTo(40));
        Assert.That(all.Where(t => !covered.Contains(t)), Is.Empty, "terms without a case");
    }

    [Test]
    public async Task Run_TermsCaseExpectingWrongDueDate_FailsWithDifference()
    {
        var (cases, _) = await CaseLoader.LoadAsync(Path.Combine(Repository.Sources.RulesDirectory, "tests", "terms"), Repository.SchemasDirectory);
        var original = cases.First(c => c.Name.StartsWith("A SCIA control ending on Easter Monday 2025", StringComparison.Ordinal));
        var altered = original with
        {
            Expect = System.Text.Json.JsonDocument.Parse("""{"state":"efficace","terms":[{"id":"scia-controllo","due":"2025-04-21"}]}""").RootElement.Clone(),
        };

        var result = await (await Runner.Value).RunAsync(altered);

        Assert.That(result.Failures, Is.EqualTo(new[]
        {
            "state: expected efficace, got presentata",
            "term scia-controllo due: expected 2025-04-21, got 2025-04-22",
        }));
    }
}
