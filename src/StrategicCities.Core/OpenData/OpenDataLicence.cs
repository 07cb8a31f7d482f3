namespace StrategicCities.Core.OpenData;

/// <summary>
/// The licence of the open data: Creative Commons Attribution 4.0 International, the default licence for Italian
/// public-sector open data (AgID, Linee guida open data, §6.1), named by its URL and, in DCAT-AP_IT metadata, by the
/// entry of the national licence vocabulary.
/// </summary>
public static class OpenDataLicence
{
    /// <summary>SPDX identifier.</summary>
    public const string Id = "CC-BY-4.0";

    /// <summary>The licence's legal text.</summary>
    public const string Url = "https://creativecommons.org/licenses/by/4.0/";

    /// <summary>The licence in the Italian controlled vocabulary of licences (DCAT-AP_IT).</summary>
    public const string VocabularyUri = "https://w3id.org/italia/controlled-vocabulary/licences/A21_CCBY40";

    /// <summary>The licence's name.</summary>
    public const string Name = "Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0)";

    /// <summary>The Link header value that states the licence of a response (RFC 8288, rel="license").</summary>
    public const string LinkHeader = "<" + Url + ">; rel=\"license\"";
}
