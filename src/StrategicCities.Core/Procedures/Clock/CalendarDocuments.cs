using System.Text.Json.Serialization;
using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Procedures.Clock;

// The JSON shapes of rules/calendars/national.json and rules/calendars/municipalities/<istat>.json.
// Unknown properties (e.g. "instruments", "$schema") are ignored on purpose: the data files are
// authored in parallel and may carry more than the clock needs.

/// <summary>rules/calendars/national.json.</summary>
internal sealed class NationalCalendarDocument
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("jurisdiction")] public string? Jurisdiction { get; init; }
    [JsonPropertyName("version")] public string? Version { get; init; }
    [JsonPropertyName("validFrom")] public DateOnly? ValidFrom { get; init; }
    [JsonPropertyName("validTo")] public DateOnly? ValidTo { get; init; }
    [JsonPropertyName("fixedHolidays")] public IReadOnlyList<FixedHolidayDocument>? FixedHolidays { get; init; }
    [JsonPropertyName("movableHolidays")] public IReadOnlyList<MovableHolidayDocument>? MovableHolidays { get; init; }
    [JsonPropertyName("weeklyRestDays")] public IReadOnlyList<string>? WeeklyRestDays { get; init; }
    [JsonPropertyName("singleDays")] public IReadOnlyList<SingleDayDocument>? SingleDays { get; init; }
    [JsonPropertyName("suspensions")] public IReadOnlyList<SuspensionDocument>? Suspensions { get; init; }
}

/// <summary>An entry of <c>singleDays</c>: a holiday of one year only.</summary>
internal sealed class SingleDayDocument
{
    [JsonPropertyName("date")] public DateOnly? Date { get; init; }
    [JsonPropertyName("name")] public LocalizedText? Name { get; init; }
    [JsonPropertyName("legalBasis")] public IReadOnlyList<LegalBasis>? LegalBasis { get; init; }
}

/// <summary>An entry of <c>fixedHolidays</c>.</summary>
internal sealed class FixedHolidayDocument
{
    [JsonPropertyName("month")] public int Month { get; init; }
    [JsonPropertyName("day")] public int Day { get; init; }
    [JsonPropertyName("name")] public LocalizedText? Name { get; init; }
    [JsonPropertyName("legalBasis")] public IReadOnlyList<LegalBasis>? LegalBasis { get; init; }
    [JsonPropertyName("validFrom")] public DateOnly? ValidFrom { get; init; }
    [JsonPropertyName("validTo")] public DateOnly? ValidTo { get; init; }
}

/// <summary>An entry of <c>movableHolidays</c>.</summary>
internal sealed class MovableHolidayDocument
{
    [JsonPropertyName("rule")] public string? Rule { get; init; }
    [JsonPropertyName("name")] public LocalizedText? Name { get; init; }
    [JsonPropertyName("legalBasis")] public IReadOnlyList<LegalBasis>? LegalBasis { get; init; }
    [JsonPropertyName("validFrom")] public DateOnly? ValidFrom { get; init; }
    [JsonPropertyName("validTo")] public DateOnly? ValidTo { get; init; }
}

/// <summary>An entry of <c>suspensions</c>.</summary>
internal sealed class SuspensionDocument
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("scope")] public string? Scope { get; init; }
    [JsonPropertyName("from")] public DateOnly? From { get; init; }
    [JsonPropertyName("to")] public DateOnly? To { get; init; }
    [JsonPropertyName("inclusive")] public bool Inclusive { get; init; } = true;
    [JsonPropertyName("name")] public LocalizedText? Name { get; init; }
    [JsonPropertyName("legalBasis")] public IReadOnlyList<LegalBasis>? LegalBasis { get; init; }
}

/// <summary>rules/calendars/municipalities/&lt;istat&gt;.json.</summary>
internal sealed class MunicipalCalendarDocument
{
    [JsonPropertyName("jurisdiction")] public string? Jurisdiction { get; init; }
    [JsonPropertyName("patronDays")] public IReadOnlyList<PatronDayDocument>? PatronDays { get; init; }
    [JsonPropertyName("patronDaysMoveTerms")] public bool PatronDaysMoveTerms { get; init; }
}

/// <summary>An entry of <c>patronDays</c>.</summary>
internal sealed class PatronDayDocument
{
    [JsonPropertyName("month")] public int Month { get; init; }
    [JsonPropertyName("day")] public int Day { get; init; }
    [JsonPropertyName("name")] public LocalizedText? Name { get; init; }
    [JsonPropertyName("legalBasis")] public IReadOnlyList<LegalBasis>? LegalBasis { get; init; }
    [JsonPropertyName("validFrom")] public DateOnly? ValidFrom { get; init; }
    [JsonPropertyName("validTo")] public DateOnly? ValidTo { get; init; }
}

/// <summary>Source-generated (reflection-free) serialization of the calendar documents.</summary>
[JsonSourceGenerationOptions(ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(NationalCalendarDocument))]
[JsonSerializable(typeof(MunicipalCalendarDocument))]
internal sealed partial class CalendarJsonContext : JsonSerializerContext;
