namespace StrategicCities.Core.Fees;

/// <summary>
/// The words fee files and fee inputs use: the functional categories of art. 23-ter c.1 D.P.R. 380/2001 and the
/// intervention categories and regimes of schemas/intervention.schema.json (tested against it), the facts an applicant
/// declares for exemptions and reductions, the units and the kinds of charge.
/// </summary>
public static class FeeVocabulary
{
    /// <summary>Functional categories (destinazioni d'uso, art. 23-ter c.1).</summary>
    public static readonly IReadOnlyList<string> Uses = ["residenziale", "turistico-ricettiva", "produttiva-direzionale", "commerciale", "rurale"];

    /// <summary>Intervention categories (art. 3 c.1 and the vocabulary of DESIGN §4).</summary>
    public static readonly IReadOnlyList<string> Categories =
    [
        "manutenzione-ordinaria", "manutenzione-straordinaria", "restauro-risanamento", "ristrutturazione-edilizia", "nuova-costruzione",
        "ristrutturazione-urbanistica", "demolizione", "cambio-uso", "opere-pertinenziali", "opere-temporanee",
    ];

    /// <summary>Regimes (DESIGN §4), the determination's own list.</summary>
    public static IReadOnlyList<string> Regimes => Determination.Regimes.Ordered;

    /// <summary>Facts an applicant declares (booleans under <c>facts</c> in the input); exemptions and reductions name them.</summary>
    public static readonly IReadOnlyList<string> Facts =
    [
        "agriculturalEntrepreneur", "singleFamily", "publicWorks", "calamity", "renewableEnergy", "conventionedHousing",
        "regeneration", "industrialOrArtisanal", "carbonNeutral",
    ];

    /// <summary>Units of a per-quantity tariff: cubic metres of volume or square metres of surface.</summary>
    public static readonly IReadOnlyList<string> Units = ["m3", "m2"];

    /// <summary>Kinds of charge: a rate times a quantity, the construction-cost share, a fixed amount.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["per-quantity", "construction-cost", "fixed"];

    /// <summary>Parts of the bill: the contributo di costruzione (art. 16) and the desk charges.</summary>
    public static readonly IReadOnlyList<string> Parts = ["contributo", "desk"];

    /// <summary>The parameter of a construction-cost tariff giving the cost per m² of new buildings (art. 16 c.9).</summary>
    public const string BaseCost = "base-cost";

    /// <summary>The parameter of a construction-cost tariff giving the share of the cost due (art. 16 c.9, art. 19 c.2).</summary>
    public const string Share = "share";

    /// <summary>Categories that make a new building, whose residential cost is computed by the classes of D.M. 801/1977.</summary>
    public static readonly IReadOnlyList<string> NewBuildingCategories = ["nuova-costruzione", "ristrutturazione-urbanistica"];
}
