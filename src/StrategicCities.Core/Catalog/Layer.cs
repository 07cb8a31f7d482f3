namespace StrategicCities.Core.Catalog;

/// <summary>The layer a rule file belongs to; later layers overlay earlier ones.</summary>
public enum Layer
{
    /// <summary>National law: rules/national.</summary>
    National,

    /// <summary>A region (ISTAT region code, 2 digits): rules/regions.</summary>
    Region,

    /// <summary>A municipality (ISTAT code, 6 digits): rules/municipalities.</summary>
    Municipality,
}

/// <summary>Names of layers as written in files and output.</summary>
public static class Layers
{
    /// <summary>The lower-case name used in files ("national", "region", "municipality").</summary>
    public static string Name(this Layer layer) => layer switch
    {
        Layer.National => "national",
        Layer.Region => "region",
        _ => "municipality",
    };

    /// <summary>Parses a layer name as written in files.</summary>
    public static Layer? Parse(string? name) => name switch
    {
        "national" => Layer.National,
        "region" => Layer.Region,
        "municipality" => Layer.Municipality,
        _ => null,
    };
}
