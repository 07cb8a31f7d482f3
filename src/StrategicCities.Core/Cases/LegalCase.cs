using System.Text.Json;

namespace StrategicCities.Core.Cases;

/// <summary>A case written by legal staff (rules/tests, DESIGN.md §6).</summary>
public sealed record LegalCase(
    string File,
    int Index,
    string Name,
    string Kind,
    string? Form,
    string Municipality,
    string LegalDate,
    string InputJson,
    JsonElement Expect)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}
