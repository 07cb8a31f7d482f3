using StrategicCities.Core.Catalog;
using StrategicCities.Core.Forms;
using StrategicCities.Core.Fees;
using StrategicCities.Core.Procedures;
using StrategicCities.Core.Procedures.Clock;

namespace StrategicCities.Core.Law;

/// <summary>
/// The law in force for one municipality on one legal date (<see cref="LawCatalog.At"/>): the municipality resolved
/// once, and what a use case needs from it, composed or compiled only when asked (a determination never compiles a
/// form's rules). A filed application asks for its pinned files instead (<see cref="PinnedProcedureAsync"/>).
/// </summary>
public sealed class LawInForce
{
    internal LawInForce(LawCatalog catalog, Municipality municipality, DateOnly legalDate)
    {
        Catalog = catalog;
        Municipality = municipality;
        LegalDate = legalDate;
    }

    /// <summary>The catalog this law was selected from.</summary>
    public LawCatalog Catalog { get; }

    /// <summary>The municipality, resolved.</summary>
    public Municipality Municipality { get; }

    /// <summary>The legal reference date (tempus regit actum).</summary>
    public DateOnly LegalDate { get; }

    /// <summary>The legal calendar (national days and this municipality's own, as data).</summary>
    public ItalianCalendar Calendar => Catalog.Calendar;

    /// <summary>The procedure of a regime in force on the date, with its guards.</summary>
    public Task<(EffectiveProcedure? Procedure, InputError? Error)> ProcedureAsync(string regime, CancellationToken cancellationToken = default) =>
        Catalog.Procedures.ResolveAsync(regime, Municipality.Code, LegalDate, cancellationToken);

    /// <summary>The procedure exactly as an application pinned it (older revisions included), or why it cannot run.</summary>
    public Task<(EffectiveProcedure? Procedure, InputError? Error)> PinnedProcedureAsync(
        string regime, IReadOnlyCollection<PinnedVersion> pins, CancellationToken cancellationToken = default) =>
        Catalog.Procedures.ResolvePinnedAsync(regime, Municipality.Code, LegalDate, pins, cancellationToken);

    /// <summary>Whether a form code names a form of the catalog.</summary>
    public bool IsForm(string form) => Catalog.Forms.IsForm(form);

    /// <summary>
    /// Validates form data against the form's merged schema and rules in force here: the report, or the errors that
    /// stopped validation (unknown form, no version in force, not JSON).
    /// </summary>
    public Task<(ValidationReport? Report, IReadOnlyList<InputError> Errors)> ValidateAsync(string form, string json, CancellationToken cancellationToken = default) =>
        Catalog.Validator.ValidateAsync(form, Municipality.Code, LegalDate, json, cancellationToken);

    /// <summary>Determines an intervention (JSON text) here: only the determination rule set is compiled.</summary>
    /// <exception cref="RuleEvaluationException">A rule is faulty (never a client mistake).</exception>
    public Task<(Determination.DeterminationResult? Result, IReadOnlyList<InputError> Errors)> DetermineAsync(string interventionJson, CancellationToken cancellationToken = default) =>
        Catalog.Determination.DetermineAsync(Municipality.Code, LegalDate, interventionJson, cancellationToken);

    /// <summary>One rule set composed and compiled for this municipality and date (cached by its file versions), or null when none is in force.</summary>
    public async Task<EffectiveRuleSet?> CompiledRuleSetAsync(string ruleSetId, CancellationToken cancellationToken = default) =>
        RuleSet(ruleSetId) is { } composed ? await Catalog.Rules.CompileAsync(composed, cancellationToken) : null;

    /// <summary>One rule set composed for this municipality and date (no compilation), or null when none is in force.</summary>
    public ComposedRuleSet? RuleSet(string ruleSetId) => Catalog.Rules.Compose(ruleSetId, Municipality, LegalDate);

    /// <summary>The fee files in force (national structure, regional tables, municipal tariffs), or null before the first national structure.</summary>
    public EffectiveFees? Fees => Catalog.Fees.Resolve(Municipality, LegalDate);
}
