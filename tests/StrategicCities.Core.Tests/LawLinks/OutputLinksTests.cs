using StrategicCities.Core.Determination;
using StrategicCities.Core.Tests.Forms;
using StrategicCities.Core.Tests.Support;

namespace StrategicCities.Core.Tests.LawLinks;

/// <summary>The links reach every output that cites the law: the determination's trace and requirements, its explanation, the validation report.</summary>
[TestFixture]
public sealed class OutputLinksTests
{
    private const string Normattiva = "https://www.normattiva.it/uri-res/N2Ls?urn:nir:stato:";

    [Test]
    public async Task Determine_ShippedRules_EveryCitationLinksTheTextInForceOnTheLegalDate()
    {
        var engine = await Repository.EngineAsync();

        var (result, _) = await engine.DetermineAsync("015146", new DateOnly(2025, 3, 1),
            """{"category":"manutenzione-straordinaria","structuralParts":true,"seismicZone":2}""");

        var bases = result!.Trace.SelectMany(t => t.LegalBasis).Concat(result.Attachments.SelectMany(a => a.LegalBasis)).ToList();
        Assert.That(bases, Is.Not.Empty);
        Assert.That(bases, Has.All.Matches<Legal.LegalBasis>(b => b.Url is not null));
        var state = bases.Where(b => b.Url!.StartsWith(Normattiva, StringComparison.Ordinal)).ToList();
        Assert.That(state, Is.Not.Empty);
        Assert.That(state, Has.All.Matches<Legal.LegalBasis>(b => b.Url!.EndsWith("!vig=2025-03-01", StringComparison.Ordinal)));
        Assert.That(state.Select(b => b.Url), Has.Some.Contains(";380~art"));
    }

    [Test]
    public async Task Explain_ShippedRules_PrintsTheLinksBesideTheCitations()
    {
        var catalog = await Repository.CatalogAsync();
        var engine = await Repository.EngineAsync();
        var (result, _) = await engine.DetermineAsync("015146", new DateOnly(2025, 3, 1),
            """{"category":"manutenzione-straordinaria","structuralParts":true,"seismicZone":2}""");
        var composed = catalog.Compose(DeterminationEngine.RuleSetId, result!.Municipality, result.LegalDate);

        var text = DeterminationExplainer.Explain(result, composed, "it");

        Assert.That(text, Does.Contain("    → " + Normattiva + "decreto.del.presidente.della.repubblica:2001-06-06;380~art"));
        Assert.That(text, Does.Contain("!vig=2025-03-01"));
    }

    [Test]
    public async Task Validate_Form_ReportTraceIssuesAndAttachmentsCarryLinks()
    {
        var (_, sources, validator) = await FormTestContext.GetAsync();
        var json = await File.ReadAllTextAsync(Path.Combine(sources.SchemasDirectory, "forms", "cila", "examples", "2025-05-23", "valid", "minimo.json"));

        var (report, errors) = await validator.ValidateAsync("cila", "015146", new DateOnly(2025, 6, 1), json);

        Assert.That(errors, Is.Empty);
        var bases = report!.Trace.SelectMany(t => t.LegalBasis)
            .Concat(report.Errors.Concat(report.Warnings).SelectMany(i => i.LegalBasis ?? []))
            .Concat(report.RequiredAttachments.SelectMany(a => a.LegalBasis)).ToList();
        Assert.That(bases, Is.Not.Empty);
        Assert.That(bases, Has.All.Matches<Legal.LegalBasis>(b => b.Url is not null));
        Assert.That(bases.Where(b => b.Url!.StartsWith(Normattiva, StringComparison.Ordinal)),
            Has.All.Matches<Legal.LegalBasis>(b => b.Url!.EndsWith("!vig=2025-06-01", StringComparison.Ordinal)));
    }
}
