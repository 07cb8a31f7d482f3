using System.Globalization;
using System.Text;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Diff;

/// <summary>The readable form of a <see cref="MunicipalDiffReport"/>, in Italian or English.</summary>
public static class MunicipalDiffText
{
    /// <summary>Renders the report: a heading, then one section per kind of difference.</summary>
    /// <param name="report">The diff.</param>
    /// <param name="language"><c>it</c> or <c>en</c>; anything else is Italian.</param>
    public static string Render(MunicipalDiffReport report, string? language)
    {
        ArgumentNullException.ThrowIfNull(report);
        var en = string.Equals(language, "en", StringComparison.OrdinalIgnoreCase);
        string T(string it, string english) => en ? english : it;
        var m = report.Municipality;
        var text = new StringBuilder();
        text.AppendLine(en
            ? string.Create(CultureInfo.InvariantCulture, $"{m.Name} ({m.Code}, region {m.Region} {m.RegionName}) on {report.Date:yyyy-MM-dd} against the national baseline")
            : string.Create(CultureInfo.InvariantCulture, $"{m.Name} ({m.Code}, regione {m.Region} {m.RegionName}) al {report.Date:dd/MM/yyyy} rispetto alla disciplina nazionale"));
        var none = "  " + T("nessuna differenza", "no differences");

        text.AppendLine().AppendLine(T("Regole", "Rules"));
        foreach (var ruleSet in report.Rules)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {ruleSet.RuleSet} {ruleSet.National.Version} ({ruleSet.National.File})");
            foreach (var overlay in ruleSet.Overlays)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    {LayerName(overlay.File, en)}: {Describe(overlay.File, en)}");
                foreach (var change in overlay.Changes)
                {
                    var (sign, verb) = change.Change switch
                    {
                        RuleOverlayChangeKind.Added => ("+", T("aggiunta", "added")),
                        RuleOverlayChangeKind.Overridden => ("~", T("sostituita", "overridden")),
                        _ => ("-", T("disattivata", "disabled")),
                    };
                    var where = change.Extends is null ? "" : T($" nel punto {change.Extends}", $" at {change.Extends}");
                    text.AppendLine(CultureInfo.InvariantCulture, $"      {sign} {change.Workflow}/{change.Rule} {verb}{where}{Basis(change.LegalBasis)}");
                    if (change.Message is { } message)
                    {
                        text.AppendLine(CultureInfo.InvariantCulture, $"        {message.In(language)}");
                    }

                    foreach (var detail in change.Details)
                    {
                        text.AppendLine(CultureInfo.InvariantCulture, $"        {detail}");
                    }
                }
            }
        }

        if (report.Rules.Count == 0)
        {
            text.AppendLine(none);
        }

        text.AppendLine().AppendLine(T("Moduli (campi locali)", "Forms (local fields)"));
        foreach (var form in report.Forms)
        {
            var national = form.National is null ? "" : T($" sul modello nazionale {form.National.Version}", $" on national version {form.National.Version}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  {form.Form}: {Describe(form.Extension, en)}{national}");
            foreach (var field in form.Fields)
            {
                var required = field.Required ? T("obbligatorio nel gruppo locale", "required within its local group") : T("facoltativo", "optional");
                var type = field.Type is null ? "" : field.Type + ", ";
                text.AppendLine(CultureInfo.InvariantCulture, $"    {field.Pointer}: {field.Title.In(language)} ({type}{required})");
            }
        }

        if (report.Forms.Count == 0)
        {
            text.AppendLine(none);
        }

        text.AppendLine().AppendLine(T("Procedimenti (passi facoltativi)", "Procedures (optional steps)"));
        foreach (var procedure in report.Procedures)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {procedure.Procedure} {procedure.National.Version} ({procedure.National.File})");
            foreach (var overlay in procedure.Overlays)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    {LayerName(overlay.File, en)}: {Describe(overlay.File, en)}");
                foreach (var step in overlay.Steps)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"      {T("punto di estensione", "extension point")} {step.Extends}");
                    foreach (var state in step.States)
                    {
                        text.AppendLine(CultureInfo.InvariantCulture, $"        {T("stato", "state")} {state.Id}: {state.Name.In(language)}");
                    }

                    foreach (var trigger in step.Triggers)
                    {
                        text.AppendLine(CultureInfo.InvariantCulture, $"        {T("azione", "trigger")} {trigger.Id}: {trigger.Name.In(language)} [{string.Join(", ", trigger.Roles)}]");
                    }

                    foreach (var transition in step.Transitions)
                    {
                        var guard = transition.Guard is null ? "" : T($" se {transition.Guard}", $" if {transition.Guard}");
                        text.AppendLine(CultureInfo.InvariantCulture, $"        {transition.From} --{transition.Trigger}--> {transition.To}{guard}{Basis(transition.LegalBasis)}");
                    }
                }
            }
        }

        if (report.Procedures.Count == 0)
        {
            text.AppendLine(none);
        }

        text.AppendLine().AppendLine(T("Calendario (giorni festivi locali)", "Calendar (local holidays)"));
        if (report.Calendar.File is { } calendarFile && report.Calendar.Days.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {calendarFile.File}");
        }

        foreach (var day in report.Calendar.Days)
        {
            var when = day.Kind == LocalDayKind.Date && day.Date is { } date
                ? (en ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture))
                : T($"ogni anno il {day.Day} {MonthIt(day.Month ?? 1)}", $"every year on {day.Day} {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(day.Month ?? 1)}");
            var basis = day.LegalBasis.Count > 0 ? Basis(day.LegalBasis) : T(" [impostazione del calendario comunale, nessuna norma citata]", " [municipal calendar setting, no law cited]");
            text.AppendLine(CultureInfo.InvariantCulture, $"    {when}: {day.Name.In(language)}{basis}");
        }

        if (report.Calendar.Days.Count == 0)
        {
            text.AppendLine(none);
        }

        return text.ToString();
    }

    private static string LayerName(DiffFile file, bool en) => file.Layer switch
    {
        Layer.Region => (en ? "region " : "regione ") + file.Jurisdiction,
        Layer.Municipality => (en ? "municipality " : "comune ") + file.Jurisdiction,
        _ => en ? "national" : "nazionale",
    };

    private static string Describe(DiffFile file, bool en)
    {
        var revision = file.Revision is > 1 ? (en ? $", revision {file.Revision}" : $", revisione {file.Revision}") : "";
        return file.Version is null ? file.File : $"{file.File} ({(en ? "version" : "versione")} {file.Version}{revision})";
    }

    private static string Basis(IReadOnlyList<LegalBasis> legalBasis) =>
        legalBasis.Count == 0 ? "" : $" [{string.Join("; ", legalBasis)}]";

    private static readonly string[] MonthsIt =
    [
        "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre",
    ];

    private static string MonthIt(int month) => MonthsIt[month - 1];
}
