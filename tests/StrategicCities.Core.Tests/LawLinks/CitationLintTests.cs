using System.Text.Json;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.LawLinks;

namespace StrategicCities.Core.Tests.LawLinks;

[TestFixture]
public sealed class CitationLintTests
{
    [Test]
    public void Check_CitationOfAnInstrumentWithoutPattern_RefusedWithItsCode()
    {
        using var file = JsonDocument.Parse("""
            {
              "instruments": [
                { "id": "dpr380", "title": "D.P.R. 6 giugno 2001, n. 380" },
                { "id": "parere", "title": "Parere dell'avvocatura comunale", "href": "https://example.org/parere.pdf" },
                { "id": "unused", "title": "Nota interna" }
              ],
              "workflows": [ { "Rules": [ { "Properties": { "legalBasis": [
                { "instrument": "dpr380", "article": "23-ter" }, { "instrument": "parere", "article": "1" } ] } } ] } ]
            }
            """);

        var problems = CitationLint.Check("national/determination/2030-01-01.json", file.RootElement).ToList();

        Assert.That(problems.Select(p => (p.Code, p.Rule)), Is.EqualTo(new[] { (CitationLinks.Unresolvable, (string?)"parere") }));
        Assert.That(problems[0].ToString(), Does.StartWith("national/determination/2030-01-01.json:parere: instrument 'parere'"));
    }

    [Test]
    public async Task CheckAsync_RepositoryRules_EveryCitationResolves()
    {
        var problems = await CitationLint.CheckAsync(CatalogSources.Discover().RulesDirectory);

        Assert.That(problems.Select(p => p.ToString()), Is.Empty);
    }
}
