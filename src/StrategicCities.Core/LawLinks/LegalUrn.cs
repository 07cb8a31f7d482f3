using System.Globalization;
using System.Text.RegularExpressions;
using StrategicCities.Core.Catalog;

namespace StrategicCities.Core.LawLinks;

/// <summary>
/// The NIR URN of an act (<c>urn:nir:stato:decreto.del.presidente.della.repubblica:2001-06-06;380</c>) and of one of
/// its articles (<c>~art23ter</c>), as normattiva's resolver reads them: authority, kind, date of the act, number, and
/// the article as its number and Latin ordinal written together (6-bis → <c>art6bis</c>).
/// </summary>
/// <remarks>
/// An instrument's URN is read from its <c>href</c> when that is a normattiva resolver address, else from its title
/// ("D.P.R. 6 giugno 2001, n. 380", "L.R. Lombardia 11 marzo 2005, n. 12"): released rule files keep their text, and
/// the citation is resolved from what they say.
/// </remarks>
public static partial class LegalUrn
{
    /// <summary>normattiva's URN resolver; an act's address is this followed by its URN.</summary>
    public const string Resolver = "https://www.normattiva.it/uri-res/N2Ls?";

    private static readonly string[] Months =
        ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"];

    // The kinds of act of the NIR vocabulary, by the abbreviations and names rule files use.
    private static readonly (Regex Title, string Kind)[] StateKinds =
    [
        (KindPattern(@"D\.\s?P\.\s?R\.|Decreto del Presidente della Repubblica"), "decreto.del.presidente.della.repubblica"),
        (KindPattern(@"D\.\s?Lgs\.|Decreto legislativo"), "decreto.legislativo"),
        (KindPattern(@"D\.\s?L\.|Decreto-legge|Decreto legge"), "decreto.legge"),
        (KindPattern(@"L\.|Legge"), "legge"),
    ];

    /// <summary>The URN of the act an instrument names, or <see langword="null"/> when neither its href nor its title gives one.</summary>
    public static string? Of(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return FromHref(instrument.Href) ?? FromTitle(instrument.Title);
    }

    /// <summary>The URN in a normattiva resolver address, without its article or date (<c>~…</c>, <c>!…</c>).</summary>
    public static string? FromHref(string? href)
    {
        if (href is null || !href.StartsWith(Resolver, StringComparison.OrdinalIgnoreCase)
            && !href.StartsWith("http://www.normattiva.it/uri-res/N2Ls?", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var urn = href[(href.IndexOf('?', StringComparison.Ordinal) + 1)..];
        var end = urn.IndexOfAny(['~', '!', '@']);
        urn = end < 0 ? urn : urn[..end];
        return UrnShape().IsMatch(urn) ? urn : null;
    }

    /// <summary>
    /// The URN of the act a citation's title names: a state act (D.P.R., D.Lgs., D.L., legge) or a regional one
    /// (L.R. or R.R. followed by the region), with its date in words and its number.
    /// </summary>
    public static string? FromTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var regional = RegionalTitle().Match(title);
        if (regional.Success)
        {
            var kind = regional.Groups["kind"].Value.StartsWith('R') ? "regolamento" : "legge";
            var region = regional.Groups["region"].Value.ToLowerInvariant().Replace(' ', '.');
            return Date(regional) is { } d ? $"urn:nir:regione.{region}:{kind}:{d};{regional.Groups["number"].Value}" : null;
        }

        foreach (var (pattern, kind) in StateKinds)
        {
            var match = pattern.Match(title);
            if (match.Success && Date(match) is { } date)
            {
                return $"urn:nir:stato:{kind}:{date};{match.Groups["number"].Value}";
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a title names a legislative act (state or regional) by its kind, date and number: such an instrument
    /// must resolve to a URN; other documents (plans, guidance, agreements) are linked to their official source.
    /// </summary>
    public static bool NamesAnAct(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return RegionalTitle().IsMatch(title) || ActShape().IsMatch(title);
    }

    /// <summary>
    /// The article part of a URN: <c>~art22</c>, <c>~art6bis</c>, <c>~art23ter</c>, <c>~art21nonies</c>; <see langword="null"/>
    /// for a citation that is no numbered article ("Titolo II", "Allegato A").
    /// </summary>
    public static string? Article(string article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var match = ArticleShape().Match(article.Trim());
        return match.Success
            ? "~art" + match.Groups["number"].Value + match.Groups["ordinal"].Value.ToLowerInvariant()
            : null;
    }

    private static string? Date(Match match)
    {
        var month = Array.IndexOf(Months, match.Groups["month"].Value.ToLowerInvariant()) + 1;
        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        return month > 0 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
    }

    private const string DateAndNumber =
        @"\s+(?<day>[0-9]{1,2})(?:°|º)?\s+(?<month>[a-z]+)\s+(?<year>[0-9]{4}),?\s+n\.\s*(?<number>[0-9]+)\b";

    private static Regex KindPattern(string kinds) =>
        new($@"^(?:{kinds}){DateAndNumber}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    [GeneratedRegex(@"^(?<kind>L\.\s?R\.|R\.\s?R\.|Legge regionale|Regolamento regionale)\s+(?<region>[A-Z][a-zà-ù'-]+(?: [A-Z][a-zà-ù'-]+)*)" + DateAndNumber,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RegionalTitle();

    [GeneratedRegex(@"^(?:(?:D\.\s?P\.\s?R\.|D\.\s?Lgs\.|D\.\s?L\.|L\.|Legge|Decreto(?:-| )legge|Decreto legislativo|Decreto del Presidente della Repubblica)\s+[0-9]|L\.\s?R\.|R\.\s?R\.|Legge regionale|Regolamento regionale)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ActShape();

    [GeneratedRegex(@"^urn:nir:[a-z.]+:[a-z.]+:[0-9]{4}-[0-9]{2}-[0-9]{2};[0-9]+(?::[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex UrnShape();

    [GeneratedRegex(@"^(?<number>[0-9]+)(?:[- ]?(?<ordinal>bis|ter|quater|quinquies|sexies|septies|octies|novies|nonies|decies|undecies|duodecies|terdecies|quaterdecies|quinquiesdecies|sexiesdecies|septiesdecies|octiesdecies))?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArticleShape();
}
