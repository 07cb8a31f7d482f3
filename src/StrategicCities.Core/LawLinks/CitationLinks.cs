using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Legal;

namespace StrategicCities.Core.LawLinks;

/// <summary>
/// The one place a citation becomes a link to the text in force on the case's legal date. State acts: normattiva's
/// URN resolver with the article and <c>!vig=</c> the legal date
/// (<c>…N2Ls?urn:nir:stato:decreto.del.presidente.della.repubblica:2001-06-06;380~art22!vig=2025-03-01</c>).
/// Regional acts: the region's official database where one is registered here (Lombardia: NormeLombardia, which shows
/// the text in force with its history notes; it takes no date). Documents that are no numbered act (municipal
/// regulations and plans, ministerial guidance, Conferenza Unificata agreements): their official publication.
/// </summary>
/// <remarks>
/// An instrument that names an act (<see cref="LegalUrn.NamesAnAct"/>) must resolve to a URN and, when regional, to a
/// registered region; <c>permits lint</c> refuses a citation that resolves to nothing (<see cref="Unresolvable"/>).
/// </remarks>
public static class CitationLinks
{
    /// <summary>Lint code of a citation whose instrument has no link pattern.</summary>
    public const string Unresolvable = "citation.unresolvable";

    // Regional databases by the region of the URN (urn:nir:regione.<region>:<kind>:<date>;<number>).
    private static readonly Dictionary<string, Func<string, DateOnly, int, string?>> Regions = new(StringComparer.Ordinal)
    {
        // NormeLombardia (Consiglio regionale): a document is lr00/rr00 + yyyyMMdd + the number in five digits.
        ["lombardia"] = (kind, date, number) => kind switch
        {
            "legge" => NormeLombardia("lr", date, number),
            "regolamento" => NormeLombardia("rr", date, number),
            _ => null,
        },
    };

    // Documents outside normattiva, by the start of their title: where they are officially published.
    private static readonly (string Title, string Url)[] Documents =
    [
        // G.U. n. 128 of 5 June 2017, S.O. n. 26.
        ("Accordo Conferenza Unificata 4 maggio 2017", "https://www.gazzettaufficiale.it/eli/gu/2017/06/05/128/so/26/sg/pdf"),
        // G.U. n. 85 of 11 April 2025 (25A02175).
        ("Accordo Conferenza Unificata 27 marzo 2025", "https://www.gazzettaufficiale.it/eli/id/2025/04/11/25A02175/sg"),
        // G.U. n. 146 of 31 May 1977 (the issue, by the Gazzetta's address pattern; the decree is not on normattiva).
        ("D.M. Lavori pubblici 10 maggio 1977, n. 801", "https://www.gazzettaufficiale.it/eli/gu/1977/05/31/146/sg/pdf"),
        // An EU regulation: EUR-Lex, by its ELI.
        ("Regolamento (CE) n. 1103/97", "https://eur-lex.europa.eu/eli/reg/1997/1103/oj"),
        // Municipal deliberations and determinations are published in the municipality's online register (albo
        // pretorio, L. 69/2009 art. 32) on its own site: the link opens the site, the title names the act.
        ("Comune di Milano,", "https://www.comune.milano.it/"),
        ("Roma Capitale,", "https://www.comune.roma.it/"),
    ];

    private static readonly ConditionalWeakTable<IReadOnlyList<LegalBasis>, ConcurrentDictionary<DateOnly, IReadOnlyList<LegalBasis>>> LinkedBases = new();

    /// <summary>
    /// The link of one citation on a legal date, or <see langword="null"/> when its instrument resolves to nothing
    /// (which lint refuses in the rule files).
    /// </summary>
    public static string? Url(LegalBasis basis, Instrument? instrument, DateOnly legalDate)
    {
        ArgumentNullException.ThrowIfNull(basis);
        if (instrument is null)
        {
            return null;
        }

        if (LegalUrn.Of(instrument) is { } urn)
        {
            return urn.StartsWith("urn:nir:stato:", StringComparison.Ordinal)
                ? LegalUrn.Resolver + urn + LegalUrn.Article(basis.Article) + "!vig=" + legalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : Regional(urn);
        }

        return LegalUrn.NamesAnAct(instrument.Title) ? null : OfficialSource(instrument);
    }

    /// <summary>Whether citations of <paramref name="instrument"/> get a link (whatever the article and date).</summary>
    public static bool IsResolvable(Instrument instrument) =>
        Url(new LegalBasis(instrument.Id, "1"), instrument, new DateOnly(2000, 1, 1)) is not null;

    /// <summary>
    /// <paramref name="bases"/> with their links on <paramref name="legalDate"/>, the instruments looked up by id in
    /// <paramref name="instruments"/> (those of the file that cites them). Made once per list and date: a rule's
    /// bases are one list, shared by every report that cites the rule on that date.
    /// </summary>
    public static IReadOnlyList<LegalBasis> Linked(IReadOnlyList<LegalBasis> bases, IReadOnlyList<Instrument> instruments, DateOnly legalDate)
    {
        ArgumentNullException.ThrowIfNull(bases);
        ArgumentNullException.ThrowIfNull(instruments);
        if (bases.Count == 0)
        {
            return bases;
        }

        return LinkedBases.GetValue(bases, _ => new ConcurrentDictionary<DateOnly, IReadOnlyList<LegalBasis>>())
            .GetOrAdd(legalDate, static (date, state) =>
                [.. state.bases.Select(b => b with { Url = Url(b, state.instruments.FirstOrDefault(i => i.Id == b.Instrument), date) })],
                (bases, instruments));
    }

    private static string? Regional(string urn)
    {
        // urn:nir:regione.<region>:<kind>:<yyyy-MM-dd>;<number>
        var parts = urn.Split(':');
        if (parts.Length != 5 || !parts[2].StartsWith("regione.", StringComparison.Ordinal)
            || !Regions.TryGetValue(parts[2]["regione.".Length..], out var link))
        {
            return null;
        }

        var dateAndNumber = parts[4].Split(';');
        return DateOnly.TryParseExact(dateAndNumber[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && dateAndNumber.Length == 2 && int.TryParse(dateAndNumber[1], CultureInfo.InvariantCulture, out var number)
            ? link(parts[3], date, number)
            : null;
    }

    private static string NormeLombardia(string prefix, DateOnly date, int number) =>
        "https://normelombardia.consiglio.regione.lombardia.it/NormeLombardia/Accessibile/main.aspx?view=showdoc&iddoc="
        + prefix + "00" + date.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + number.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>
    /// A registered document's publication, else the instrument's own href when it is on an official site (a ministry
    /// or agency under gov.it, a municipality's or region's site, the Gazzetta Ufficiale).
    /// </summary>
    private static string? OfficialSource(Instrument instrument)
    {
        foreach (var (title, url) in Documents)
        {
            if (instrument.Title.StartsWith(title, StringComparison.Ordinal))
            {
                return url;
            }
        }

        if (!Uri.TryCreate(instrument.Href, UriKind.Absolute, out var href) || href.Scheme != Uri.UriSchemeHttps)
        {
            return null;
        }

        var host = href.Host.ToLowerInvariant();
        var official = host.EndsWith(".gov.it", StringComparison.Ordinal)
            || host.EndsWith("gazzettaufficiale.it", StringComparison.Ordinal)
            || (host.Split('.') is [.., "comune" or "regione", _, "it"]);
        return official ? instrument.Href : null;
    }
}
