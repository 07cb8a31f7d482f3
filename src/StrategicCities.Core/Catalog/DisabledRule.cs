using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Catalog;

/// <summary>An overlay's removal of a rule, with the reason and the law that permits it.</summary>
public sealed record DisabledRule(string Rule, LocalizedText Reason, IReadOnlyList<LegalBasis> LegalBasis);
