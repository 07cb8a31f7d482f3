namespace StrategicCities.Core.Fees;

/// <summary>How tariffs are named in messages and selected for a case.</summary>
internal static class FeeTariff
{
    /// <summary><c>tariff oneri-urbanizzazione use=residenziale zone=centrale categories=nuova-costruzione</c>: the selector, for messages.</summary>
    public static string Describe(FeeTariffModel tariff)
    {
        var text = "tariff " + tariff.Charge;
        if (tariff.Parameter is not null)
        {
            text += "/" + tariff.Parameter;
        }

        if (tariff.Use is not null)
        {
            text += " use=" + tariff.Use;
        }

        if (tariff.Zone is not null)
        {
            text += " zone=" + tariff.Zone;
        }

        if (tariff.Categories is { Count: > 0 } categories)
        {
            text += " categories=" + string.Join(",", categories.Order(StringComparer.Ordinal));
        }

        if (tariff.Regimes is { Count: > 0 } regimes)
        {
            text += " regimes=" + string.Join(",", regimes.Order(StringComparer.Ordinal));
        }

        return text;
    }

    /// <summary>Whether the tariff applies to the case; a selector the tariff leaves out matches anything.</summary>
    public static bool Matches(FeeTariffModel tariff, string? parameter, string? use, string? zone, string? category, string? regime) =>
        tariff.Parameter == parameter
        && (tariff.Use is null || tariff.Use == use)
        && (tariff.Zone is null || tariff.Zone == zone)
        && (tariff.Categories is not { Count: > 0 } || (category is not null && tariff.Categories.Contains(category)))
        && (tariff.Regimes is not { Count: > 0 } || (regime is not null && tariff.Regimes.Contains(regime)));

    /// <summary>How many selectors the tariff gives: among matches, the most specific one applies.</summary>
    public static int Specificity(FeeTariffModel tariff) =>
        (tariff.Use is null ? 0 : 1) + (tariff.Zone is null ? 0 : 1) + (tariff.Categories is { Count: > 0 } ? 1 : 0) + (tariff.Regimes is { Count: > 0 } ? 1 : 0);

    /// <summary>The parameters a charge of each kind takes (null: the charge's own rate or amount).</summary>
    public static bool ParameterFits(string kind, string? parameter) => kind switch
    {
        "construction-cost" => parameter is FeeVocabulary.BaseCost or FeeVocabulary.Share,
        _ => parameter is null,
    };
}
