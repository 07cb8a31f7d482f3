using StrategicCities.Core.Catalog;
using StrategicCities.Core.LawLinks;
using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Tests.LawLinks;

[TestFixture]
public sealed class CitationLinksTests
{
    private static readonly Instrument Dpr380 = new("dpr380", "D.P.R. 6 giugno 2001, n. 380 (Testo unico edilizia)",
        "https://www.normattiva.it/uri-res/N2Ls?urn:nir:stato:decreto.del.presidente.della.repubblica:2001-06-06;380");

    [Test]
    public void Url_StateActArticle_OpensTheArticleInForceOnTheLegalDate()
    {
        var url = CitationLinks.Url(new LegalBasis("dpr380", "22", "1"), Dpr380, new DateOnly(2025, 3, 1));

        Assert.That(url, Is.EqualTo(
            "https://www.normattiva.it/uri-res/N2Ls?urn:nir:stato:decreto.del.presidente.della.repubblica:2001-06-06;380~art22!vig=2025-03-01"));
    }

    [TestCase("6-bis", "2024-05-30", "~art6bis!vig=2024-05-30")]
    [TestCase("23-ter", "2025-01-30", "~art23ter!vig=2025-01-30")]
    [TestCase("10", "2016-12-11", "~art10!vig=2016-12-11")]
    public void Url_ArticleWithOrdinal_FragmentAndDateOfTheCase(string article, string date, string end)
    {
        var url = CitationLinks.Url(new LegalBasis("dpr380", article), Dpr380, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.That(url, Does.EndWith(end));
    }

    [Test]
    public void Url_InstrumentWithTitleOnly_BuiltFromTheTitle()
    {
        var l120 = new Instrument("l120", "Legge 11 settembre 2020, n. 120 (conversione del D.L. 76/2020)", null);

        var url = CitationLinks.Url(new LegalBasis("l120", "1"), l120, new DateOnly(2020, 9, 15));

        Assert.That(url, Is.EqualTo("https://www.normattiva.it/uri-res/N2Ls?urn:nir:stato:legge:2020-09-11;120~art1!vig=2020-09-15"));
    }

    [Test]
    public void Url_LombardRegionalLaw_OpensNormeLombardia()
    {
        var lr12 = new Instrument("lr12-2005", "L.R. Lombardia 11 marzo 2005, n. 12 (Legge per il governo del territorio)",
            "https://www.normattiva.it/uri-res/N2Ls?urn:nir:regione.lombardia:legge:2005-03-11;12");

        var url = CitationLinks.Url(new LegalBasis("lr12-2005", "52"), lr12, new DateOnly(2025, 3, 1));

        Assert.That(url, Is.EqualTo(
            "https://normelombardia.consiglio.regione.lombardia.it/NormeLombardia/Accessibile/main.aspx?view=showdoc&iddoc=lr002005031100012"));
    }

    [Test]
    public void Url_RegionalActOfAnUnregisteredRegion_IsNullAndUnresolvable()
    {
        var lazio = new Instrument("lr-lazio", "L.R. Lazio 11 agosto 2008, n. 15", "https://www.regione.lazio.it");

        Assert.That(CitationLinks.Url(new LegalBasis("lr-lazio", "3"), lazio, new DateOnly(2025, 3, 1)), Is.Null);
        Assert.That(CitationLinks.IsResolvable(lazio), Is.False);
    }

    [TestCase("re-milano", "Regolamento Edilizio del Comune di Milano (deliberazione C.C. n. 27 del 2 ottobre 2014)", "https://www.comune.milano.it", "https://www.comune.milano.it")]
    [TestCase("mit-2025", "Ministero delle infrastrutture e dei trasporti, Linee di indirizzo (orientamento ministeriale, non norma)", "https://www.mit.gov.it", "https://www.mit.gov.it")]
    [TestCase("accordo2025", "Accordo Conferenza Unificata 27 marzo 2025, Rep. atti n. 35/CU (modulistica Salva Casa)", null, "https://www.gazzettaufficiale.it/eli/id/2025/04/11/25A02175/sg")]
    public void Url_DocumentOutsideNormattiva_ItsOfficialSource(string id, string title, string? href, string expected) =>
        Assert.That(CitationLinks.Url(new LegalBasis(id, "1"), new Instrument(id, title, href), new DateOnly(2025, 3, 1)), Is.EqualTo(expected));

    [TestCase("Circolare dell'ufficio tecnico", "https://example.org/circolare.pdf", Description = "not an official site")]
    [TestCase("Parere legale", null)]
    [TestCase("Legge regionale Lazio 11 agosto 2008, n. 15", "https://www.regione.lazio.it", Description = "an act resolves through its URN, not a site")]
    [TestCase("L.R. Emilia-Romagna 21 ottobre 2004, n. 23", "https://www.regione.emilia-romagna.it", Description = "a region not registered")]
    [TestCase("L.R. Toscana 10 novembre 2014, n. 65, art. 135", "https://www.regione.toscana.it")]
    public void IsResolvable_NoPattern_False(string title, string? href) =>
        Assert.That(CitationLinks.IsResolvable(new Instrument("x", title, href)), Is.False);

    [Test]
    public void Linked_SameListAndDate_SameLinkedList()
    {
        IReadOnlyList<LegalBasis> bases = [new LegalBasis("dpr380", "6-bis", "1")];

        var first = CitationLinks.Linked(bases, [Dpr380], new DateOnly(2025, 3, 1));
        var again = CitationLinks.Linked(bases, [Dpr380], new DateOnly(2025, 3, 1));
        var later = CitationLinks.Linked(bases, [Dpr380], new DateOnly(2026, 1, 1));

        Assert.That(again, Is.SameAs(first));
        Assert.That(first[0].Url, Does.EndWith("~art6bis!vig=2025-03-01"));
        Assert.That(later[0].Url, Does.EndWith("~art6bis!vig=2026-01-01"));
        Assert.That(first[0] with { Url = null }, Is.EqualTo(bases[0]));
    }
}
