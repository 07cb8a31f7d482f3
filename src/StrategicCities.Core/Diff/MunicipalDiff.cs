using System.Globalization;
using System.Text.Json.Nodes;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Forms;
using StrategicCities.Core.Legal;
using StrategicCities.Core.Procedures;
using StrategicCities.Core.Procedures.Clock;

namespace StrategicCities.Core.Diff;

/// <summary>
/// What a municipality and its region change against the national baseline on a legal date, read from the loaded
/// catalogs only: the same selection by date (and newest revision) the service uses for a new case.
/// </summary>
public static class MunicipalDiff
{
    /// <summary>Folder of the rule, procedure and calendar files, from the repository root.</summary>
    public const string RulesRoot = "rules";

    /// <summary>Folder of the form schemas, from the repository root.</summary>
    public const string SchemasRoot = "schemas";

    /// <summary>Computes the diff. A catalog left null contributes an empty section.</summary>
    /// <param name="rules">The rule catalog (rule sets and their overlays).</param>
    /// <param name="forms">The form schemas and their municipal extensions.</param>
    /// <param name="procedures">The procedure definitions and their overlays.</param>
    /// <param name="calendar">The legal calendar with the municipal patron days.</param>
    /// <param name="municipality">The municipality, already found in the registry.</param>
    /// <param name="date">The legal reference date.</param>
    public static MunicipalDiffReport Compute(
        RuleCatalog rules, FormSchemaProvider? forms, ProcedureCatalog? procedures, ItalianCalendar? calendar, Municipality municipality, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(municipality);
        return new MunicipalDiffReport
        {
            Municipality = municipality,
            Date = date,
            Rules = RuleSections(rules, municipality, date),
            Forms = forms is null ? [] : FormSections(forms, municipality, date),
            Procedures = procedures is null ? [] : ProcedureSections(procedures, municipality, date),
            Calendar = calendar is null ? new LocalCalendarDiff(null, []) : CalendarSection(calendar, municipality, date),
        };
    }

    private static List<RuleSetOverlays> RuleSections(RuleCatalog rules, Municipality municipality, DateOnly date)
    {
        var sections = new List<RuleSetOverlays>();
        foreach (var id in rules.RuleSetIds)
        {
            var composed = rules.Compose(id, municipality, date);
            if (composed is null || (composed.Region is null && composed.Municipality is null))
            {
                continue;
            }

            var overlays = new[] { composed.Region, composed.Municipality }.OfType<OverlayVersion>()
                .Select(o => new RuleOverlayDiff(DiffFile.Of(o.Header, RulesRoot), Changes(composed, o)))
                .ToList();
            sections.Add(new RuleSetOverlays(id, DiffFile.Of(composed.National.Header, RulesRoot), overlays));
        }

        return sections;
    }

    private static List<RuleOverlayChange> Changes(ComposedRuleSet composed, OverlayVersion overlay)
    {
        // An overlay's rules name no workflow of their own: they take the one of their extension point or of the
        // national rule they replace, which the composition records.
        string WorkflowOf(string rule) =>
            composed.AllRules.FirstOrDefault(r => r.Name == rule)?.Workflow ?? composed.National.FindRule(rule)?.Workflow ?? "";
        var changes = new List<RuleOverlayChange>();
        changes.AddRange(overlay.Add.Select(r => new RuleOverlayChange(
            RuleOverlayChangeKind.Added, WorkflowOf(r.Name), r.Name, r.Extends, r.LegalBasis, r.Messages, [])));
        foreach (var rule in overlay.Override)
        {
            var original = composed.National.FindRule(rule.Name);
            changes.Add(new RuleOverlayChange(
                RuleOverlayChangeKind.Overridden, original?.Workflow ?? WorkflowOf(rule.Name), rule.Name, rule.Extends, rule.LegalBasis, rule.Messages,
                original is null ? [] : RuleSetDiff.Differences(original, rule with { Workflow = original.Workflow })));
        }

        changes.AddRange(overlay.Disable.Select(d => new RuleOverlayChange(
            RuleOverlayChangeKind.Disabled, composed.National.FindRule(d.Rule)?.Workflow ?? "", d.Rule, null, d.LegalBasis, d.Reason, [])));
        return changes;
    }

    private static List<FormExtensionDiff> FormSections(FormSchemaProvider forms, Municipality municipality, DateOnly date)
    {
        var sections = new List<FormExtensionDiff>();
        foreach (var form in forms.Forms)
        {
            if (forms.ExtensionAt(form, municipality.Code, date) is not { } extension)
            {
                continue;
            }

            var national = forms.Select(form, date).Version;
            var fields = new List<LocalFormField>();
            foreach (var (point, properties) in extension.Additions.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                CollectFields(properties, "/" + point, required: new HashSet<string>(StringComparer.Ordinal), fields);
            }

            sections.Add(new FormExtensionDiff(
                form,
                national is null ? null : SchemaFile(Layer.National, "IT", national.File, national.Version, national.Validity, national.ContentHash),
                SchemaFile(Layer.Municipality, municipality.Code, extension.File, extension.Version, extension.Validity, extension.ContentHash),
                extension.Title,
                fields));
        }

        return sections;
    }

    private static void CollectFields(JsonObject properties, string parent, HashSet<string> required, List<LocalFormField> fields)
    {
        foreach (var (name, node) in properties)
        {
            if (node is not JsonObject schema)
            {
                continue;
            }

            var pointer = parent + "/" + name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
            var it = Text(schema["title"]) ?? name;
            fields.Add(new LocalFormField(pointer, name, new LocalizedText(it, Text(schema["x-title-en"]) ?? it), Text(schema["type"]), required.Contains(name)));
            if (schema["properties"] is JsonObject children)
            {
                var childRequired = (schema["required"] as JsonArray ?? []).Select(Text).OfType<string>().ToHashSet(StringComparer.Ordinal);
                CollectFields(children, pointer, childRequired, fields);
            }
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    // A schema file's version may carry its revision (<version>.r<N>), as rule files do.
    private static DiffFile SchemaFile(Layer layer, string jurisdiction, string file, string version, Catalog.Validity validity, string hash)
    {
        var revision = 1;
        var at = version.LastIndexOf(".r", StringComparison.Ordinal);
        if (at > 0 && int.TryParse(version.AsSpan(at + 2), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            (version, revision) = (version[..at], n);
        }

        return new DiffFile
        {
            Layer = layer,
            Jurisdiction = jurisdiction,
            File = SchemasRoot + "/" + file,
            Version = version,
            Revision = revision,
            ValidFrom = validity.From,
            ValidTo = validity.To,
            Hash = hash,
        };
    }

    private static List<ProcedureOverlays> ProcedureSections(ProcedureCatalog procedures, Municipality municipality, DateOnly date)
    {
        var sections = new List<ProcedureOverlays>();
        foreach (var id in procedures.Ids)
        {
            var (definition, layers) = procedures.Compose(id, municipality, date);
            if (definition is null || layers.Count < 2)
            {
                continue;
            }

            // The composition names the overlay files it selected (newest revisions); their steps come from the catalog.
            var overlays = layers.Skip(1)
                .Select(header => procedures.Overlays.First(o => o.Header.File == header.File))
                .Select(o => new ProcedureOverlayDiff(DiffFile.Of(o.Header, RulesRoot), [.. o.Steps.Select(Step)]))
                .ToList();
            sections.Add(new ProcedureOverlays(id, DiffFile.Of(layers[0], RulesRoot), overlays));
        }

        return sections;
    }

    private static ProcedureStepDiff Step(ProcedureStep step) => new(
        step.Extends,
        [.. step.States.Select(s => new LocalState(s.Id, s.Name, s.Final))],
        [.. step.Triggers.Select(t => new LocalTrigger(t.Id, t.Name, t.Roles))],
        [.. step.Transitions.Select(t => new LocalTransition(t.From, t.Trigger, t.To, t.Guard, t.LegalBasis))]);

    private static LocalCalendarDiff CalendarSection(ItalianCalendar calendar, Municipality municipality, DateOnly date)
    {
        if (!calendar.Municipalities.Contains(municipality.Code))
        {
            return new LocalCalendarDiff(null, []);
        }

        var days = calendar.PatronDaysOf(municipality.Code)
            .Where(p => (p.ValidFrom is null || date >= p.ValidFrom) && (p.ValidTo is null || date < p.ValidTo))
            .OrderBy(p => p.Month).ThenBy(p => p.Day)
            .Select(p => new LocalDay(LocalDayKind.Recurring, p.Month, p.Day, null, p.Name, p.LegalBasis, p.ValidFrom, p.ValidTo))
            .ToList();
        var file = new DiffFile
        {
            Layer = Layer.Municipality,
            Jurisdiction = municipality.Code,
            File = $"{RulesRoot}/calendars/{CalendarLoader.MunicipalitiesFolderName}/{municipality.Code}.json",
        };
        return new LocalCalendarDiff(file, days);
    }
}
