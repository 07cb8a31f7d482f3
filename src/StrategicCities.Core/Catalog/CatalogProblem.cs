namespace StrategicCities.Core.Catalog;

/// <summary>
/// Something wrong with the files under rules/: a refusal of the loader or a lint finding.
/// Printed as <c>file:rule: message</c>.
/// </summary>
public sealed record CatalogProblem(string File, string? Rule, string Code, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Rule ?? "-"}: {Message} [{Code}]";
}
