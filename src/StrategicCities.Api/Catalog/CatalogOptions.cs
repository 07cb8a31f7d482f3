namespace StrategicCities.Api.Catalog;

/// <summary>Where the rules are (configuration section <c>Catalog</c>).</summary>
public sealed class CatalogOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Catalog";

    /// <summary>
    /// <c>Catalog:RulesPath</c>: the rules folder (or a folder holding rules/). Empty: found by
    /// <see cref="Core.Catalog.CatalogSources.Discover"/> (STRATEGICCITIES_ROOT, then upwards from the working directory).
    /// </summary>
    public string? RulesPath { get; set; }
}
