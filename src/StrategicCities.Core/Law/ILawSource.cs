namespace StrategicCities.Core.Law;

/// <summary>
/// The catalog serving now. A host that reloads the law (the API) swaps it whole; a use case reads it once per call,
/// so a call finishes on the catalog it started with.
/// </summary>
public interface ILawSource
{
    /// <summary>The catalog in force for new calls.</summary>
    LawCatalog Current { get; }
}

/// <summary>A catalog that never changes while it serves (the CLI, tests): the one it was given.</summary>
/// <param name="Current">The catalog.</param>
public sealed record FixedLawSource(LawCatalog Current) : ILawSource;
