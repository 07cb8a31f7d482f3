using System.Text.Json;
using System.Text.Json.Serialization;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Determination;

namespace StrategicCities.Core.Forms;

/// <summary>
/// Writes a <see cref="ValidationReport"/> member by member, each list by index with its items' own converters: the
/// serializer's metadata-driven writing of the report (a property walk, a boxed enumerator and a resumable state per
/// list) was a third of writing the validate endpoint's 11 KB answer. The output is byte for byte the serializer's
/// (<c>TraceEntryJsonConverterTests</c> and <c>ValidationReportJsonConverterTests</c> compare them): the names are the
/// record's <c>JsonPropertyName</c>s, no member is ever null, and indentation is the writer's.
/// <see cref="JsonDefaults.Apply"/> adds one to each options instance.
/// </summary>
public sealed class ValidationReportJsonConverter : JsonConverter<ValidationReport>
{
    private static readonly JsonEncodedText Valid = JsonEncodedText.Encode("valid");
    private static readonly JsonEncodedText Form = JsonEncodedText.Encode("form");
    private static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
    private static readonly JsonEncodedText Municipality = JsonEncodedText.Encode("municipality");
    private static readonly JsonEncodedText LegalDate = JsonEncodedText.Encode("legalDate");
    private static readonly JsonEncodedText Errors = JsonEncodedText.Encode("errors");
    private static readonly JsonEncodedText Warnings = JsonEncodedText.Encode("warnings");
    private static readonly JsonEncodedText RequiredAttachments = JsonEncodedText.Encode("requiredAttachments");
    private static readonly JsonEncodedText Trace = JsonEncodedText.Encode("trace");
    private static readonly JsonEncodedText Pinned = JsonEncodedText.Encode("pinned");

    // The item converters of each options instance.
    private readonly PerOptions<Items> _items;

    /// <summary>A converter with no options seen yet.</summary>
    public ValidationReportJsonConverter() => _items = new(o => new Items(o, this));

    /// <inheritdoc/>
    public override ValidationReport? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<ValidationReport>(ref reader, For(options).Plain);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, ValidationReport value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var items = For(options);
        writer.WriteStartObject();
        writer.WriteBoolean(Valid, value.Valid);
        writer.WriteString(Form, value.Form);
        writer.WriteString(Version, value.Version);
        writer.WriteString(Municipality, value.Municipality);
        writer.WritePropertyName(LegalDate);
        items.Date.Write(writer, value.LegalDate, options);
        WriteList(writer, Errors, value.Errors, items.Issue, options);
        WriteList(writer, Warnings, value.Warnings, items.Issue, options);
        WriteList(writer, RequiredAttachments, value.RequiredAttachments, items.Attachment, options);
        WriteList(writer, Trace, value.Trace, items.Trace, options);
        WriteList(writer, Pinned, value.Pinned, items.Pin, options);
        writer.WriteEndObject();
    }

    private static void WriteList<T>(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<T> list, JsonConverter<T> item, JsonSerializerOptions options)
    {
        writer.WriteStartArray(name);
        for (var i = 0; i < list.Count; i++)
        {
            item.Write(writer, list[i], options);
        }

        writer.WriteEndArray();
    }

    private Items For(JsonSerializerOptions options) => _items.For(options);

    private sealed class Items
    {
        public Items(JsonSerializerOptions options, JsonConverter self)
        {
            var plain = new JsonSerializerOptions(options);
            plain.Converters.Remove(self);
            plain.MakeReadOnly(populateMissingResolver: true);
            Plain = plain;
            Date = (JsonConverter<DateOnly>)options.GetConverter(typeof(DateOnly));
            Issue = (JsonConverter<ValidationIssue>)options.GetConverter(typeof(ValidationIssue));
            Attachment = (JsonConverter<RequiredAttachment>)options.GetConverter(typeof(RequiredAttachment));
            Trace = (JsonConverter<TraceEntry>)options.GetConverter(typeof(TraceEntry));
            Pin = (JsonConverter<PinnedVersion>)options.GetConverter(typeof(PinnedVersion));
        }

        /// <summary>The same options without this converter, to read a report.</summary>
        public JsonSerializerOptions Plain { get; }

        public JsonConverter<DateOnly> Date { get; }

        public JsonConverter<ValidationIssue> Issue { get; }

        public JsonConverter<RequiredAttachment> Attachment { get; }

        public JsonConverter<TraceEntry> Trace { get; }

        public JsonConverter<PinnedVersion> Pin { get; }
    }
}
