using System.Text.Json.Serialization;

namespace StrategicCities.Core.Legal;

/// <summary>
/// A pinpoint citation of the law a rule, a transition or a term rests on.
/// <paramref name="Instrument"/> names an entry in the instruments of the same file. <paramref name="Url"/> is set on the
/// citations of a case's outputs (trace, report): the article as in force on the case's legal date
/// (<c>LawLinks.CitationLinks</c>); rule files never carry it.
/// </summary>
public sealed record LegalBasis(
    [property: JsonPropertyName("instrument")] string Instrument,
    [property: JsonPropertyName("article")] string Article,
    [property: JsonPropertyName("paragraph")] string? Paragraph = null,
    [property: JsonPropertyName("letter")] string? Letter = null,
    [property: JsonPropertyName("note")] string? Note = null,
    [property: JsonPropertyName("url"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Url = null)
{
    /// <summary>Italian-style short citation, e.g. <c>dpr380 art. 10 c. 1 lett. c</c>.</summary>
    public override string ToString()
    {
        var text = $"{Instrument} art. {Article}";
        if (Paragraph is not null)
        {
            text += $" c. {Paragraph}";
        }

        if (Letter is not null)
        {
            text += $" lett. {Letter}";
        }

        return text;
    }
}
