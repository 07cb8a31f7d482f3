using System.Text.Json.Serialization;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Diff;

// The answer of `permits diff --municipality` and GET /api/v1/catalog/{municipality}/diff: its property names
// (camelCase) and enum values are a contract, as the routes are.

/// <summary>
/// Everything a municipality and its region change against the national baseline on a legal date: rule overlays,
/// form-schema extensions, procedure overlays and local calendar days.
/// </summary>
public sealed record MunicipalDiffReport
{
    /// <summary>The municipality (with its region).</summary>
    public required Municipality Municipality { get; init; }

    /// <summary>The legal reference date.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Per rule set with a regional or municipal overlay in force: what each overlay adds, overrides and disables.</summary>
    public required IReadOnlyList<RuleSetOverlays> Rules { get; init; }

    /// <summary>Per form with a municipal extension in force: the local fields it adds.</summary>
    public required IReadOnlyList<FormExtensionDiff> Forms { get; init; }

    /// <summary>Per procedure with a regional or municipal overlay in force: the optional steps it adds.</summary>
    public required IReadOnlyList<ProcedureOverlays> Procedures { get; init; }

    /// <summary>Local days of the calendar (patron saint days) in force on the date.</summary>
    public required LocalCalendarDiff Calendar { get; init; }

    /// <summary>How many differences of each kind.</summary>
    public MunicipalDiffCounts Counts => new(
        Rules.Sum(r => r.Overlays.Sum(o => o.Changes.Count)),
        Forms.Sum(f => f.Fields.Count),
        Procedures.Sum(p => p.Overlays.Sum(o => o.Steps.Count)),
        Calendar.Days.Count);

    /// <summary>Whether nothing differs from the national baseline.</summary>
    [JsonIgnore]
    public bool IsEmpty => Rules.Count == 0 && Forms.Count == 0 && Procedures.Count == 0 && Calendar.Days.Count == 0;
}

/// <summary>Number of differences per section.</summary>
public sealed record MunicipalDiffCounts(int RuleChanges, int FormFields, int ProcedureSteps, int CalendarDays);

/// <summary>One file of the catalog (a national version, an overlay, an extension or a calendar), repository-relative.</summary>
public sealed record DiffFile
{
    /// <summary>National, region or municipality.</summary>
    [JsonConverter(typeof(CamelCaseEnumConverter<Layer>))]
    public required Layer Layer { get; init; }

    /// <summary><c>IT</c>, a 2-digit region code or a 6-digit municipality code.</summary>
    public required string Jurisdiction { get; init; }

    /// <summary>Path from the repository root (<c>rules/…</c> or <c>schemas/…</c>), forward slashes.</summary>
    public required string File { get; init; }

    /// <summary>The version label (the date it takes effect); null for files without versions (the calendars).</summary>
    public string? Version { get; init; }

    /// <summary>The revision of the version (1 for the file as released).</summary>
    public int? Revision { get; init; }

    /// <summary>First day in force.</summary>
    public DateOnly? ValidFrom { get; init; }

    /// <summary>First day no longer in force (exclusive); absent when open-ended.</summary>
    public DateOnly? ValidTo { get; init; }

    /// <summary><c>sha256:</c> + hex of the file's bytes, when the loader records it.</summary>
    public string? Hash { get; init; }

    internal static DiffFile Of(RuleFileHeader header, string root) => new()
    {
        Layer = header.Layer,
        Jurisdiction = header.Jurisdiction,
        File = root + "/" + header.File,
        Version = header.Version,
        Revision = header.Revision,
        ValidFrom = header.Validity.From,
        ValidTo = header.Validity.To,
        Hash = header.ContentHash,
    };
}

/// <summary>A rule set's national version in force and the overlays composed on it.</summary>
public sealed record RuleSetOverlays(string RuleSet, DiffFile National, IReadOnlyList<RuleOverlayDiff> Overlays);

/// <summary>One overlay file and what it changes.</summary>
public sealed record RuleOverlayDiff(DiffFile File, IReadOnlyList<RuleOverlayChange> Changes);

/// <summary>How an overlay changes a rule.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<RuleOverlayChangeKind>))]
public enum RuleOverlayChangeKind
{
    /// <summary>A local rule at an extension point of the national rule set.</summary>
    Added,

    /// <summary>A national rule that allows local variation, replaced.</summary>
    Overridden,

    /// <summary>A national rule switched off, with the reason and the law permitting it.</summary>
    Disabled,
}

/// <summary>One rule an overlay adds, overrides or disables.</summary>
/// <param name="Change">Added, overridden or disabled.</param>
/// <param name="Workflow">The workflow of the rule.</param>
/// <param name="Rule">The rule's name.</param>
/// <param name="Extends">The extension point an added rule plugs into.</param>
/// <param name="LegalBasis">The law of the local rule, or the law permitting the disabling.</param>
/// <param name="Message">The local rule's message, or the reason for disabling.</param>
/// <param name="Details">For an override, what differs from the national rule.</param>
public sealed record RuleOverlayChange(
    RuleOverlayChangeKind Change, string Workflow, string Rule, string? Extends, IReadOnlyList<LegalBasis> LegalBasis,
    LocalizedText? Message, IReadOnlyList<string> Details);

/// <summary>A form's national version in force and the municipality's extension of it.</summary>
/// <param name="Form">Form code (<c>scia</c>, <c>cila</c>, …).</param>
/// <param name="National">The national schema in force; null when no national version is in force on the date.</param>
/// <param name="Extension">The extension file.</param>
/// <param name="Title">The extension's title.</param>
/// <param name="Fields">Every local field, in document order.</param>
public sealed record FormExtensionDiff(string Form, DiffFile? National, DiffFile Extension, LocalizedText Title, IReadOnlyList<LocalFormField> Fields);

/// <summary>A field a municipal extension adds to a form.</summary>
/// <param name="Pointer">JSON pointer of the field in the form data, e.g. <c>/estensioniLocali/roma/municipio</c>.</param>
/// <param name="Name">The property name.</param>
/// <param name="Title">Its label.</param>
/// <param name="Type">Its JSON type, when declared.</param>
/// <param name="Required">Required inside its local object (local fields at the extension point itself are always optional).</param>
public sealed record LocalFormField(string Pointer, string Name, LocalizedText Title, string? Type, bool Required);

/// <summary>A procedure's national version in force and the overlays composed on it.</summary>
public sealed record ProcedureOverlays(string Procedure, DiffFile National, IReadOnlyList<ProcedureOverlayDiff> Overlays);

/// <summary>One procedure overlay file and its optional steps.</summary>
public sealed record ProcedureOverlayDiff(DiffFile File, IReadOnlyList<ProcedureStepDiff> Steps);

/// <summary>Optional states, triggers and transitions an overlay plugs in at an extension point.</summary>
public sealed record ProcedureStepDiff(
    string Extends, IReadOnlyList<LocalState> States, IReadOnlyList<LocalTrigger> Triggers, IReadOnlyList<LocalTransition> Transitions);

/// <summary>A state an overlay adds.</summary>
public sealed record LocalState(string Id, LocalizedText Name, bool Final);

/// <summary>A trigger an overlay adds, with the roles that may fire it.</summary>
public sealed record LocalTrigger(string Id, LocalizedText Name, IReadOnlyList<string> Roles);

/// <summary>A transition an overlay adds, with its guard and legal basis.</summary>
public sealed record LocalTransition(string From, string Trigger, string To, string? Guard, IReadOnlyList<LegalBasis> LegalBasis);

/// <summary>The municipality's own calendar file and its days in force on the date.</summary>
/// <param name="File">The municipal calendar file; null when the municipality has none.</param>
/// <param name="Days">The local days in force.</param>
public sealed record LocalCalendarDiff(DiffFile? File, IReadOnlyList<LocalDay> Days);

/// <summary>Whether a local day recurs every year or falls on one date.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<LocalDayKind>))]
public enum LocalDayKind
{
    /// <summary>Every year on the same month and day (a patron saint's feast).</summary>
    Recurring,

    /// <summary>One date only.</summary>
    Date,
}

/// <summary>A local holiday of the municipality, which the legal clock skips as it does national holidays.</summary>
/// <param name="Kind">Recurring or on one date.</param>
/// <param name="Month">Month of a recurring day.</param>
/// <param name="Day">Day of the month of a recurring day.</param>
/// <param name="Date">The date of a one-off day.</param>
/// <param name="Name">Name of the feast.</param>
/// <param name="LegalBasis">The law or act making it a holiday; empty when the day rests on the municipal calendar's setting alone.</param>
/// <param name="ValidFrom">First day the local day is in force, when limited.</param>
/// <param name="ValidTo">First day it is no longer in force, when limited.</param>
public sealed record LocalDay(
    LocalDayKind Kind, int? Month, int? Day, DateOnly? Date, LocalizedText Name, IReadOnlyList<LegalBasis> LegalBasis,
    DateOnly? ValidFrom, DateOnly? ValidTo);
