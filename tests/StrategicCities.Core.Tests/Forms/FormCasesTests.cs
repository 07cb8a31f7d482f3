using StrategicCities.Core.Cases;

namespace StrategicCities.Core.Tests.Forms;

[TestFixture]
public sealed class FormCasesTests
{
    [Test]
    [Description("The form cases of rules/tests/forms pass through the same runner as 'permits test' (CaseRunner.CreateDefaultAsync).")]
    public async Task FormCases_AllPass()
    {
        var (catalog, sources, _) = await FormTestContext.GetAsync();
        var (cases, problems) = await CaseLoader.LoadAsync(Path.Combine(sources.RulesDirectory, "tests", "forms"), sources.SchemasDirectory);
        var runner = await CaseRunner.CreateDefaultAsync(catalog, sources);
        var results = await runner.RunAllAsync(cases);
        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(cases.Count(c => c.Kind == "form"), Is.GreaterThanOrEqualTo(40));
            Assert.That(results.Where(r => !r.Passed).Select(r => r.ToString()), Is.Empty);
        });
    }
}
