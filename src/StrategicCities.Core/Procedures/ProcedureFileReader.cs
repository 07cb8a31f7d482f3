using System.Text.Json;
using NJsonSchema;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Procedures;

/// <summary>
/// Reads one procedure file: JSON syntax, the meta-schema (<c>schemas/meta/procedure.schema.json</c>
/// or <c>procedure-overlay.schema.json</c>), the header, then the model. Consistency checks across
/// elements are the loader's (<see cref="ProcedureLoader"/>).
/// </summary>
internal sealed class ProcedureFileReader(JsonSchema nationalSchema, JsonSchema overlaySchema)
{
    /// <summary>The folder, under a layer's folder, that holds procedure definitions.</summary>
    public const string Folder = "procedures";

    public static async Task<ProcedureFileReader> CreateAsync(string schemasDirectory, CancellationToken cancellationToken)
    {
        var meta = Path.Combine(schemasDirectory, "meta");
        return new ProcedureFileReader(
            await JsonSchema.FromFileAsync(Path.Combine(meta, "procedure.schema.json"), cancellationToken),
            await JsonSchema.FromFileAsync(Path.Combine(meta, "procedure-overlay.schema.json"), cancellationToken));
    }

    public (ProcedureDefinition? National, ProcedureOverlay? Overlay) Read(string relativePath, byte[] bytes, ICollection<CatalogProblem> problems)
    {
        var location = RuleFileLocation.Parse(relativePath);
        var parts = location?.RuleSet.Split('/') ?? [];
        if (location is null || parts.Length != 2 || parts[0] != Folder)
        {
            problems.Add(new(relativePath, null, "file.misplaced",
                "a procedure file must be national/procedures/<regime>/<version>.json, regions/<rr>/procedures/<regime>/<version>.json or municipalities/<istat>/procedures/<regime>/<version>.json"));
            return (null, null);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException ex)
        {
            problems.Add(new(relativePath, null, "json.invalid", $"not valid JSON at line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}"));
            return (null, null);
        }

        using (document)
        {
            var schema = location.Layer == Layer.National ? nationalSchema : overlaySchema;
            var errors = schema.Validate(System.Text.Encoding.UTF8.GetString(bytes));
            if (errors.Count > 0)
            {
                foreach (var error in errors)
                {
                    var pointer = RuleFileReader.ToPointer(error.Path);
                    problems.Add(new(relativePath, ElementAt(document.RootElement, pointer), "meta-schema", $"{pointer}: {RuleFileReader.Describe(error)}"));
                }

                return (null, null);
            }

            var root = document.RootElement;
            var header = ReadHeader(root, location, parts[1], relativePath, bytes, problems);
            if (header is null)
            {
                return (null, null);
            }

            return location.Layer == Layer.National
                ? (ReadNational(root, header), null)
                : (null, ReadOverlay(root, header));
        }
    }

    private static RuleFileHeader? ReadHeader(
        JsonElement root, RuleFileLocation location, string regimeOfPath, string file, byte[] bytes, ICollection<CatalogProblem> problems)
    {
        var id = root.GetProperty("id").GetString()!;
        var version = root.GetProperty("version").GetString()!;
        var jurisdiction = root.GetProperty("jurisdiction").GetString()!;
        var count = problems.Count;
        var declared = location.Layer == Layer.National ? id : root.GetProperty("overlays").GetString()!;
        if (declared != regimeOfPath || id != regimeOfPath)
        {
            problems.Add(new(file, null, "file.misplaced", $"the file declares procedure '{declared}' but lies in the folder of '{regimeOfPath}'"));
        }

        if (location.Version != version)
        {
            problems.Add(new(file, null, "file.misplaced", $"the file declares version {version} but is named {RuleFileLocation.FileName(location.Version, location.Revision)}"));
        }

        if (location.Jurisdiction != jurisdiction)
        {
            problems.Add(new(file, null, "file.misplaced", $"the file declares jurisdiction '{jurisdiction}' but lies under '{location.Jurisdiction}'"));
        }

        if (location.Layer != Layer.National && Layers.Parse(root.GetProperty("layer").GetString()) != location.Layer)
        {
            problems.Add(new(file, null, "file.misplaced", $"the file declares layer '{root.GetProperty("layer").GetString()}' but lies under the {location.Layer.Name()} folder"));
        }

        var from = RuleFileReader.ParseDate(root.GetProperty("validFrom").GetString()!);
        var toElement = root.GetProperty("validTo");
        DateOnly? to = toElement.ValueKind == JsonValueKind.Null ? null : RuleFileReader.ParseDate(toElement.GetString()!);
        if (from is null || (toElement.ValueKind != JsonValueKind.Null && to is null))
        {
            problems.Add(new(file, null, "validity.invalid", "validFrom/validTo is not a real calendar date"));
            return null;
        }

        if (to is not null && to.Value <= from.Value)
        {
            problems.Add(new(file, null, "validity.invalid", $"validTo {to:yyyy-MM-dd} must come after validFrom {from:yyyy-MM-dd} (validity is half-open)"));
        }

        if (version != root.GetProperty("validFrom").GetString())
        {
            problems.Add(new(file, null, "validity.invalid", $"version {version} must equal validFrom {root.GetProperty("validFrom").GetString()}"));
        }

        var instruments = root.GetProperty("instruments").EnumerateArray()
            .Select(i => new Instrument(i.GetProperty("id").GetString()!, i.GetProperty("title").GetString()!,
                i.TryGetProperty("href", out var href) ? href.GetString() : null))
            .ToList();
        foreach (var duplicate in instruments.GroupBy(i => i.Id).Where(g => g.Count() > 1))
        {
            problems.Add(new(file, null, "instrument.duplicate", $"instrument '{duplicate.Key}' is declared twice"));
        }

        if (problems.Count > count)
        {
            return null;
        }

        return new RuleFileHeader
        {
            Id = id,
            Layer = location.Layer,
            Jurisdiction = jurisdiction,
            Version = version,
            Revision = location.Revision,
            Validity = new Validity(from.Value, to),
            Title = root.TryGetProperty("title", out var title) ? RuleFileReader.ReadText(title) : null,
            Instruments = instruments,
            File = file,
            ContentHash = ContentHash.Of(bytes),
        };
    }

    private static ProcedureDefinition ReadNational(JsonElement root, RuleFileHeader header)
    {
        var file = header.File;
        return new ProcedureDefinition
        {
            Header = header,
            GuardRuleSet = root.TryGetProperty("guards", out var guards) ? guards.GetString()! : "procedure-guards",
            Initial = root.GetProperty("initial").GetString()!,
            States = ReadStates(root, file),
            Events = root.TryGetProperty("events", out var events)
                ? [.. events.EnumerateArray().Select(e => new ProcedureEventType(e.GetProperty("id").GetString()!, RuleFileReader.ReadText(e.GetProperty("name"))))]
                : [],
            Triggers = ReadTriggers(root, file),
            Transitions = ReadTransitions(root, file),
            Terms = [.. root.GetProperty("terms").EnumerateArray().Select(ReadTerm)],
            ExtensionPoints = root.TryGetProperty("extensionPoints", out var points)
                ? [.. points.EnumerateArray().Select(p => new ProcedureExtensionPoint(
                    p.GetProperty("id").GetString()!,
                    p.GetProperty("state").GetString()!,
                    [.. p.GetProperty("allowedFor").EnumerateArray().Select(a => Layers.Parse(a.GetString())!.Value)],
                    p.TryGetProperty("description", out var d) ? RuleFileReader.ReadText(d) : null,
                    RuleFileReader.ReadLegalBasis(p.GetProperty("legalBasis"))))]
                : [],
        };
    }

    private static ProcedureOverlay ReadOverlay(JsonElement root, RuleFileHeader header) => new(
        header,
        root.GetProperty("overlays").GetString()!,
        [.. root.GetProperty("add").EnumerateArray().Select(step => new ProcedureStep(
            step.GetProperty("extends").GetString()!,
            ReadStates(step, header.File),
            ReadTriggers(step, header.File),
            ReadTransitions(step, header.File)))]);

    private static List<ProcedureState> ReadStates(JsonElement parent, string file) => parent.TryGetProperty("states", out var states)
        ? [.. states.EnumerateArray().Select(s => new ProcedureState(
            s.GetProperty("id").GetString()!,
            RuleFileReader.ReadText(s.GetProperty("name")),
            s.TryGetProperty("final", out var f) && f.GetBoolean(),
            file))]
        : [];

    private static List<ProcedureTrigger> ReadTriggers(JsonElement parent, string file) => parent.TryGetProperty("triggers", out var triggers)
        ? [.. triggers.EnumerateArray().Select(t => new ProcedureTrigger(
            t.GetProperty("id").GetString()!,
            RuleFileReader.ReadText(t.GetProperty("name")),
            [.. t.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!)],
            file))]
        : [];

    private static List<ProcedureTransition> ReadTransitions(JsonElement parent, string file)
    {
        var transitions = new List<ProcedureTransition>();
        foreach (var t in parent.GetProperty("transitions").EnumerateArray())
        {
            var fromElement = t.GetProperty("from");
            IEnumerable<string> sources = fromElement.ValueKind == JsonValueKind.Array
                ? fromElement.EnumerateArray().Select(f => f.GetString()!)
                : [fromElement.GetString()!];
            var legalBasis = RuleFileReader.ReadLegalBasis(t.GetProperty("legalBasis"));
            var guard = t.TryGetProperty("guard", out var g) ? g.GetString() : null;
            foreach (var from in sources)
            {
                transitions.Add(new ProcedureTransition(from, t.GetProperty("trigger").GetString()!, t.GetProperty("to").GetString()!, guard, legalBasis, file));
            }
        }

        return transitions;
    }

    private static ProcedureTerm ReadTerm(JsonElement t)
    {
        List<string> Names(string property) => t.TryGetProperty(property, out var array) ? [.. array.EnumerateArray().Select(e => e.GetString()!)] : [];
        int? Number(string property) => t.TryGetProperty(property, out var n) ? n.GetInt32() : null;
        return new ProcedureTerm
        {
            Id = t.GetProperty("id").GetString()!,
            Name = RuleFileReader.ReadText(t.GetProperty("name")),
            Start = Names("start"),
            Days = Number("days"),
            Years = Number("years"),
            Months = Number("months"),
            When = t.TryGetProperty("when", out var when) ? when.GetString() : null,
            Extensions = t.TryGetProperty("extensions", out var extensions) ? [.. extensions.EnumerateArray().Select(ReadExtension)] : [],
            Periods = t.TryGetProperty("periods", out var periods) ? [.. periods.EnumerateArray().Select(ReadPeriod)] : [],
            Kind = t.TryGetProperty("kind", out var kind) ? kind.GetString() switch
            {
                "validity" => Clock.TermKind.Validity,
                "cap" => Clock.TermKind.Cap,
                _ => Clock.TermKind.Procedural,
            } : Clock.TermKind.Procedural,
            StartOnExpiryOf = t.TryGetProperty("startOnExpiryOf", out var source) ? source.GetString() : null,
            SuspensionCauses = t.TryGetProperty("suspensions", out var causes) ? [.. causes.EnumerateArray().Select(ReadSuspension)] : [],
            SuspendOn = Names("suspendOn"),
            ResumeOn = Names("resumeOn"),
            ResumeDelayDays = Number("resumeDelayDays") ?? 0,
            ResumeAfterDays = Number("resumeAfterDays"),
            MaxSuspensions = Number("maxSuspensions"),
            InterruptOn = Names("interruptOn"),
            RestartOn = Names("restartOn"),
            RestartAfterDays = Number("restartAfterDays"),
            MaxInterruptions = Number("maxInterruptions"),
            MetBy = Names("metBy"),
            OnExpiry = t.TryGetProperty("onExpiry", out var e) ? e.GetString() : null,
            Doubling = t.TryGetProperty("doubling", out var d) ? ReadDoubling(d) : null,
            LegalBasis = RuleFileReader.ReadLegalBasis(t.GetProperty("legalBasis")),
        };
    }

    private static Clock.TermLengthPeriod ReadPeriod(JsonElement p) => new()
    {
        From = DateOnly.ParseExact(p.GetProperty("from").GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Days = p.TryGetProperty("days", out var days) ? days.GetInt32() : null,
        Months = p.TryGetProperty("months", out var months) ? months.GetInt32() : null,
        LegalBasis = p.TryGetProperty("legalBasis", out var basis) ? RuleFileReader.ReadLegalBasis(basis) : [],
    };

    private static Clock.TermExtension ReadExtension(JsonElement e)
    {
        static DateOnly Day(JsonElement e, string name) =>
            DateOnly.ParseExact(e.GetProperty(name).GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return new Clock.TermExtension
        {
            ExpiringFrom = Day(e, "expiringFrom"),
            ExpiringTo = Day(e, "expiringTo"),
            ValidUntil = Day(e, "validUntil"),
            LegalBasis = e.TryGetProperty("legalBasis", out var basis) ? RuleFileReader.ReadLegalBasis(basis) : [],
        };
    }

    private static Clock.TermSuspensionCause ReadSuspension(JsonElement s)
    {
        List<string> Names(string property) => s.TryGetProperty(property, out var array) ? [.. array.EnumerateArray().Select(e => e.GetString()!)] : [];
        return new Clock.TermSuspensionCause
        {
            On = Names("on"),
            ResumeOn = Names("resumeOn"),
            ResumeDelayDays = s.TryGetProperty("resumeDelayDays", out var delay) ? delay.GetInt32() : 0,
            ResumeAfterDays = s.TryGetProperty("resumeAfterDays", out var after) ? after.GetInt32() : null,
            MaxSuspensions = s.TryGetProperty("maxSuspensions", out var max) ? max.GetInt32() : null,
            LegalBasis = s.TryGetProperty("legalBasis", out var basis) ? RuleFileReader.ReadLegalBasis(basis) : [],
        };
    }

    private static ProcedureTermDoubling ReadDoubling(JsonElement d) => new()
    {
        PopulationAbove = d.TryGetProperty("populationAbove", out var p) ? p.GetInt32() : null,
        Events = d.TryGetProperty("events", out var events) ? [.. events.EnumerateArray().Select(e => e.GetString()!)] : [],
        Days = d.TryGetProperty("days", out var days) ? days.GetInt32() : null,
        LegalBasis = d.TryGetProperty("legalBasis", out var basis) ? RuleFileReader.ReadLegalBasis(basis) : [],
    };

    /// <summary>Best effort: names the element (e.g. <c>transitions[3]</c>, <c>term pdc-istruttoria</c>) a schema error sits in.</summary>
    private static string? ElementAt(JsonElement root, string pointer)
    {
        var segments = pointer.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2 || !root.TryGetProperty(segments[0], out var array) || array.ValueKind != JsonValueKind.Array
            || !int.TryParse(segments[1], System.Globalization.CultureInfo.InvariantCulture, out var index) || index >= array.GetArrayLength())
        {
            return segments.Length > 0 ? segments[0] : null;
        }

        var element = array[index];
        return element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? $"{segments[0]}[{index}] {id.GetString()}"
            : $"{segments[0]}[{index}]";
    }
}
