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
    /// <summary>For a terms case (<c>"kind": "terms"</c>): the procedure id.</summary>
    public string? Procedure { get; init; }

    /// <summary>For a terms case: the events, a JSON array of <c>{"trigger","date"}</c> in order.</summary>
    public string? EventsJson { get; init; }

    /// <summary>For a terms case: the day of the computation (default: the last event's date).</summary>
    public string? On { get; init; }

    /// <summary>For a terms case: the application lies in a zona omogenea A (<c>"facts": {"zoneA": true}</c>).</summary>
    public bool ZoneA { get; init; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
