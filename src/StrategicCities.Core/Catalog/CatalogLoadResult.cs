namespace StrategicCities.Core.Catalog;

/// <summary>The catalog, or the reasons it was refused.</summary>
public sealed record CatalogLoadResult(RuleCatalog? Catalog, IReadOnlyList<CatalogProblem> Problems)
{
    /// <summary>Whether the catalog loaded without any problem.</summary>
    public bool Succeeded => Catalog is not null && Problems.Count == 0;

    /// <summary>The catalog, or an exception listing every problem (for hosts that cannot run without it).</summary>
    public RuleCatalog GetCatalogOrThrow() => Succeeded
        ? Catalog!
        : throw new InvalidDataException("The rule catalog was refused:" + Environment.NewLine + string.Join(Environment.NewLine, Problems));
}
