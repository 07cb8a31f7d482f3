using System.Text;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Determination;

/// <summary>A determination as readable text, Italian and/or English, with citations.</summary>
public static class DeterminationExplainer
{
    private static readonly Dictionary<string, LocalizedText> RegimeNames = new(StringComparer.Ordinal)
    {
        ["edilizia-libera"] = new("attività edilizia libera (art. 6 D.P.R. 380/2001)", "free building works (art. 6 D.P.R. 380/2001)"),
        ["cil"] = new("comunicazione di inizio lavori (CIL)", "notice of start of works (CIL)"),
        ["cila"] = new("comunicazione di inizio lavori asseverata (CILA, art. 6-bis)", "certified notice of start of works (CILA, art. 6-bis)"),
        ["scia"] = new("segnalazione certificata di inizio attività (SCIA, art. 22)", "certified notice of start of activity (SCIA, art. 22)"),
        ["scia-alternativa"] = new("SCIA alternativa al permesso di costruire (art. 23)", "SCIA in place of the building permit (art. 23)"),
        ["permesso-di-costruire"] = new("permesso di costruire (artt. 10 e 20)", "building permit (artt. 10 and 20)"),
    };

    /// <summary>The name of a regime in a language.</summary>
    public static string RegimeName(string regime, string language) =>
        RegimeNames.TryGetValue(regime, out var name) ? name.In(language) : regime;

    /// <summary>
    /// Explains <paramref name="result"/>; <paramref name="language"/> is <c>it</c>, <c>en</c> or <c>both</c>.
    /// <paramref name="composed"/> resolves instrument titles for the citations.
    /// </summary>
    public static string Explain(DeterminationResult result, ComposedRuleSet? composed, string language = "both")
    {
        var languages = language == "both" ? new[] { "it", "en" } : [language];
        var text = new StringBuilder();
        foreach (var lang in languages)
        {
            var it = lang == "it";
            var m = result.Municipality;
            text.AppendLine(it
                ? $"{m.Name} ({m.Code}, {m.RegionName}) — data di riferimento {result.LegalDate:dd/MM/yyyy}"
                : $"{m.Name} ({m.Code}, {m.RegionName}) — legal reference date {result.LegalDate:yyyy-MM-dd}");
            text.AppendLine((it ? "Regole in vigore: " : "Rules in force: ")
                + string.Join(", ", result.RuleSets.Select(v => $"{v.RuleSet} {v.Layer}:{v.Jurisdiction}@{v.Version}")));
            text.AppendLine();
            text.AppendLine((it ? "Regime: " : "Regime: ") + RegimeName(result.Regime, lang));
            var applied = result.Trace.Where(t => t.Outcome == TraceEntry.Applied).ToList();
            foreach (var entry in applied.Where(t => t.Workflow == "regime"))
            {
                text.AppendLine($"  • {entry.Message.In(lang)}");
                text.AppendLine($"    [{Cite(entry, composed)}] ({entry.Rule}, {entry.Layer}:{entry.Jurisdiction}@{entry.Version})");
                Links(text, entry.LegalBasis);
            }

            if (result.Alternatives.Count > 0)
            {
                text.AppendLine((it ? "In alternativa, a scelta dell'interessato: " : "Alternatively, at the applicant's choice: ")
                    + string.Join(", ", result.Alternatives.Select(a => RegimeName(a, lang))));
            }

            Section(text, it ? "Atti di assenso aggiuntivi" : "Additional acts", result.AdditionalActs, applied, composed, lang);
            Section(text, it ? "Allegati" : "Attachments", result.Attachments, applied, composed, lang);
            text.AppendLine();
            text.AppendLine(it
                ? $"Regole valutate: {result.Trace.Count}, applicate: {applied.Count}."
                : $"Rules evaluated: {result.Trace.Count}, applied: {applied.Count}.");
            if (lang != languages[^1])
            {
                text.AppendLine().AppendLine(new string('─', 72)).AppendLine();
            }
        }

        return text.ToString();
    }

    private static void Section(
        StringBuilder text, string title, IReadOnlyList<Requirement> items, List<TraceEntry> applied, ComposedRuleSet? composed, string lang)
    {
        text.AppendLine();
        text.AppendLine($"{title}:" + (items.Count == 0 ? (lang == "it" ? " nessuno" : " none") : ""));
        foreach (var item in items)
        {
            var entry = applied.First(t => t.Rule == item.Rules[0]);
            text.AppendLine($"  • {item.Code}: {item.Message.In(lang)}");
            text.AppendLine($"    [{Cite(entry, composed)}] ({string.Join(", ", item.Rules)})");
            Links(text, item.LegalBasis);
        }
    }

    // Each citation's link to the text in force on the legal date (CitationLinks), one per line, for a reader to open.
    private static void Links(StringBuilder text, IReadOnlyList<LegalBasis> bases)
    {
        foreach (var url in bases.Select(b => b.Url).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            text.AppendLine($"    → {url}");
        }
    }

    private static string Cite(TraceEntry entry, ComposedRuleSet? composed)
    {
        var origin = composed?.AllRules.FirstOrDefault(r => r.Name == entry.Rule)?.Origin;
        return Citations.Format(entry.LegalBasis, composed, origin);
    }
}
