using StrategicCities.Core.Catalog;
using StrategicCities.Core.Legal;
using StrategicCities.Core.Procedures.Clock;

namespace StrategicCities.Core.Procedures;

/// <summary>
/// One procedure (the life of an application under one regime) as read from
/// <c>rules/national/procedures/&lt;regime&gt;/&lt;version&gt;.json</c>, or as composed with the regional and
/// municipal overlays in force (see <see cref="EffectiveProcedure"/>). Immutable.
/// </summary>
public sealed record ProcedureDefinition
{
    /// <summary>The national file's header: id (the regime), version, validity, instruments, content hash.</summary>
    public required RuleFileHeader Header { get; init; }

    /// <summary>The regime, e.g. <c>permesso-di-costruire</c>.</summary>
    public string Id => Header.Id;

    /// <summary>Id of the rule set whose rules the guards name (default <c>procedure-guards</c>).</summary>
    public required string GuardRuleSet { get; init; }

    /// <summary>The state a new application is in before anything is fired.</summary>
    public required string Initial { get; init; }

    /// <summary>Every state.</summary>
    public required IReadOnlyList<ProcedureState> States { get; init; }

    /// <summary>Events that terms may name but that are not triggers (none in the shipped definitions).</summary>
    public IReadOnlyList<ProcedureEventType> Events { get; init; } = [];

    /// <summary>Every trigger, with the roles allowed to fire it.</summary>
    public required IReadOnlyList<ProcedureTrigger> Triggers { get; init; }

    /// <summary>Every transition (one per source state).</summary>
    public required IReadOnlyList<ProcedureTransition> Transitions { get; init; }

    /// <summary>The legal terms of the procedure.</summary>
    public required IReadOnlyList<ProcedureTerm> Terms { get; init; }

    /// <summary>Where regions or municipalities may add optional steps.</summary>
    public IReadOnlyList<ProcedureExtensionPoint> ExtensionPoints { get; init; } = [];

    /// <summary>
    /// The municipality the definition was composed for (<see cref="ProcedureCatalog.Compose"/>); null
    /// for a national definition as loaded. Its population decides the terms doubled from the start
    /// (<see cref="ProcedureTermDoubling.PopulationAbove"/>).
    /// </summary>
    public Municipality? Municipality { get; init; }

    /// <summary>
    /// The terms as the legal clock wants them, doubled where the law says so for <see cref="Municipality"/>;
    /// terms that apply only on a fact of the application (<see cref="ProcedureTerm.When"/>) are left out.
    /// </summary>
    public IReadOnlyList<LegalTermDefinition> LegalTerms => [.. Terms.Where(t => t.When is null).Select(t => t.ToLegalTerm(Municipality))];

    /// <summary>The terms that apply to an application with these facts (e.g. the zone A wait only in zone A).</summary>
    public IReadOnlyList<LegalTermDefinition> LegalTermsFor(ProcedureFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return [.. Terms.Where(t => t.When switch
        {
            null => true,
            ProcedureTerm.ZoneA => facts.ZoneA,
            _ => false,
        }).Select(t => t.ToLegalTerm(Municipality))];
    }

    /// <summary>The state with that id, if any.</summary>
    public ProcedureState? FindState(string id) => States.FirstOrDefault(s => s.Id == id);

    /// <summary>The trigger with that id, if any.</summary>
    public ProcedureTrigger? FindTrigger(string id) => Triggers.FirstOrDefault(t => t.Id == id);

    /// <summary>The transitions leaving <paramref name="state"/>.</summary>
    public IEnumerable<ProcedureTransition> TransitionsFrom(string state) => Transitions.Where(t => t.From == state);

    /// <summary>Finds an instrument cited by an element of this definition (national or overlay file).</summary>
    public Instrument? FindInstrument(string file, string instrumentId) =>
        (InstrumentsByFile.TryGetValue(file, out var list) ? list : Header.Instruments).FirstOrDefault(i => i.Id == instrumentId)
        ?? Header.Instruments.FirstOrDefault(i => i.Id == instrumentId);

    /// <summary>Instruments of the overlay files composed into this definition, by file.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Instrument>> InstrumentsByFile { get; init; } =
        new Dictionary<string, IReadOnlyList<Instrument>>(StringComparer.Ordinal);
}

/// <summary>A state of a procedure.</summary>
/// <param name="Id">Stable id, e.g. <c>in-istruttoria</c>.</param>
/// <param name="Name">Name in the wording of the law.</param>
/// <param name="Final">Whether the procedure ends there (no transition may leave it).</param>
/// <param name="Origin">File that declared it (national or overlay).</param>
public sealed record ProcedureState(string Id, LocalizedText Name, bool Final, string Origin);

/// <summary>A clock-only event type (not a trigger).</summary>
public sealed record ProcedureEventType(string Id, LocalizedText Name);

/// <summary>A trigger and the roles allowed to fire it.</summary>
/// <param name="Id">Stable id, also the name of the event the legal clock sees (e.g. <c>presentazione</c>).</param>
/// <param name="Name">Name in the wording of the law.</param>
/// <param name="Roles">Roles allowed to fire it (see <see cref="ProcedureRoles"/>).</param>
/// <param name="Origin">File that declared it.</param>
public sealed record ProcedureTrigger(string Id, LocalizedText Name, IReadOnlyList<string> Roles, string Origin);

/// <summary>A transition: in state <paramref name="From"/>, <paramref name="Trigger"/> leads to <paramref name="To"/>, if the guard rule holds.</summary>
/// <param name="From">Source state.</param>
/// <param name="Trigger">Trigger id.</param>
/// <param name="To">Destination state (may equal <paramref name="From"/>).</param>
/// <param name="Guard">Name of a rule in the guard rule set that must hold; null for none.</param>
/// <param name="LegalBasis">The law the transition rests on.</param>
/// <param name="Origin">File that declared it.</param>
public sealed record ProcedureTransition(
    string From, string Trigger, string To, string? Guard, IReadOnlyList<LegalBasis> LegalBasis, string Origin);

/// <summary>An extension point: a state where overlays of the allowed layers may add optional steps.</summary>
public sealed record ProcedureExtensionPoint(
    string Id, string State, IReadOnlyList<Layer> AllowedFor, LocalizedText? Description, IReadOnlyList<LegalBasis> LegalBasis);

/// <summary>
/// A legal term of a procedure, as written in the file; <see cref="ToLegalTerm"/> maps it onto the
/// clock's model (see <see cref="LegalClock"/> for the counting conventions).
/// </summary>
public sealed record ProcedureTerm
{
    /// <summary>Stable id, e.g. <c>pdc-istruttoria</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Name in the wording of the law.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>Events that start it (the first is the main one; any of them starts the term).</summary>
    public required IReadOnlyList<string> Start { get; init; }

    /// <summary>Length in days (null when <see cref="Years"/> is given).</summary>
    public int? Days { get; init; }

    /// <summary>Length in years (art. 2963 c. 4 c.c.).</summary>
    public int? Years { get; init; }

    /// <summary>The only fact a term may depend on today (<c>"when": "zoneA"</c>).</summary>
    public const string ZoneA = "zoneA";

    /// <summary>
    /// The fact of the application the term depends on (<see cref="ZoneA"/>), or null when it always
    /// applies. Such a term is left out of <see cref="ProcedureDefinition.LegalTerms"/> and counted by
    /// <see cref="ProcedureDefinition.LegalTermsFor"/> only when the fact holds.
    /// </summary>
    public string? When { get; init; }

    /// <summary>Length in months (art. 2963 c. 4 c.c.).</summary>
    public int? Months { get; init; }

    /// <summary>Length by the period its start falls in (see <see cref="LegalTermDefinition.Periods"/>).</summary>
    public IReadOnlyList<TermLengthPeriod> Periods { get; init; } = [];

    /// <summary>What the term is in law (<c>"kind"</c>: procedural, validity, cap); see <see cref="TermKind"/>.</summary>
    public TermKind Kind { get; init; } = TermKind.Procedural;

    /// <summary>See <see cref="LegalTermDefinition.StartOnExpiryOf"/>.</summary>
    public string? StartOnExpiryOf { get; init; }

    /// <summary>See <see cref="LegalTermDefinition.Extensions"/>.</summary>
    public IReadOnlyList<TermExtension> Extensions { get; init; } = [];

    /// <summary>See <see cref="LegalTermDefinition.SuspensionCauses"/> (<c>"suspensions"</c> in the file).</summary>
    public IReadOnlyList<TermSuspensionCause> SuspensionCauses { get; init; } = [];

    /// <summary>See <see cref="LegalTermDefinition.SuspendOn"/>.</summary>
    public IReadOnlyList<string> SuspendOn { get; init; } = [];

    /// <summary>See <see cref="LegalTermDefinition.ResumeOn"/>.</summary>
    public IReadOnlyList<string> ResumeOn { get; init; } = [];

    /// <summary>See <see cref="LegalTermDefinition.ResumeDelayDays"/>.</summary>
    public int ResumeDelayDays { get; init; }

    /// <summary>See <see cref="LegalTermDefinition.ResumeAfterDays"/>.</summary>
    public int? ResumeAfterDays { get; init; }

    /// <summary>See <see cref="LegalTermDefinition.MaxSuspensions"/>.</summary>
    public int? MaxSuspensions { get; init; }

    /// <summary>See <see cref="LegalTermDefinition.InterruptOn"/>.</summary>
    public IReadOnlyList<string> InterruptOn { get; init; } = [];

    /// <summary>See <see cref="LegalTermDefinition.RestartOn"/>.</summary>
    public IReadOnlyList<string> RestartOn { get; init; } = [];

    /// <summary>See <see cref="LegalTermDefinition.RestartAfterDays"/>.</summary>
    public int? RestartAfterDays { get; init; }

    /// <summary>See <see cref="LegalTermDefinition.MaxInterruptions"/>.</summary>
    public int? MaxInterruptions { get; init; }

    /// <summary>See <see cref="LegalTermDefinition.MetBy"/>.</summary>
    public IReadOnlyList<string> MetBy { get; init; } = [];

    /// <summary>Trigger fired (by role <c>system</c>) when the term expires; null for none.</summary>
    public string? OnExpiry { get; init; }

    /// <summary>When the law doubles the term (e.g. art. 20 c. 7 D.P.R. 380/2001); null when it never does.</summary>
    public ProcedureTermDoubling? Doubling { get; init; }

    /// <summary>The law setting the term.</summary>
    public required IReadOnlyList<LegalBasis> LegalBasis { get; init; }

    /// <summary>Every event name the term refers to, with the property naming it (for checks).</summary>
    public IEnumerable<(string Property, string Event)> EventReferences =>
        Start.Select(e => ("start", e))
            .Concat(SuspendOn.Select(e => ("suspendOn", e)))
            .Concat(ResumeOn.Select(e => ("resumeOn", e)))
            .Concat(InterruptOn.Select(e => ("interruptOn", e)))
            .Concat(RestartOn.Select(e => ("restartOn", e)))
            .Concat(MetBy.Select(e => ("metBy", e)))
            .Concat(SuspensionCauses.SelectMany(c => c.On.Select(e => ("suspensions.on", e)).Concat(c.ResumeOn.Select(e => ("suspensions.resumeOn", e)))))
            .Concat((Doubling?.Events ?? []).Select(e => ("doubling.events", e)));

    /// <summary>The clock's model of this term, for a procedure resolved for <paramref name="municipality"/> (null: none).</summary>
    public LegalTermDefinition ToLegalTerm(Municipality? municipality = null) => new()
    {
        Id = Id,
        Name = Name,
        StartEvent = Start[0],
        AlternativeStartEvents = [.. Start.Skip(1)],
        Days = Days ?? 0,
        Years = Years,
        Months = Months,
        Periods = Periods,
        Kind = Kind,
        StartOnExpiryOf = StartOnExpiryOf,
        SuspensionCauses = SuspensionCauses,
        Extensions = Extensions,
        SuspendOn = SuspendOn,
        ResumeOn = ResumeOn,
        ResumeDelayDays = ResumeDelayDays,
        ResumeAfterDays = ResumeAfterDays,
        MaxSuspensions = MaxSuspensions,
        InterruptOn = InterruptOn,
        RestartOn = RestartOn,
        RestartAfterDays = RestartAfterDays,
        MaxInterruptions = MaxInterruptions,
        MetBy = MetBy,
        OnExpiry = OnExpiry,
        Doubling = Doubling?.ToClock(Days ?? 0, municipality),
        LegalBasis = LegalBasis,
    };
}

/// <summary>
/// When the law doubles a term in days, as written in the file (<c>"doubling"</c>): for the
/// municipalities above a population, and/or from an event on. Art. 20 c. 7 D.P.R. 380/2001: "I
/// termini di cui ai commi 3 e 5 sono raddoppiati per i comuni con più di 100.000 abitanti,
/// nonché per i progetti particolarmente complessi secondo la motivata risoluzione del
/// responsabile del procedimento".
/// </summary>
public sealed record ProcedureTermDoubling
{
    /// <summary>Doubled from the start where the municipality's population is greater than this; null for no such cause.</summary>
    public int? PopulationAbove { get; init; }

    /// <summary>Events that double the term from then on (e.g. <c>raddoppio-termini</c>, fired by the officer).</summary>
    public IReadOnlyList<string> Events { get; init; } = [];

    /// <summary>The length once doubled, where the law doubles only part of the term; null for twice the days.</summary>
    public int? Days { get; init; }

    /// <summary>The law doubling the term.</summary>
    public required IReadOnlyList<LegalBasis> LegalBasis { get; init; }

    /// <summary>The length in days once doubled, for a term of <paramref name="days"/> days.</summary>
    public int DoubledDays(int days) => Days ?? 2 * days;

    /// <summary>
    /// The clock's model: doubled from the start when <paramref name="municipality"/> has more
    /// inhabitants than <see cref="PopulationAbove"/>; never when its population is unknown (the
    /// reason says so, so the caller sees it instead of a guess).
    /// </summary>
    public TermDoubling ToClock(int days, Municipality? municipality)
    {
        var doubledDays = DoubledDays(days);
        var (fromStart, reason) = PopulationAbove switch
        {
            null => (false, (LocalizedText?)null),
            { } threshold when municipality?.Population is { } population => population > threshold
                ? (true, new LocalizedText(
                    $"Termine raddoppiato a {doubledDays} giorni: il comune {municipality.Name} ha {population} abitanti, più di {threshold}.",
                    $"Term doubled to {doubledDays} days: the municipality {municipality.Name} has {population} inhabitants, more than {threshold}."))
                : (false, new LocalizedText(
                    $"Termine non raddoppiato ({days} giorni): il comune {municipality.Name} ha {population} abitanti, non più di {threshold}.",
                    $"Term not doubled ({days} days): the municipality {municipality.Name} has {population} inhabitants, not more than {threshold}.")),
            { } threshold when municipality is not null => (false, new LocalizedText(
                $"Termine non raddoppiato ({days} giorni): la popolazione del comune {municipality.Name} non è nota, quindi non si può stabilire se supera {threshold} abitanti. Verificare.",
                $"Term not doubled ({days} days): the population of the municipality {municipality.Name} is unknown, so whether it exceeds {threshold} cannot be established. Check.")),
            { } threshold => (false, new LocalizedText(
                $"Termine non raddoppiato ({days} giorni): procedimento non riferito a un comune, popolazione ignota (soglia {threshold} abitanti).",
                $"Term not doubled ({days} days): the procedure is not resolved for a municipality, population unknown (threshold {threshold} inhabitants).")),
        };
        return new TermDoubling
        {
            Days = doubledDays,
            On = Events,
            FromStart = fromStart,
            Reason = reason,
            LegalBasis = LegalBasis,
        };
    }
}

/// <summary>A regional or municipal overlay of a procedure: optional steps added at extension points.</summary>
public sealed record ProcedureOverlay(RuleFileHeader Header, string Overlays, IReadOnlyList<ProcedureStep> Steps);

/// <summary>Optional states, triggers and transitions plugged in at one extension point.</summary>
public sealed record ProcedureStep(
    string Extends,
    IReadOnlyList<ProcedureState> States,
    IReadOnlyList<ProcedureTrigger> Triggers,
    IReadOnlyList<ProcedureTransition> Transitions);
