using System.Globalization;
using System.Text.Json;
using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Procedures.Clock;

/// <summary>
/// Replays a case's events through the procedure in force and the legal clock: what <c>permits
/// deadlines</c> prints and what legal staff's term cases (rules/tests/terms) assert. The first
/// event's date is the legal date that selects the procedure version. Each trigger is fired by the
/// first of its roles the machine accepts, so a refusal means the state or a guard forbids it.
/// </summary>
public static class DeadlineCheck
{
    /// <summary>Stable error codes.</summary>
    public static class Codes
    {
        /// <summary>The events are not a JSON array of <c>{"trigger","date"}</c>.</summary>
        public const string EventsMalformed = Problems.ProblemCatalog.EventsMalformed;

        /// <summary>No events: the first event's date is needed to select the procedure.</summary>
        public const string EventsEmpty = Problems.ProblemCatalog.EventsEmpty;

        /// <summary>An event's date is not yyyy-MM-dd.</summary>
        public const string DateInvalid = Problems.ProblemCatalog.EventsDateInvalid;

        /// <summary>An event is dated before the previous one.</summary>
        public const string OutOfOrder = Problems.ProblemCatalog.EventsOutOfOrder;

        /// <summary>The procedure has no such trigger.</summary>
        public const string TriggerUnknown = Problems.ProblemCatalog.EventsTriggerUnknown;

        /// <summary>The trigger is not permitted in the state reached (or a guard refuses it).</summary>
        public const string TriggerNotPermitted = Problems.ProblemCatalog.EventsTriggerNotPermitted;
    }

    /// <summary>Reads <c>[{"trigger":"presentazione","date":"2025-03-03"}, …]</c>; errors carry a JSON pointer into the array.</summary>
    public static (IReadOnlyList<CheckEvent>? Events, InputError? Error) ParseEvents(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            return (null, new InputError(Codes.EventsMalformed, "", new LocalizedText(
                $"Gli eventi non sono JSON valido (riga {ex.LineNumber + 1}).", $"The events are not valid JSON (line {ex.LineNumber + 1}): {ex.Message}")));
        }

        using (document)
        {
            return ParseEvents(document.RootElement);
        }
    }

    /// <summary>Reads the events from a JSON element (an array of <c>{"trigger","date"}</c>).</summary>
    public static (IReadOnlyList<CheckEvent>? Events, InputError? Error) ParseEvents(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            return (null, Malformed("", "Gli eventi devono essere un array JSON di oggetti {\"trigger\", \"date\"}.", "The events must be a JSON array of {\"trigger\", \"date\"} objects."));
        }

        var events = new List<CheckEvent>();
        var index = 0;
        foreach (var item in root.EnumerateArray())
        {
            var pointer = $"/{index}";
            if (item.ValueKind != JsonValueKind.Object
                || !item.TryGetProperty("trigger", out var trigger) || trigger.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(trigger.GetString())
                || !item.TryGetProperty("date", out var date) || date.ValueKind != JsonValueKind.String)
            {
                return (null, Malformed(pointer, $"L'evento {index + 1} deve avere \"trigger\" e \"date\" (testo).", $"Event {index + 1} needs \"trigger\" and \"date\" (strings)."));
            }

            var text = date.GetString()!;
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return (null, new InputError(Codes.DateInvalid, pointer + "/date", new LocalizedText(
                    $"La data \"{text}\" dell'evento {index + 1} non è nel formato aaaa-mm-gg.", $"The date \"{text}\" of event {index + 1} is not yyyy-MM-dd.")));
            }

            if (events.Count > 0 && day < events[^1].Date)
            {
                return (null, new InputError(Codes.OutOfOrder, pointer + "/date", new LocalizedText(
                    $"L'evento {index + 1} ({day:dd/MM/yyyy}) precede il precedente ({events[^1].Date:dd/MM/yyyy}): gli eventi vanno in ordine.",
                    $"Event {index + 1} ({day:yyyy-MM-dd}) is before the previous one ({events[^1].Date:yyyy-MM-dd}): give the events in order.")));
            }

            events.Add(new CheckEvent(trigger.GetString()!, day));
            index++;
        }

        return events.Count == 0
            ? (null, new InputError(Codes.EventsEmpty, "", new LocalizedText(
                "Nessun evento: la data del primo evento seleziona la versione del procedimento.", "No events: the first event's date selects the procedure version.")))
            : (events, null);
    }

    /// <summary>
    /// Fires the events in order and computes every term on <paramref name="on"/> (default: the last
    /// event's date). An input error for an unknown procedure or municipality, an unknown trigger,
    /// or a trigger not permitted in the state reached (its message names the state and the permitted triggers).
    /// </summary>
    public static async Task<(DeadlineReport? Report, InputError? Error)> RunAsync(
        ProcedureCatalog procedures,
        ItalianCalendar calendar,
        string procedureId,
        string municipality,
        IReadOnlyList<CheckEvent> events,
        DateOnly? on = null,
        ProcedureFacts? facts = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(procedures);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return (null, new InputError(Codes.EventsEmpty, "/events", new LocalizedText(
                "Nessun evento: la data del primo evento seleziona la versione del procedimento.", "No events: the first event's date selects the procedure version.")));
        }

        var (procedure, error) = await procedures.ResolveAsync(procedureId, municipality, events[0].Date, cancellationToken);
        if (procedure is null)
        {
            return (null, error);
        }

        var definition = procedure.Definition;
        facts ??= new ProcedureFacts();
        var machine = ProcedureMachine.CreateForNewApplication(procedure, facts, calendar);
        for (var i = 0; i < events.Count; i++)
        {
            var (trigger, date) = events[i];
            var declared = definition.FindTrigger(trigger);
            if (declared is null)
            {
                return (null, new InputError(Codes.TriggerUnknown, $"/events/{i}/trigger", new LocalizedText(
                    $"Il procedimento {definition.Id} non ha il trigger \"{trigger}\" (noti: {string.Join(", ", definition.Triggers.Select(t => t.Id))}).",
                    $"The procedure {definition.Id} has no trigger \"{trigger}\" (known: {string.Join(", ", definition.Triggers.Select(t => t.Id))}).")));
            }

            FireOutcome? outcome = null;
            foreach (var role in declared.Roles)
            {
                outcome = await machine.FireAsync(trigger, role, date, cancellationToken);
                if (outcome.Status != FireStatus.NotPermittedForRole)
                {
                    break;
                }
            }

            if (outcome is not { Status: FireStatus.Fired })
            {
                var permitted = await PermittedAsync(machine, definition, date, cancellationToken);
                var why = outcome?.Refusals.Count > 0 ? $" ({string.Join("; ", outcome.Refusals.Select(r => r.Rule))})" : "";
                return (null, new InputError(Codes.TriggerNotPermitted, $"/events/{i}/trigger", new LocalizedText(
                    $"Il trigger \"{trigger}\" del {date:dd/MM/yyyy} non è consentito nello stato \"{machine.State}\"{why}. Consentiti: {List(permitted)}.",
                    $"The trigger \"{trigger}\" on {date:yyyy-MM-dd} is not permitted in state \"{machine.State}\"{why}. Permitted: {List(permitted)}.")));
            }
        }

        var day = on is { } given && given > events[^1].Date ? given : events[^1].Date;
        var statuses = ProcedureDeadlines.ComputeFor(definition, machine.Events, facts, calendar, procedure.Municipality.Code, day);
        return (new DeadlineReport
        {
            Procedure = procedure.Layers[0],
            State = machine.State,
            Terms = [.. statuses.Select(s => new CheckedTerm(s.TermId, s.Name, s.StartDate, s.DueDate, s.State, s.LegalBasis))],
            PermittedTriggers = await PermittedAsync(machine, definition, day, cancellationToken),
            On = day,
        }, null);
    }

    private static async Task<IReadOnlyList<string>> PermittedAsync(
        ProcedureMachine machine, ProcedureDefinition definition, DateOnly date, CancellationToken cancellationToken)
    {
        var permitted = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var role in definition.Triggers.SelectMany(t => t.Roles).Distinct(StringComparer.Ordinal))
        {
            foreach (var trigger in await machine.PermittedTriggersAsync(role, date, cancellationToken))
            {
                permitted.Add(trigger.Trigger);
            }
        }

        return [.. permitted];
    }

    private static string List(IReadOnlyList<string> triggers) => triggers.Count == 0 ? "-" : string.Join(", ", triggers);

    private static InputError Malformed(string pointer, string it, string en) => new(Codes.EventsMalformed, pointer, new LocalizedText(it, en));
}
