using Stateless;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Procedures.Clock;

namespace StrategicCities.Core.Procedures;

/// <summary>
/// A Stateless machine built per request from the pinned procedure, with the application's state
/// held outside it (<c>new StateMachine(() =&gt; state, s =&gt; state = s)</c>). Guards are rules of the
/// guard rule set, evaluated asynchronously through the catalog before Stateless asks for them
/// (Stateless guards are synchronous). Not thread-safe: one instance per request.
/// </summary>
public sealed class ProcedureMachine
{
    private readonly EffectiveProcedure _procedure;
    private readonly ItalianCalendar _calendar;
    private readonly ProcedureFacts _facts;
    private readonly List<ProcedureEvent> _events;
    private readonly StateMachine<string, string> _machine;
    private readonly Dictionary<string, RuleDefinition> _guardRules = new(StringComparer.Ordinal);
    private Dictionary<string, bool> _guardResults = new(StringComparer.Ordinal);
    private DateOnly? _evaluatedOn;
    private string _state;

    private ProcedureMachine(EffectiveProcedure procedure, string state, IReadOnlyList<ProcedureEvent> events, ProcedureFacts facts, ItalianCalendar calendar)
    {
        _procedure = procedure;
        _state = state;
        _events = [.. events];
        _facts = facts;
        _calendar = calendar;
        _machine = new StateMachine<string, string>(() => _state, s => _state = s);
        var definition = procedure.Definition;
        foreach (var transition in definition.Transitions)
        {
            var configuration = _machine.Configure(transition.From);
            var guardName = transition.Guard;
            Func<bool> guard = guardName is null ? () => true : () => _guardResults[guardName];
            var description = guardName ?? "";
            if (transition.To == transition.From)
            {
                configuration.PermitReentryIf(transition.Trigger, guard, description);
            }
            else
            {
                configuration.PermitIf(transition.Trigger, transition.To, guard, description);
            }

            if (guardName is not null && !_guardRules.ContainsKey(guardName))
            {
                _guardRules[guardName] = procedure.Guards?.Composed.AllRules.FirstOrDefault(r => r.Name == guardName)
                    ?? throw new InvalidOperationException(
                        $"Guard '{guardName}' of {definition.Header.File} is not a rule of '{definition.GuardRuleSet}' in force on {procedure.LegalDate:yyyy-MM-dd}.");
            }
        }
    }

    /// <summary>The definition the machine runs.</summary>
    public ProcedureDefinition Definition => _procedure.Definition;

    /// <summary>The current state.</summary>
    public string State => _state;

    /// <summary>The events so far, including those fired through this instance.</summary>
    public IReadOnlyList<ProcedureEvent> Events => _events;

    /// <summary>Builds the machine for an application.</summary>
    /// <param name="procedure">The pinned procedure (<see cref="ProcedureCatalog.ResolveAsync"/>).</param>
    /// <param name="state">The application's current state (the definition's initial state for a new one).</param>
    /// <param name="events">The application's events so far, in order.</param>
    /// <param name="facts">Facts of the application (<see cref="ProcedureFacts.Constraints"/>…); derived facts are filled in here.</param>
    /// <param name="calendar">The legal calendar (expired terms are facts for guards).</param>
    /// <exception cref="ArgumentException">The state is not one of the definition's.</exception>
    public static ProcedureMachine Create(
        EffectiveProcedure procedure, string state, IReadOnlyList<ProcedureEvent> events, ProcedureFacts facts, ItalianCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(calendar);
        if (procedure.Definition.FindState(state) is null)
        {
            throw new ArgumentException($"'{state}' is not a state of {procedure.Definition.Header.File}.", nameof(state));
        }

        return new ProcedureMachine(procedure, state, events, facts, calendar);
    }

    /// <summary>Builds the machine for a new application, in the initial state with no events.</summary>
    public static ProcedureMachine CreateForNewApplication(EffectiveProcedure procedure, ProcedureFacts facts, ItalianCalendar calendar) =>
        Create(procedure, procedure?.Definition.Initial ?? throw new ArgumentNullException(nameof(procedure)), [], facts, calendar);

    /// <summary>The triggers <paramref name="role"/> may fire now, on <paramref name="date"/> (guards evaluated for that day).</summary>
    public async Task<IReadOnlyList<PermittedTrigger>> PermittedTriggersAsync(string role, DateOnly date, CancellationToken cancellationToken = default)
    {
        await EvaluateGuardsAsync(date, cancellationToken);
        return await PermittedAsync(role);
    }

    /// <summary>
    /// Fires <paramref name="trigger"/> as <paramref name="role"/> on <paramref name="date"/>. Returns
    /// the new state and the event to append, or why not (never throws for a refusal).
    /// </summary>
    public async Task<FireOutcome> FireAsync(string trigger, string role, DateOnly date, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(role);
        await EvaluateGuardsAsync(date, cancellationToken);
        async Task<FireOutcome> RefusedAsync(FireStatus status, IReadOnlyList<GuardRefusal>? refusals = null) => new()
        {
            Status = status,
            Trigger = trigger,
            State = _state,
            PermittedTriggers = await PermittedAsync(role),
            Refusals = refusals ?? [],
        };

        var definition = _procedure.Definition;
        var declared = definition.FindTrigger(trigger);
        if (declared is null)
        {
            return await RefusedAsync(FireStatus.UnknownTrigger);
        }

        if (!definition.TransitionsFrom(_state).Any(t => t.Trigger == trigger))
        {
            return await RefusedAsync(FireStatus.NotPermittedInState);
        }

        if (!declared.Roles.Contains(role, StringComparer.Ordinal))
        {
            return await RefusedAsync(FireStatus.NotPermittedForRole);
        }

        if (_events.Count > 0 && date < _events[^1].Date)
        {
            return await RefusedAsync(FireStatus.DateBeforeLastEvent);
        }

        if (!_machine.CanFire(trigger, out var unmet))
        {
            return await RefusedAsync(FireStatus.GuardRefused, [.. unmet.Where(_guardRules.ContainsKey).Distinct().Select(name =>
            {
                var rule = _guardRules[name];
                return new GuardRefusal(rule.Name, rule.Messages, rule.LegalBasis);
            })]);
        }

        var from = _state;
        await _machine.FireAsync(trigger);
        var taken = definition.TransitionsFrom(from).First(t => t.Trigger == trigger && t.To == _state
            && (t.Guard is null || _guardResults[t.Guard]));
        var fired = new ProcedureEvent(trigger, from, _state, role, date, taken.LegalBasis);
        _events.Add(fired);

        // The new event changes the derived facts: evaluate again for the list of what may follow.
        _evaluatedOn = null;
        await EvaluateGuardsAsync(date, cancellationToken);
        return new FireOutcome
        {
            Status = FireStatus.Fired,
            Trigger = trigger,
            State = _state,
            Event = fired,
            PermittedTriggers = await PermittedAsync(role),
        };
    }

    /// <summary>The facts guards see on <paramref name="date"/> (derived from the events and the clock).</summary>
    public ProcedureFacts FactsOn(DateOnly date)
    {
        var definition = _procedure.Definition;
        var clockEvents = _events.Select(e => e.ToClockEvent()).ToList();
        var expired = LegalClock.Compute(definition.LegalTermsFor(_facts), clockEvents, _calendar, _procedure.Municipality.Code, date)
            .Where(s => s.State == TermState.Expired).Select(s => s.TermId).ToList();
        return _facts with
        {
            DaysSinceFiling = _events.Count == 0 ? 0 : date.DayNumber - _events[0].Date.DayNumber,
            Events = [.. _events.Select(e => e.Trigger)],
            ExpiredTerms = expired,
            State = _state,
        };
    }

    private async Task<IReadOnlyList<PermittedTrigger>> PermittedAsync(string role)
    {
        var definition = _procedure.Definition;
        return
        [
            .. (await _machine.GetPermittedTriggersAsync())
                .Select(definition.FindTrigger)
                .OfType<ProcedureTrigger>()
                .Where(t => t.Roles.Contains(role, StringComparer.Ordinal))
                .Select(t =>
                {
                    var transition = definition.TransitionsFrom(_state).First(x => x.Trigger == t.Id && (x.Guard is null || _guardResults[x.Guard]));
                    return new PermittedTrigger(t.Id, t.Name, transition.To, transition.LegalBasis);
                })
                .OrderBy(t => t.Trigger, StringComparer.Ordinal),
        ];
    }

    private async Task EvaluateGuardsAsync(DateOnly date, CancellationToken cancellationToken)
    {
        if (_evaluatedOn == date || _guardRules.Count == 0)
        {
            _evaluatedOn = date;
            return;
        }

        var facts = FactsOn(date);
        var results = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var workflow in _guardRules.Values.Select(r => r.Workflow).Distinct(StringComparer.Ordinal))
        {
            var outcomes = await _procedure.Guards!.EvaluateAsync(workflow, [facts], cancellationToken);
            foreach (var outcome in outcomes)
            {
                results[outcome.Rule.Name] = outcome.Applies;
            }
        }

        _guardResults = results;
        _evaluatedOn = date;
    }
}
