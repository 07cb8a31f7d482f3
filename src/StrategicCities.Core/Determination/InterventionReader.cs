using System.Text.Json;
using NJsonSchema;
using NJsonSchema.Validation;
using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Determination;

/// <summary>
/// Reads an intervention (DESIGN.md §4) from JSON text: checks it against
/// schemas/intervention.schema.json and flattens it into <see cref="InterventionFacts"/>.
/// </summary>
public sealed class InterventionReader
{
    private readonly JsonSchema _schema;

    private InterventionReader(JsonSchema schema)
    {
        _schema = schema;
    }

    /// <summary>Loads the intervention schema from the schemas folder.</summary>
    public static async Task<InterventionReader> CreateAsync(string schemasDirectory, CancellationToken cancellationToken = default) =>
        new(await JsonSchema.FromFileAsync(Path.Combine(schemasDirectory, "intervention.schema.json"), cancellationToken));

    /// <summary>The facts, or every error found (unknown fields, wrong types, missing category…).</summary>
    public (InterventionFacts? Facts, IReadOnlyList<InputError> Errors) Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            return (null, [NotJson(ex)]);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, [new InputError(Problems.ProblemCatalog.InterventionWrongType, "", new LocalizedText(
                    "L'intervento deve essere un oggetto JSON, ad es. {\"category\": \"nuova-costruzione\"}.",
                    "The intervention must be a JSON object, e.g. {\"category\": \"nuova-costruzione\"}."))]);
            }

            // Every number of the vocabulary is a small integer. Numbers beyond a 32-bit integer are refused before the
            // schema sees them: its validator (Newtonsoft) turns them into BigInteger or infinity and fails on them.
            var tooLarge = new List<InputError>();
            FindOutOfRangeNumbers(document.RootElement, "", tooLarge);
            if (tooLarge.Count > 0)
            {
                return (null, tooLarge);
            }

            var errors = _schema.Validate(json);
            if (errors.Count > 0)
            {
                return (null, [.. errors.Select(ToInputError)]);
            }

            return (ToFacts(document.RootElement), []);
        }
    }

    internal static InputError NotJson(JsonException ex) => new(InputError.Codes.NotJson, "", new LocalizedText(
        $"Il testo non è JSON valido (riga {ex.LineNumber + 1}, posizione {ex.BytePositionInLine + 1}).",
        $"The text is not valid JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1})."));

    private static InterventionFacts ToFacts(JsonElement root)
    {
        bool Flag(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
        string Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
        var use = root.TryGetProperty("useChange", out var u) && u.ValueKind == JsonValueKind.Object ? u : (JsonElement?)null;
        var temporary = root.TryGetProperty("temporary", out var t) && t.ValueKind == JsonValueKind.Object ? t : (JsonElement?)null;
        var protections = root.TryGetProperty("landscapeProtection", out var lp) && lp.ValueKind == JsonValueKind.Array
            ? lp.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal)
            : [];
        var (schedule, item) = LandscapeItem(Text(root, "landscapeItem"));
        return new InterventionFacts
        {
            Category = Text(root, "category"),
            StructuralParts = Flag(root, "structuralParts"),
            FacadeChanges = Flag(root, "facadeChanges"),
            VolumeChange = Flag(root, "volumeChange"),
            ShapeChange = Flag(root, "shapeChange"),
            FootprintChange = Flag(root, "footprintChange"),
            TypologyChange = Flag(root, "typologyChange"),
            OpeningsChange = Flag(root, "openingsChange"),
            SurfaceIncrease = Flag(root, "surfaceIncrease"),
            UnitsChange = Flag(root, "unitsChange"),
            UseChange = use is not null,
            UseFrom = use is { } u1 ? Text(u1, "from") : "",
            UseTo = use is { } u2 ? Text(u2, "to") : "",
            UseChangeWithWorks = use is { } u3 && Flag(u3, "withWorks"),
            UseChangeUrbanisticallyRelevant = use is { } u4 && Flag(u4, "urbanisticallyRelevant"),
            DemolitionAndReconstruction = Flag(root, "demolitionAndReconstruction"),
            Heritage = Flag(root, "heritage"),
            Landscape = Flag(root, "landscape") || protections.Count > 0,
            LandscapeArt136A = protections.Contains("art136-a"),
            LandscapeArt136B = protections.Contains("art136-b"),
            LandscapeArt136C = protections.Contains("art136-c"),
            LandscapeArt136D = protections.Contains("art136-d"),
            LandscapeArt142 = protections.Contains("art142"),
            LandscapeKindStated = protections.Count > 0,
            LandscapeSchedule = schedule,
            LandscapeItem = item,
            ZoneA = Flag(root, "zoneA"),
            SeismicZone = root.TryGetProperty("seismicZone", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : 0,
            SeismicRelevance = Text(root, "seismicRelevance"),
            Temporary = temporary is not null,
            TemporaryDays = temporary is { } t1 && t1.TryGetProperty("days", out var d) && d.ValueKind == JsonValueKind.Number ? d.GetInt32() : 0,
            EnergyRelevant = Flag(root, "energyRelevant"),
            DetailedPlan = Flag(root, "detailedPlan"),
            FreeWork = Text(root, "freeWork"),
            NonConformity = Text(root, "nonConformity"),
            WorksInProgress = Flag(root, "worksInProgress"),
        };
    }

    // The schema's pattern has already admitted only "A.<n>" or "B.<n>".
    private static (string Schedule, int Item) LandscapeItem(string text) =>
        text.Length >= 3 && int.TryParse(text.AsSpan(2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? (text[..1], n)
            : ("", 0);

    private static void FindOutOfRangeNumbers(JsonElement element, string pointer, List<InputError> errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    FindOutOfRangeNumbers(property.Value, pointer + "/" + EscapePointer(property.Name), errors);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    FindOutOfRangeNumbers(item, pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture), errors);
                    index++;
                }

                break;
            case JsonValueKind.Number when !element.TryGetDouble(out var value) || Math.Abs(value) > int.MaxValue:
                errors.Add(new InputError(Problems.ProblemCatalog.InterventionOutOfRange, pointer, new LocalizedText(
                    $"Numero fuori intervallo in {pointer}: i numeri dell'intervento sono interi piccoli (ad es. seismicZone da 1 a 4).",
                    $"Number out of range at {pointer}: the intervention's numbers are small integers (e.g. seismicZone 1 to 4).")));
                break;
        }
    }

    private static string EscapePointer(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static InputError ToInputError(ValidationError error)
    {
        var pointer = SchemaErrors.Pointer(error);
        return error.Kind switch
        {
            ValidationErrorKind.NoAdditionalPropertiesAllowed => new(Problems.ProblemCatalog.InterventionUnknownField, pointer, new LocalizedText(
                $"Il campo \"{error.Property}\" non fa parte del vocabolario degli interventi (schemas/intervention.schema.json).",
                $"Field \"{error.Property}\" is not part of the intervention vocabulary (schemas/intervention.schema.json).")),
            ValidationErrorKind.PropertyRequired => new(Problems.ProblemCatalog.InterventionMissingField, pointer, new LocalizedText(
                $"Manca il campo obbligatorio \"{error.Property}\".",
                $"Required field \"{error.Property}\" is missing.")),
            ValidationErrorKind.NotInEnumeration => new(Problems.ProblemCatalog.InterventionUnknownValue, pointer, new LocalizedText(
                $"Valore non ammesso in {pointer}: {SchemaErrors.Expected(error, "it")}.",
                $"Value not allowed at {pointer}: {SchemaErrors.Expected(error, "en")}.")),
            _ when SchemaErrors.IsTypeError(error.Kind) => new(Problems.ProblemCatalog.InterventionWrongType, pointer, new LocalizedText(
                $"Tipo errato in {pointer}: {SchemaErrors.Expected(error, "it")}.",
                $"Wrong type at {pointer}: {SchemaErrors.Expected(error, "en")}.")),
            _ => new(Problems.ProblemCatalog.InterventionOutOfRange, pointer, new LocalizedText(
                $"Valore non valido in {pointer}: {SchemaErrors.Expected(error, "it")}.",
                $"Invalid value at {pointer}: {SchemaErrors.Expected(error, "en")}.")),
        };
    }
}
