using System.Text;
using StrategicCities.Core.Catalog;

namespace StrategicCities.Core.Legal;

/// <summary>Renders legal bases as readable Italian citations using the instruments of the rule's file.</summary>
public static class Citations
{
    /// <summary>E.g. <c>D.P.R. 6 giugno 2001, n. 380, art. 22, c. 1, lett. a</c>.</summary>
    public static string Format(LegalBasis basis, Instrument? instrument)
    {
        var text = new StringBuilder(instrument?.Title ?? basis.Instrument);
        text.Append(", art. ").Append(basis.Article);
        if (basis.Paragraph is not null)
        {
            text.Append(", c. ").Append(basis.Paragraph);
        }

        if (basis.Letter is not null)
        {
            text.Append(", lett. ").Append(basis.Letter);
        }

        if (basis.Note is not null)
        {
            text.Append(" (").Append(basis.Note).Append(')');
        }

        return text.ToString();
    }

    /// <summary>All bases of a rule, joined, resolved against the composed rule set it belongs to.</summary>
    public static string Format(IEnumerable<LegalBasis> bases, ComposedRuleSet? composed, RuleOrigin? origin) =>
        string.Join("; ", bases.Select(b => Format(b, composed is null || origin is null ? null : composed.FindInstrument(origin, b.Instrument))));
}
