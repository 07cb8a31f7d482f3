using System.Text.Json;
using NJsonSchema;
using NJsonSchema.Validation;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Determination;
using StrategicCities.Core.Forms.Formats;
using StrategicCities.Core.Forms.Validation;
using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Forms;

/// <summary>
/// Validates a submitted form: JSON Schema (NJsonSchema, with the Italian formats) of the merged schema for the
/// municipality and date, then the form's rule set <c>forms/&lt;form&gt;</c> of the layers in force → one
/// <see cref="ValidationReport"/>.
/// </summary>
/// <remarks>
/// Rule semantics (rules/README.md, "Forms"): in workflow <c>checks</c> a rule's expression states a
/// requirement; <c>true</c> means satisfied, <c>false</c> yields an issue with the rule's code, pointer,
/// severity and messages. In workflow <c>attachments</c> a rule's expression states when a document is
/// needed; when it holds, the rule's <c>effect.attachment</c> is required, and a form whose <c>/allegati</c>
/// does not list it gets an issue with the rule's code. Rules added by a municipality are capped at
/// <c>warning</c>: a municipality may not make new data mandatory (D.Lgs. 126/2016 art. 2 c.5).
/// </remarks>
public sealed class FormValidator(RuleCatalog catalog, FormSchemaProvider schemas)
{
    /// <summary>Deepest nesting a form may have (the national forms need 6).</summary>
    public const int MaxDepth = 32;

    /// <summary>Workflow of requirements.</summary>
    public const string ChecksWorkflow = "checks";

    /// <summary>Workflow of required attachments.</summary>
    public const string AttachmentsWorkflow = "attachments";

    // Keyed by the file versions in force (compared by identity: they are loaded once), so bounded by the rule files.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(RuleSetVersion, OverlayVersion?, OverlayVersion?), Lazy<Task<FormRules>>> _rules =
        new(IdentityTupleComparer.Instance);

    // The Italian formats (istat-comune also looked up in the catalog's register) and NJsonSchema's built-in ones.
    private readonly JsonSchemaValidatorSettings _formats =
        ItalianFormats.CreateValidatorSettings(code => catalog.Municipalities.Find(code) is not null);

    // Each merged schema prepared once (see CompiledSchema for why); merged schemas are cached and few, so is this.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<JsonSchema, CompiledSchema> _compiled = new();

    // Whether the form fits its intervention and its place (form.regime-mismatch, form.location-mismatch).
    private readonly FormFit _fit = new(catalog);

    // What a report pins of each merged schema, made once per schema.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<MergedFormSchema, PinnedVersion[]> _schemaPins = new();

    /// <summary>Stable codes of this validator's input errors.</summary>
    public static class Codes
    {
        /// <summary>No form has that code.</summary>
        public const string UnknownForm = Problems.ProblemCatalog.FormUnknown;

        /// <summary>The form nests deeper than <see cref="MaxDepth"/>.</summary>
        public const string TooDeep = Problems.ProblemCatalog.BodyTooDeep;

        /// <summary>The form is not a JSON object.</summary>
        public const string NotObject = Problems.ProblemCatalog.BodyNotObject;
    }

    /// <summary>The schemas used.</summary>
    public FormSchemaProvider Schemas => schemas;

    /// <summary>Rule-set id of a form's cross-field rules.</summary>
    public static string RuleSetId(string form) => "forms/" + form;

    /// <summary>The merged schema a portal renders (GET /forms/{form}/schema).</summary>
    public async Task<(MergedFormSchema? Schema, InputError? Error)> GetSchemaAsync(
        string form, string municipality, DateOnly legalDate, CancellationToken cancellationToken = default)
    {
        if (!schemas.IsForm(form))
        {
            return (null, schemas.UnknownForm(form));
        }

        var (found, error) = catalog.FindMunicipality(municipality);
        return found is null ? (null, error) : await schemas.GetAsync(form, municipality, legalDate, cancellationToken);
    }

    /// <summary>Validates a form given as JSON text. Mistakes in the request come back as input errors.</summary>
    /// <exception cref="RuleEvaluationException">A rule expression threw: a fault of the rule set, never of the applicant.</exception>
    public async Task<(ValidationReport? Report, IReadOnlyList<InputError> Errors)> ValidateAsync(
        string form, string municipality, DateOnly legalDate, string json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        var (schema, error) = await GetSchemaAsync(form, municipality, legalDate, cancellationToken);
        if (schema is null)
        {
            return (null, [error!]);
        }

        // One parse on the happy path; the reader pass that explains a refusal runs only when the parse fails.
        var utf8 = System.Text.Encoding.UTF8.GetBytes(json);
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException)
        {
            return (null, [CheckBody(utf8) ?? NotJson(utf8, 0)]);
        }

        using var document = parsed;
        return await ValidateAsync(schema, municipality, legalDate, document, cancellationToken);
    }

    /// <summary>
    /// Validates a form the caller has parsed, with its own limit on nesting (the API's <c>Limits:MaxJsonDepth</c>), against
    /// a schema from <see cref="GetSchemaAsync"/> for the same municipality and date: the text is not read again.
    /// </summary>
    /// <exception cref="RuleEvaluationException">A rule expression threw: a fault of the rule set, never of the applicant.</exception>
    public async Task<(ValidationReport? Report, IReadOnlyList<InputError> Errors)> ValidateAsync(
        MergedFormSchema schema, string municipality, DateOnly legalDate, JsonDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);
        var (found, unknown) = catalog.FindMunicipality(municipality);
        if (found is null)
        {
            return (null, [unknown!]);
        }

        var form = schema.Version.Form;
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return (null, [new InputError(Codes.NotObject, "", new LocalizedText(
                "Il modulo deve essere un oggetto JSON ({ … }).", "The form must be a JSON object ({ … })."))]);
        }

        var (schemaErrors, overlong, shortened) = CheckSchema(schema, document);
        using var cut = shortened;
        var root = (shortened ?? document).RootElement;

        var errors = new List<ValidationIssue>();
        var warnings = new List<ValidationIssue>();
        var formDocument = new FormDocument(root, legalDate, municipality);
        errors.AddRange(SchemaIssues(schemaErrors, formDocument, overlong));

        IReadOnlyList<PinnedVersion> pinned = _schemaPins.GetValue(schema, SchemaPins);
        var attachments = new List<RequiredAttachment>();
        List<TraceEntry> trace;
        var rulesTask = RulesAsync(form, found, legalDate, cancellationToken);
        var rules = rulesTask.IsCompletedSuccessfully ? rulesTask.Result : await rulesTask;
        if (rules is not null)
        {
            pinned = [.. pinned, .. rules.Pinned];
            trace = new List<TraceEntry>(rules.Checks.Length + rules.Attachments.Length);
            object[] arguments = [formDocument];
            ThrowIfCanceled(cancellationToken);
            var dated = rules.On(legalDate);
            RunChecks(rules, dated, arguments, errors, warnings, trace);
            ThrowIfCanceled(cancellationToken);
            RunAttachments(rules, dated, arguments, formDocument, errors, warnings, trace, attachments);
            if (errors.Count > 0)
            {
                DropRepeats(errors, warnings);
            }
        }
        else
        {
            trace = [];
        }

        var (fitPins, fitTrace) = await _fit.CheckAsync(form, found, legalDate, root, errors, cancellationToken);
        pinned = fitPins.Length == 0 ? pinned : [.. pinned, .. fitPins];
        trace.AddRange(fitTrace ?? []);

        return (new ValidationReport
        {
            Valid = errors.Count == 0,
            Form = form,
            Version = schema.Version.Version,
            Municipality = municipality,
            LegalDate = legalDate,
            Errors = errors,
            Warnings = warnings,
            RequiredAttachments = attachments,
            Trace = trace,
            Pinned = pinned,
        }, []);
    }

    // Rules run on every form, so the applicant sees all problems at once; but a rule about a section the schema
    // already reports as missing or of the wrong type would only repeat it (the trace keeps it).
    private static void DropRepeats(List<ValidationIssue> errors, List<ValidationIssue> warnings)
    {
        var missing = errors.Where(e => e.Rule is null && e.Code is "schema.required" or "schema.type").Select(e => e.Pointer + "/").ToList();
        bool Repeats(ValidationIssue issue) => issue.Rule is not null && missing.Any(m => (issue.Pointer + "/").StartsWith(m, StringComparison.Ordinal));
        errors.RemoveAll(Repeats);
        warnings.RemoveAll(Repeats);
    }

    /// <summary>The national schema version and the municipal extension a report pins.</summary>
    private static PinnedVersion[] SchemaPins(MergedFormSchema schema)
    {
        var id = "schemas/forms/" + schema.Version.Form;
        PinnedVersion national = new(id, "national", "IT", schema.Version.Version, schema.Version.ContentHash);
        return schema.Extension is { } extension
            ? [national, new(id, "municipality", extension.Municipality, extension.Version, extension.ContentHash)]
            : [national];
    }

    /// <summary>Schema-only validation against one national version (no municipal extension, no rules): used to prove the schemas with their examples.</summary>
    public async Task<(IReadOnlyList<ValidationIssue> Issues, InputError? Error)> ValidateSchemaAsync(
        FormSchemaVersion version, string json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        var bodyError = CheckBody(System.Text.Encoding.UTF8.GetBytes(json));
        if (bodyError is not null)
        {
            return ([], bodyError);
        }

        var schema = await schemas.GetAsync(version, extension: null, cancellationToken);
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth + 1 });
        var (errors, overlong, shortened) = CheckSchema(schema, document);
        using var cut = shortened;
        var root = (shortened ?? document).RootElement;
        return ([.. SchemaIssues(errors, new FormDocument(root, version.Validity.From, ""), overlong)], null);
    }

    /// <summary>
    /// The schema errors of a form. Arrays over their maxItems are reported once and cut before their items are
    /// checked (see ArrayLimits): the form is then checked again as cut, and the cut form is what the rules read.
    /// The first check stops at maxItems, so only a form with such an array pays for the second.
    /// </summary>
    private (List<ValidationError> Errors, List<ArrayLimits.Overlong>? Overlong, JsonDocument? Shortened) CheckSchema(
        MergedFormSchema schema, JsonDocument document)
    {
        var compiled = _compiled.GetValue(schema.Schema, s => CompiledSchema.Compile(s, _formats));
        var errors = compiled.Validate(document.RootElement);
        if (!errors.Exists(e => e.Kind == ValidationErrorKind.TooManyItems)
            || ArrayLimits.Find(document.RootElement, schema.Schema) is not { } overlong)
        {
            return (errors, null, null);
        }

        var shortened = JsonDocument.Parse(ArrayLimits.Truncate(document.RootElement, overlong));
        return (compiled.Validate(shortened.RootElement), overlong, shortened);
    }

    /// <summary>
    /// The form's compiled rule set in force for a municipality and date, with its pins; null when the form has none.
    /// Composing the layers allocated on every request (a profile of the validate endpoint under load put it near a
    /// tenth of the CPU), so the composition is cached by what decides it: the national version and the regional and
    /// municipal overlays in force. That key space is the set of rule files, so it is bounded. Completes synchronously
    /// once the rule set is compiled.
    /// </summary>
    private ValueTask<FormRules?> RulesAsync(string form, Municipality municipality, DateOnly legalDate, CancellationToken cancellationToken)
    {
        var id = RuleSetId(form);
        var national = catalog.NationalVersionAt(id, legalDate);
        if (national is null)
        {
            return new((FormRules?)null);
        }

        var regional = catalog.OverlayAt(id, Layer.Region, municipality.Region, legalDate);
        var local = catalog.OverlayAt(id, Layer.Municipality, municipality.Code, legalDate);
        var lazy = _rules.GetOrAdd((national, regional, local), _ => new Lazy<Task<FormRules>>(async () =>
        {
            var composed = catalog.Compose(id, municipality, legalDate)!;
            var ruleSet = await catalog.CompileAsync(composed, CancellationToken.None);
            return new FormRules(ruleSet,
                [.. composed.Layers.Select(l => PinnedVersion.Of(composed.Id, l))]);
        }));
        var task = lazy.Value;
        return task.IsCompletedSuccessfully ? new(task.Result) : Await(task, cancellationToken);

        static async ValueTask<FormRules?> Await(Task<FormRules> task, CancellationToken cancellationToken) =>
            await task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// A form's compiled rule set with what every validation derives from it, made once: its pins, its rules per
    /// workflow in evaluation order, and per legal date (<see cref="On"/>) their trace entries and linked citations.
    /// </summary>
    private sealed class FormRules
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<DateOnly, DatedRules> _dated = new();

        public FormRules(EffectiveRuleSet ruleSet, PinnedVersion[] pinned)
        {
            RuleSet = ruleSet;
            Pinned = pinned;
            Checks = ruleSet.RulesOf(ChecksWorkflow);
            Attachments = ruleSet.RulesOf(AttachmentsWorkflow);
            AttachmentNames = [.. Attachments.Select(r => (string[])[r.Name])];
        }

        public EffectiveRuleSet RuleSet { get; }

        public PinnedVersion[] Pinned { get; }

        public RuleDefinition[] Checks { get; }

        public RuleDefinition[] Attachments { get; }

        // What a required attachment lists when one rule alone requires it (the common case), shared by every report
        // as the trace entries are: the lists are read-only to readers of a report.
        public string[][] AttachmentNames { get; }

        /// <summary>What a validation on <paramref name="legalDate"/> reports of these rules, made once per date.</summary>
        public DatedRules On(DateOnly legalDate) => _dated.GetOrAdd(legalDate, static (date, rules) => new DatedRules(rules, date), this);
    }

    /// <summary>
    /// The trace entries (the shared ones of <see cref="TraceEntry.For"/>) and citations of a form's rules on one legal
    /// date, their links opening the text in force on it: looked up once per date rather than per rule per request.
    /// </summary>
    private sealed class DatedRules(FormRules rules, DateOnly legalDate)
    {
        public TraceEntry[] Satisfied { get; } = [.. rules.Checks.Select(r => TraceEntry.For(r, "satisfied", legalDate))];

        public TraceEntry[] Violated { get; } = [.. rules.Checks.Select(r => TraceEntry.For(r, "violated", legalDate))];

        public TraceEntry[] Applied { get; } = [.. rules.Attachments.Select(r => TraceEntry.For(r, TraceEntry.Applied, legalDate))];

        public TraceEntry[] NotApplicable { get; } = [.. rules.Attachments.Select(r => TraceEntry.For(r, TraceEntry.NotApplicable, legalDate))];

        public IReadOnlyList<LegalBasis>[] CheckLegalBasis { get; } = [.. rules.Checks.Select(r => Linked(r, legalDate))];

        public IReadOnlyList<LegalBasis>[] AttachmentRuleLegalBasis { get; } = [.. rules.Attachments.Select(r => Linked(r, legalDate))];

        public LegalBasis[][] AttachmentLegalBasis { get; } = [.. rules.Attachments.Select(r => Linked(r, legalDate).Distinct().ToArray())];

        private static IReadOnlyList<LegalBasis> Linked(RuleDefinition rule, DateOnly date) =>
            LawLinks.CitationLinks.Linked(rule.LegalBasis, rule.Instruments, date);
    }

    /// <summary>Refuses text that is not JSON or nests deeper than <see cref="MaxDepth"/>, without throwing.</summary>
    internal static InputError? CheckBody(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 4096 });
        var deepest = 0;
        try
        {
            while (reader.Read())
            {
                deepest = Math.Max(deepest, reader.CurrentDepth + (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray ? 1 : 0));
                if (deepest > MaxDepth)
                {
                    return new InputError(Codes.TooDeep, "", new LocalizedText(
                        $"Il modulo è annidato oltre {MaxDepth} livelli: nessun modulo lo richiede.",
                        $"The form nests deeper than {MaxDepth} levels: no form needs that."));
                }
            }

            if (reader.BytesConsumed == 0)
            {
                throw new JsonException("empty");
            }
        }
        catch (JsonException)
        {
            return NotJson(utf8, reader.BytesConsumed);
        }

        return null;
    }

    private static InputError NotJson(ReadOnlySpan<byte> utf8, long bytesConsumed)
    {
        var line = utf8[..(int)Math.Min(bytesConsumed, utf8.Length)].Count((byte)'\n') + 1;
        return new(InputError.Codes.NotJson, "", new LocalizedText(
            $"Il testo non è JSON valido (riga {line}).",
            $"The text is not valid JSON (line {line})."));
    }

    private static IEnumerable<ValidationIssue> SchemaIssues(List<ValidationError> errors, FormDocument form, List<ArrayLimits.Overlong>? overlong)
    {
        if (errors.Count == 0 && overlong is null)
        {
            return [];
        }

        var issues = new List<ValidationIssue>();
        foreach (var error in errors)
        {
            issues.Add(SchemaIssues(error, form));
        }

        foreach (var array in overlong ?? [])
        {
            var label = Label(array.Schema, array.Pointer);
            issues.Add(new ValidationIssue(array.Pointer, "schema.max-items", "error", new LocalizedText(
                $"{label.It}: troppi elementi (al massimo {array.Schema.MaxItems}, ricevuti {array.Count}); sono stati controllati i primi {array.Schema.MaxItems}.",
                $"{label.En}: too many items (at most {array.Schema.MaxItems}, got {array.Count}); the first {array.Schema.MaxItems} were checked.")));
        }

        // NJsonSchema goes on checking the keywords of a value of the wrong type ("required" of a string that should
        // be an object): those follow-on errors only repeat the type error, so drop them.
        var wrongType = issues.Where(i => i.Code == "schema.type").Select(i => i.Pointer + "/").ToList();
        return issues.Where(i => !wrongType.Any(w => i.Pointer.StartsWith(w, StringComparison.Ordinal)))
            .DistinctBy(i => (i.Pointer, i.Code)).OrderBy(i => i.Pointer, StringComparer.Ordinal);
    }

    private static ValidationIssue SchemaIssues(ValidationError error, FormDocument form)
    {
        var pointer = SchemaErrors.Pointer(error);
        var label = Label(error);
        var code = Code(error);
        LocalizedText message;
        if (code.StartsWith("schema.format.", StringComparison.Ordinal))
        {
            var value = form.TryResolve(pointer, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var check = FormatMessage(error.Schema?.Format, value);
            message = new LocalizedText(
                $"{label.It}: {check?.It ?? "formato non valido"}",
                $"{label.En}: {check?.En ?? "wrong format"}");
        }
        else
        {
            message = error.Kind switch
            {
                ValidationErrorKind.PropertyRequired => new LocalizedText($"Campo obbligatorio mancante: {label.It}.", $"Required field missing: {label.En}."),
                ValidationErrorKind.NoAdditionalPropertiesAllowed => new LocalizedText(
                    $"Il campo \"{error.Property}\" non fa parte del modulo in questa versione.",
                    $"Field \"{error.Property}\" is not part of this version of the form."),
                _ when SchemaErrors.IsTypeError(error.Kind) => new LocalizedText(
                    $"{label.It}: tipo errato, {SchemaErrors.Expected(error, "it")}.", $"{label.En}: wrong type, {SchemaErrors.Expected(error, "en")}."),
                ValidationErrorKind.TooManyItems => new LocalizedText(
                    $"{label.It}: troppi elementi (al massimo {error.Schema?.MaxItems}).", $"{label.En}: too many items (at most {error.Schema?.MaxItems})."),
                ValidationErrorKind.TooFewItems => new LocalizedText(
                    $"{label.It}: troppo pochi elementi (almeno {error.Schema?.MinItems}).", $"{label.En}: too few items (at least {error.Schema?.MinItems})."),
                _ => new LocalizedText($"{label.It}: {SchemaErrors.Expected(error, "it")}.", $"{label.En}: {SchemaErrors.Expected(error, "en")}."),
            };
        }

        return new ValidationIssue(pointer, code, "error", message);
    }

    /// <summary>Stable issue codes of schema violations.</summary>
    internal static string Code(ValidationError error) => error.Kind switch
    {
        ValidationErrorKind.PropertyRequired => "schema.required",
        ValidationErrorKind.NoAdditionalPropertiesAllowed => "schema.unknown-field",
        ValidationErrorKind.NotInEnumeration => "schema.enum",
        ValidationErrorKind.PatternMismatch when error.Schema?.Format is { Length: > 0 } format => "schema.format." + format,
        ValidationErrorKind.PatternMismatch => "schema.pattern",
        ValidationErrorKind.DateExpected => "schema.format.date",
        ValidationErrorKind.EmailExpected => "schema.format.email",
        ValidationErrorKind.StringTooLong => "schema.max-length",
        ValidationErrorKind.StringTooShort => "schema.min-length",
        ValidationErrorKind.TooManyItems => "schema.max-items",
        ValidationErrorKind.TooFewItems => "schema.min-items",
        ValidationErrorKind.NumberTooBig or ValidationErrorKind.IntegerTooBig => "schema.maximum",
        ValidationErrorKind.NumberTooSmall => "schema.minimum",
        _ when SchemaErrors.IsTypeError(error.Kind) => "schema.type",
        _ => "schema.invalid",
    };

    private static LocalizedText Label(ValidationError error)
    {
        // The field's own title when the schema has one (bilingual: title + x-title-en), else its pointer.
        var schema = error.Schema?.ActualSchema;
        if (error.Kind == ValidationErrorKind.PropertyRequired && schema is not null && error.Property is not null
            && schema.ActualProperties.TryGetValue(error.Property, out var property))
        {
            schema = property;
        }

        return Label(schema, SchemaErrors.Pointer(error));
    }

    private static LocalizedText Label(JsonSchema? schema, string fallback)
    {
        var it = schema?.Title;
        var en = schema?.ExtensionData?.TryGetValue("x-title-en", out var x) == true ? x?.ToString() : null;
        return new LocalizedText(it ?? fallback, en ?? it ?? fallback);
    }

    private static LocalizedText? FormatMessage(string? format, string? value) => format switch
    {
        FormatNames.CodiceFiscale => CodiceFiscale.Check(value).Message,
        FormatNames.PartitaIva => PartitaIva.Check(value).Message,
        FormatNames.IstatComune => IstatComune.Check(value).Message ?? new LocalizedText(
            $"il comune con codice ISTAT {value} non risulta nell'elenco dei comuni", $"no municipality with ISTAT code {value} is in the register"),
        FormatNames.CadastralRef => CadastralReference.Check(value).Message,
        FormatNames.Pec => Pec.Check(value).Message,
        "date" => new LocalizedText("data non valida, usare il formato AAAA-MM-GG", "invalid date, use the form YYYY-MM-DD"),
        "email" => new LocalizedText("indirizzo di posta elettronica non valido", "invalid e-mail address"),
        _ => null,
    };

    // As awaiting EvaluateAsync with a canceled token did before each workflow (the exception of a canceled task).
    private static void ThrowIfCanceled(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            throw new TaskCanceledException(Task.FromCanceled(cancellationToken));
        }
    }

    // Rule workflows hold a few dozen rules at most; a longer one (never seen) takes its flags from the heap.
    private const int MaxStackRules = 128;

    private static void RunChecks(
        FormRules rules, DatedRules dated, object[] arguments, List<ValidationIssue> errors, List<ValidationIssue> warnings, List<TraceEntry> trace)
    {
        var checks = rules.Checks;
        Span<bool> applies = checks.Length <= MaxStackRules ? stackalloc bool[checks.Length] : new bool[checks.Length];
        rules.RuleSet.Evaluate(ChecksWorkflow, arguments, applies);
        for (var i = 0; i < checks.Length; i++)
        {
            trace.Add(applies[i] ? dated.Satisfied[i] : dated.Violated[i]);
            if (!applies[i])
            {
                var rule = checks[i];
                AddIssue(rule, dated.CheckLegalBasis[i], rule.Code ?? "rule." + rule.Name, rule.Pointer ?? "", rule.Messages, errors, warnings);
            }
        }
    }

    private static void RunAttachments(
        FormRules rules, DatedRules dated, object[] arguments, FormDocument form, List<ValidationIssue> errors, List<ValidationIssue> warnings,
        List<TraceEntry> trace, List<RequiredAttachment> attachments)
    {
        var all = rules.Attachments;
        Span<bool> applies = all.Length <= MaxStackRules ? stackalloc bool[all.Length] : new bool[all.Length];
        rules.RuleSet.Evaluate(AttachmentsWorkflow, arguments, applies);
        for (var i = 0; i < all.Length; i++)
        {
            trace.Add(applies[i] ? dated.Applied[i] : dated.NotApplicable[i]);
        }

        // One required attachment per document type, in the order of each type's first rule that holds (as GroupBy
        // gave); rule i starts a group unless an earlier rule that holds named the same type.
        for (var i = 0; i < all.Length; i++)
        {
            if (!IsRequirement(all[i], applies[i]))
            {
                continue;
            }

            var key = all[i].Effect!.Value;
            var first = true;
            for (var j = 0; j < i && first; j++)
            {
                first = !(IsRequirement(all[j], applies[j]) && all[j].Effect!.Value == key);
            }

            if (first)
            {
                AddAttachment(rules, dated, applies, i, key, form, errors, warnings, attachments);
            }
        }
    }

    private static bool IsRequirement(RuleDefinition rule, bool applies) => applies && rule.Effect?.Kind == "attachment";

    private static void AddAttachment(
        FormRules formRules, DatedRules dated, ReadOnlySpan<bool> applies, int first, string key, FormDocument form,
        List<ValidationIssue> errors, List<ValidationIssue> warnings, List<RequiredAttachment> attachments)
    {
        var (all, names, legalBasis) = (formRules.Attachments, formRules.AttachmentNames, dated.AttachmentLegalBasis);
        // Rules after the first that require the same document; none, usually.
        var rule = all[first];
        List<int>? rules = null;
        for (var j = first + 1; j < all.Length; j++)
        {
            if (IsRequirement(all[j], applies[j]) && all[j].Effect!.Value == key)
            {
                (rules ??= [first]).Add(j);
            }
        }

        var provided = Form.HasAttachment(form, key);
        attachments.Add(rules is null
            ? new RequiredAttachment(key, provided, names[first], legalBasis[first], rule.Messages)
            : new RequiredAttachment(key, provided, [.. rules.Select(r => all[r].Name)],
                [.. rules.SelectMany(r => dated.AttachmentRuleLegalBasis[r]).Distinct()], rule.Messages));

        if (!provided)
        {
            var message = rule.Messages.Format(new Dictionary<string, string> { ["attachment"] = key });
            AddIssue(rule, dated.AttachmentRuleLegalBasis[first], rule.Code ?? "attachment.missing", rule.Pointer ?? "/allegati", message, errors, warnings);
        }
    }

    private static void AddIssue(
        RuleDefinition rule, IReadOnlyList<LegalBasis> legalBasis, string code, string pointer, LocalizedText message,
        List<ValidationIssue> errors, List<ValidationIssue> warnings)
    {
        // A municipality may add optional checks only (D.Lgs. 126/2016 art. 2 c.5): its rules never block a form.
        var severity = rule.Origin.Layer == "municipality" && rule.Severity == "error" ? "warning" : rule.Severity;
        var issue = new ValidationIssue(pointer, code, severity, message, rule.Name, legalBasis);
        (severity == "error" ? errors : warnings).Add(issue);
    }
}
