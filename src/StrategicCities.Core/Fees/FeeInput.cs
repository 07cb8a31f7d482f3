namespace StrategicCities.Core.Fees;

/// <summary>The figures of one fee computation, read from the request (docs/fees/README.md, "Input").</summary>
internal sealed record FeeInput
{
    public string? Regime { get; init; }
    public string? InterventionJson { get; init; }
    public string? Category { get; init; }
    public string? Use { get; init; }
    public string? PreviousUse { get; init; }
    public string? Zone { get; init; }
    public decimal? Volume { get; init; }
    public decimal? Surface { get; init; }
    public decimal? PreviousVolume { get; init; }
    public decimal? PreviousSurface { get; init; }
    public decimal? WorksCost { get; init; }
    public decimal? EnlargementPercent { get; init; }
    public decimal? UsefulSurface { get; init; }
    public decimal? AccessorySurface { get; init; }
    public IReadOnlyList<decimal>? UnitSurfaces { get; init; }
    public int? SpecialFeatures { get; init; }
    public bool HasResidential { get; init; }
    public IReadOnlySet<string> Facts { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
