using StrategicCities.Core.Catalog;
using StrategicCities.Core.Determination;
using StrategicCities.Core.Fees;
using StrategicCities.Core.Forms;
using StrategicCities.Core.Procedures;
using StrategicCities.Core.Procedures.Clock;

namespace StrategicCities.Core.Law;

/// <summary>
/// Everything under rules/ and schemas/, loaded and verified as one: the rule sets and overlays, the form schemas and
/// their municipal extensions, the procedures and their guards, the legal calendars, the ISTAT registry. One loader
/// for the service, the CLI and the tests; immutable once loaded, so a host swaps a whole new catalog (hot reload)
/// while requests in flight finish on the one they started with. <see cref="At"/> answers "what is in force for this
/// municipality on this legal date" — the one seam that selects the law.
/// </summary>
public sealed class LawCatalog
{
    private LawCatalog(
        CatalogSources sources, RuleCatalog rules, FormSchemaProvider forms, ProcedureCatalog procedures,
        ItalianCalendar calendar, InterventionReader interventions, DateTimeOffset loadedAt)
    {
        Sources = sources;
        Rules = rules;
        Forms = forms;
        Procedures = procedures;
        Calendar = calendar;
        Interventions = interventions;
        LoadedAt = loadedAt;
        Validator = new FormValidator(rules, forms);
        Determination = new DeterminationEngine(rules, interventions);
    }

    /// <summary>Where the catalog was read from.</summary>
    public CatalogSources Sources { get; }

    /// <summary>The rule sets and overlays (determination, forms' rules, guards) and the municipality registry.</summary>
    public RuleCatalog Rules { get; }

    /// <summary>The form schemas and municipal extensions.</summary>
    public FormSchemaProvider Forms { get; }

    /// <summary>The procedures and their overlays.</summary>
    public ProcedureCatalog Procedures { get; }

    /// <summary>National holidays, suspensions and municipal days.</summary>
    public ItalianCalendar Calendar { get; }

    /// <summary>The reader of intervention descriptions (schemas/intervention.schema.json).</summary>
    public InterventionReader Interventions { get; }

    /// <summary>The form validator over this catalog (its caches live as long as the catalog).</summary>
    public FormValidator Validator { get; }

    /// <summary>The determination engine over this catalog.</summary>
    public DeterminationEngine Determination { get; }

    /// <summary>When this catalog was loaded.</summary>
    public DateTimeOffset LoadedAt { get; }

    /// <summary>The fee structures, regional tables and municipal tariffs (rules/*/fees).</summary>
    public FeeCatalog Fees { get; private init; } = null!;

    /// <summary>
    /// The law in force for a municipality on a legal date: the municipality resolved once, and the rule sets,
    /// forms, procedures and calendar every use case takes from it; or the error (malformed or unknown code).
    /// </summary>
    public (LawInForce? Law, InputError? Error) At(string municipality, DateOnly legalDate)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        var (found, error) = Rules.FindMunicipality(municipality);
        return found is null ? (null, error) : (new LawInForce(this, found, legalDate), null);
    }

    /// <summary>Loads and verifies everything; any problem refuses the whole catalog and lists every problem.</summary>
    public static async Task<LawCatalogLoadResult> LoadAsync(CatalogSources sources, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var rulesTask = CatalogLoader.LoadAsync(sources, cancellationToken);
        var formsTask = FormSchemaProvider.LoadAsync(sources.SchemasDirectory, cancellationToken);
        var calendarTask = CalendarLoader.LoadAsync(Path.Combine(sources.RulesDirectory, "calendars"), cancellationToken);
        var readerTask = InterventionReader.CreateAsync(sources.SchemasDirectory, cancellationToken);
        var rules = await rulesTask;
        var (forms, formProblems) = await formsTask;
        var calendar = await calendarTask;
        var problems = new List<CatalogProblem>(rules.Problems);
        problems.AddRange(formProblems);
        problems.AddRange(calendar.Errors.Select(e => new CatalogProblem("calendars/" + e.Source, null, "calendar.invalid", e.Message)));
        ProcedureCatalog? procedures = null;
        FeeCatalog? fees = null;
        if (rules.Succeeded)
        {
            // Procedures name guard rules and municipalities: checked against the loaded rules.
            var loaded = await ProcedureLoader.LoadAsync(sources, rules.Catalog!, cancellationToken);
            problems.AddRange(loaded.Problems);
            procedures = loaded.Catalog;
            var loadedFees = await FeeLoader.LoadAsync(sources, rules.Catalog!, cancellationToken);
            problems.AddRange(loadedFees.Problems);
            fees = loadedFees.Catalog;
        }

        var reader = await readerTask;
        return problems.Count > 0 || forms is null || procedures is null || fees is null || calendar.Calendar is null
            ? new LawCatalogLoadResult(null, problems) { FormSchemaProblems = formProblems.Count }
            : new LawCatalogLoadResult(
                new LawCatalog(sources, rules.Catalog!, forms, procedures, calendar.Calendar, reader, (clock ?? TimeProvider.System).GetUtcNow()) { Fees = fees }, []);
    }
}

/// <summary>The law catalog, or every reason it was refused.</summary>
public sealed record LawCatalogLoadResult(LawCatalog? Catalog, IReadOnlyList<CatalogProblem> Problems)
{
    /// <summary>Whether everything loaded and verified.</summary>
    public bool Succeeded => Catalog is not null && Problems.Count == 0;

    /// <summary>How many of the problems are the form schemas' (for hosts that report them apart).</summary>
    public int FormSchemaProblems { get; init; }
}
