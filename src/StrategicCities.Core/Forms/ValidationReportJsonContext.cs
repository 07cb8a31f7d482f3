using System.Text.Json.Serialization;

namespace StrategicCities.Core.Forms;

/// <summary>
/// The validation report's serialization metadata, generated at build time: the validate endpoint's answer is
/// written from generated property accessors rather than reflection, and every member of the report and its items is
/// written as the records declare it (a new member needs no other edit). <see cref="JsonDefaults.Apply"/> puts it
/// first among an options instance's resolvers; the options still apply (encoder, indentation, converters: the trace
/// entries are written by <see cref="Determination.TraceEntryJsonConverter"/>).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ValidationReport))]
internal sealed partial class ValidationReportJsonContext : JsonSerializerContext;
