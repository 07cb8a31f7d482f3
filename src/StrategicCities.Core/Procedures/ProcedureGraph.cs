using System.Text;

namespace StrategicCities.Core.Procedures;

/// <summary>Output formats of <see cref="ProcedureGraph.Render"/>.</summary>
public enum GraphFormat
{
    /// <summary>Mermaid <c>stateDiagram-v2</c>.</summary>
    Mermaid,

    /// <summary>Graphviz DOT.</summary>
    Dot,
}

/// <summary>
/// Draws a procedure: every state, and every transition labelled with its trigger, its guard rule
/// and its legal basis. Rendered from the definition rather than with Stateless.Graph, whose labels
/// cannot carry the legal basis. Used by <c>permits graph</c> and <c>GET /procedures/{id}/graph</c>.
/// </summary>
public static class ProcedureGraph
{
    /// <summary>Parses <c>mermaid</c> or <c>dot</c> (case-insensitive).</summary>
    public static GraphFormat? ParseFormat(string? text) => text?.ToLowerInvariant() switch
    {
        "mermaid" => GraphFormat.Mermaid,
        "dot" => GraphFormat.Dot,
        _ => null,
    };

    /// <summary>The graph of <paramref name="definition"/> in <paramref name="format"/>.</summary>
    public static string Render(ProcedureDefinition definition, GraphFormat format)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return format == GraphFormat.Dot ? Dot(definition) : Mermaid(definition);
    }

    /// <summary>The label of a transition: trigger, guard and legal basis.</summary>
    public static string Label(ProcedureTransition transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var label = transition.Trigger;
        if (transition.Guard is not null)
        {
            label += $" [{transition.Guard}]";
        }

        return label + " · " + string.Join("; ", transition.LegalBasis.Select(b => b.ToString()));
    }

    private static string Mermaid(ProcedureDefinition definition)
    {
        var text = new StringBuilder();
        text.Append("---\ntitle: ").Append(MermaidText($"{definition.Id} {definition.Header.Version}")).Append("\n---\n");
        text.Append("stateDiagram-v2\n");
        foreach (var state in definition.States)
        {
            text.Append("    state \"").Append(MermaidText(state.Name.It)).Append("\" as ").Append(MermaidId(state.Id)).Append('\n');
        }

        text.Append("    [*] --> ").Append(MermaidId(definition.Initial)).Append('\n');
        foreach (var t in definition.Transitions)
        {
            text.Append("    ").Append(MermaidId(t.From)).Append(" --> ").Append(MermaidId(t.To))
                .Append(" : ").Append(MermaidText(Label(t))).Append('\n');
        }

        foreach (var state in definition.States.Where(s => s.Final))
        {
            text.Append("    ").Append(MermaidId(state.Id)).Append(" --> [*]\n");
        }

        return text.ToString();
    }

    private static string Dot(ProcedureDefinition definition)
    {
        var text = new StringBuilder();
        text.Append("digraph ").Append(DotString($"{definition.Id} {definition.Header.Version}")).Append(" {\n");
        text.Append("  rankdir=LR;\n  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n");
        text.Append("  \"__start\" [shape=point, label=\"\"];\n");
        foreach (var state in definition.States)
        {
            text.Append("  ").Append(DotString(state.Id)).Append(" [label=").Append(DotString($"{state.Name.It}\n({state.Id})"))
                .Append(state.Final ? ", peripheries=2" : "").Append("];\n");
        }

        text.Append("  \"__start\" -> ").Append(DotString(definition.Initial)).Append(";\n");
        foreach (var t in definition.Transitions)
        {
            text.Append("  ").Append(DotString(t.From)).Append(" -> ").Append(DotString(t.To))
                .Append(" [label=").Append(DotString(Label(t))).Append("];\n");
        }

        return text.Append("}\n").ToString();
    }

    // Mermaid state ids: letters, digits and underscores only.
    private static string MermaidId(string id) => string.Concat(id.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'));

    // Mermaid labels: no characters that end a statement or a label.
    private static string MermaidText(string text) =>
        text.Replace("\"", "'", StringComparison.Ordinal).Replace(":", " ", StringComparison.Ordinal)
            .Replace(";", ",", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string DotString(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
