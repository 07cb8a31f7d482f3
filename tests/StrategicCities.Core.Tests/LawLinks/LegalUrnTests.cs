using StrategicCities.Core.Catalog;
using StrategicCities.Core.LawLinks;

namespace StrategicCities.Core.Tests.LawLinks;

[TestFixture]
public sealed class LegalUrnTests
{
    // The instruments rules/ cites, by title only: released files keep their text and the URN is read from it.
    [TestCase("D.P.R. 6 giugno 2001, n. 380 (Testo unico edilizia)", "urn:nir:stato:decreto.del.presidente.della.repubblica:2001-06-06;380")]
    [TestCase("D.Lgs. 25 novembre 2016, n. 222 (SCIA 2, Tabella A)", "urn:nir:stato:decreto.legislativo:2016-11-25;222")]
    [TestCase("Legge 7 agosto 1990, n. 241", "urn:nir:stato:legge:1990-08-07;241")]
    [TestCase("L. 9 gennaio 1991, n. 10", "urn:nir:stato:legge:1991-01-09;10")]
    [TestCase("D.L. 29 maggio 2024, n. 69 (Salva Casa)", "urn:nir:stato:decreto.legge:2024-05-29;69")]
    [TestCase("Legge 24 luglio 2024, n. 105 (conversione del D.L. 69/2024)", "urn:nir:stato:legge:2024-07-24;105")]
    [TestCase("D.L. 16 luglio 2020, n. 76 (Semplificazioni), conv. L. 11 settembre 2020, n. 120", "urn:nir:stato:decreto.legge:2020-07-16;76")]
    [TestCase("Legge 11 settembre 2020, n. 120", "urn:nir:stato:legge:2020-09-11;120")]
    [TestCase("D.Lgs. 22 gennaio 2004, n. 42 (Codice dei beni culturali e del paesaggio)", "urn:nir:stato:decreto.legislativo:2004-01-22;42")]
    [TestCase("Decreto-legge 17 marzo 2020, n. 18 (\"Cura Italia\"), conv. L. 24 aprile 2020, n. 27", "urn:nir:stato:decreto.legge:2020-03-17;18")]
    [TestCase("D.P.R. 28 dicembre 1985, n. 792 — Riconoscimento come giorni festivi", "urn:nir:stato:decreto.del.presidente.della.repubblica:1985-12-28;792")]
    [TestCase("L.R. Lombardia 11 marzo 2005, n. 12 (Legge per il governo del territorio)", "urn:nir:regione.lombardia:legge:2005-03-11;12")]
    [TestCase("R.R. Lombardia 23 novembre 2017, n. 7 (invarianza idraulica e idrologica)", "urn:nir:regione.lombardia:regolamento:2017-11-23;7")]
    [TestCase("L.R. Emilia-Romagna 21 ottobre 2004, n. 23", "urn:nir:regione.emilia-romagna:legge:2004-10-21;23")]
    public void FromTitle_ActNamedByKindDateAndNumber_IsItsUrn(string title, string urn) =>
        Assert.That(LegalUrn.FromTitle(title), Is.EqualTo(urn));

    [TestCase("Regolamento Edilizio del Comune di Milano (deliberazione C.C. n. 27 del 2 ottobre 2014)")]
    [TestCase("Ministero delle infrastrutture e dei trasporti, Linee di indirizzo, 30 gennaio 2025")]
    [TestCase("D.P.R. 31 febbraio 2001, n. 380", Description = "a day that does not exist")]
    public void FromTitle_NoActOrNoDate_IsNull(string title) => Assert.That(LegalUrn.FromTitle(title), Is.Null);

    [TestCase("https://www.normattiva.it/uri-res/N2Ls?urn:nir:stato:legge:1990-08-07;241", "urn:nir:stato:legge:1990-08-07;241")]
    [TestCase("https://www.normattiva.it/uri-res/N2Ls?urn:nir:stato:legge:1990-08-07;241~art5!vig=2020-01-01", "urn:nir:stato:legge:1990-08-07;241")]
    [TestCase("https://www.mit.gov.it", null)]
    [TestCase(null, null)]
    public void FromHref_ResolverAddress_IsTheActsUrn(string? href, string? urn) => Assert.That(LegalUrn.FromHref(href), Is.EqualTo(urn));

    [TestCase("22", "~art22")]
    [TestCase("6-bis", "~art6bis")]
    [TestCase("23-ter", "~art23ter")]
    [TestCase("94-bis", "~art94bis")]
    [TestCase("21-nonies", "~art21nonies")]
    [TestCase("10 bis", "~art10bis")]
    [TestCase("58-bis", "~art58bis")]
    [TestCase("Titolo II", null)]
    [TestCase("mutamento della destinazione d'uso", null)]
    public void Article_NumberAndOrdinal_WrittenTogether(string article, string? fragment) =>
        Assert.That(LegalUrn.Article(article), Is.EqualTo(fragment));

    [Test]
    public void Of_HrefAndTitle_HrefFirst()
    {
        var instrument = new Instrument("dl76", "D.L. 16 luglio 2020, n. 76",
            "https://www.normattiva.it/uri-res/N2Ls?urn:nir:stato:decreto.legge:2020-07-16;76");

        Assert.That(LegalUrn.Of(instrument), Is.EqualTo("urn:nir:stato:decreto.legge:2020-07-16;76"));
    }
}
