using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Catalog;

/// <summary>A place where regions or municipalities may add rules to a national rule set.</summary>
public sealed record ExtensionPoint(
    string Id,
    string Workflow,
    IReadOnlyList<Layer> AllowedFor,
    LocalizedText? Description,
    IReadOnlyList<LegalBasis> LegalBasis);
