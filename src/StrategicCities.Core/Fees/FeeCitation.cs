using System.Text.Json.Serialization;
using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Fees;

/// <summary>A legal basis of a fee line with its instrument resolved (title and link), so the reader needs no other file.</summary>
/// <param name="Instrument">The instrument's id in its file.</param>
/// <param name="Title">The instrument's title; for a municipal deliberation it carries the number and the date.</param>
/// <param name="Article">Article (or point of a deliberation).</param>
/// <param name="Paragraph">Paragraph (comma).</param>
/// <param name="Letter">Letter.</param>
/// <param name="Note">What the citation rests on when it is guidance, disputed or a sample.</param>
/// <param name="Href">Link to the text.</param>
/// <param name="File">The rule file that gives it.</param>
public sealed record FeeCitation(
    [property: JsonPropertyName("instrument")] string Instrument,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("article")] string Article,
    [property: JsonPropertyName("paragraph")] string? Paragraph,
    [property: JsonPropertyName("letter")] string? Letter,
    [property: JsonPropertyName("note")] string? Note,
    [property: JsonPropertyName("href")] string? Href,
    [property: JsonPropertyName("file")] string File)
{
    internal static IReadOnlyList<FeeCitation> Resolve(FeeVersion version, IEnumerable<LegalBasis> bases) =>
    [
        .. bases.Select(b =>
        {
            var instrument = version.Header.Instruments.First(i => i.Id == b.Instrument);
            return new FeeCitation(b.Instrument, instrument.Title, b.Article, b.Paragraph, b.Letter, b.Note, instrument.Href, version.Header.File);
        }),
    ];

    /// <inheritdoc />
    public override string ToString() =>
        $"{Title}, art. {Article}{(Paragraph is null ? "" : " c. " + Paragraph)}{(Letter is null ? "" : " lett. " + Letter)}";
}
