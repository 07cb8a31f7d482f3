using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StrategicCities.Core.Determination;

/// <summary>
/// Writes a <see cref="TraceEntry"/> from its JSON text, kept per shared entry (<see cref="TraceEntry.For"/>): a report
/// lists every rule of its rule set, each time with the same legal basis and messages, and writing those afresh was a
/// large share of the validate endpoint's CPU under load. The output is byte for byte what the serializer writes (the
/// text is the serializer's, with the same options). Indented output is written normally, since kept text would not
/// be indented to its depth. <see cref="JsonDefaults.Apply"/> adds one to each options instance.
/// </summary>
public sealed class TraceEntryJsonConverter : JsonConverter<TraceEntry>
{
    // Kept text is right only for the options it was written with.
    private readonly PerOptions<Texts> _texts;

    /// <summary>A converter with no text kept yet.</summary>
    public TraceEntryJsonConverter() => _texts = new(o => new Texts(o, this));

    /// <inheritdoc/>
    public override TraceEntry? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<TraceEntry>(ref reader, For(options).Plain);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TraceEntry value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var texts = For(options);
        if (options.WriteIndented)
        {
            JsonSerializer.Serialize(writer, value, texts.Plain);
            return;
        }

        writer.WriteRawValue(texts.Json.GetValue(value, texts.Serialize), skipInputValidation: true);
    }

    private Texts For(JsonSerializerOptions options) => _texts.For(options);

    private sealed class Texts
    {
        public Texts(JsonSerializerOptions options, JsonConverter self)
        {
            // The same options without this converter: how an entry is written the first time (and read).
            var plain = new JsonSerializerOptions(options);
            plain.Converters.Remove(self);
            plain.MakeReadOnly(populateMissingResolver: true);
            Plain = plain;
            Serialize = entry => JsonSerializer.SerializeToUtf8Bytes(entry, Plain);
        }

        public JsonSerializerOptions Plain { get; }

        public ConditionalWeakTable<TraceEntry, byte[]> Json { get; } = new();

        public ConditionalWeakTable<TraceEntry, byte[]>.CreateValueCallback Serialize { get; }
    }
}
