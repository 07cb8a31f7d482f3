using System.Globalization;
using System.Text.Json;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Determination;
using StrategicCities.Core.Forms;
using StrategicCities.Core.Procedures;
using StrategicCities.Core.Procedures.Clock;

namespace StrategicCities.Core.Cases;

/// <summary>
/// Runs legal-staff cases through the same code as the service. The CLI (<c>permits test</c>) and the
/// NUnit suite both call this, so a rule author gets the verdict CI gets.
/// </summary>
public sealed class CaseRunner
{
    private readonly Dictionary<string, Func<LegalCase, DateOnly, CancellationToken, Task<List<string>>>> _kinds = new(StringComparer.Ordinal);

    /// <summary>Creates a runner that knows determination cases.</summary>
    public CaseRunner(DeterminationEngine determination)
    {
        _kinds["determination"] = (c, date, ct) => RunDeterminationAsync(determination, c, date, ct);
    }

    /// <summary>
    /// The runner every host uses (CLI <c>permits test</c>, NUnit): determination cases and form cases
    /// (<c>"form": "scia"</c>), over one catalog and the schemas beside it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The form schemas do not load (run <c>permits lint</c>).</exception>
    public static async Task<CaseRunner> CreateDefaultAsync(RuleCatalog catalog, CatalogSources sources, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var runner = new CaseRunner(new DeterminationEngine(catalog, await InterventionReader.CreateAsync(sources.SchemasDirectory, cancellationToken)));
        var (schemas, problems) = await FormSchemaProvider.LoadAsync(sources.SchemasDirectory, cancellationToken);
        if (schemas is null)
        {
            throw new InvalidOperationException("The form schemas do not load: " + string.Join("; ", problems));
        }

        var validator = new FormValidator(catalog, schemas);
        runner.Register("form", (c, date, ct) => RunFormAsync(validator, c, date, ct));

        var fees = await Fees.FeeLoader.LoadAsync(sources, catalog, cancellationToken);
        var determination = new DeterminationEngine(catalog, await InterventionReader.CreateAsync(sources.SchemasDirectory, cancellationToken));
        runner.Register("fees", fees.Catalog is { } feeCatalog
            ? (c, date, ct) => Fees.FeeCaseRunner.RunAsync(feeCatalog, determination, c, date, ct)
            : (_, _, _) => Task.FromResult<List<string>>(["the fee files do not load (run permits lint)"]));

        var procedures = await ProcedureLoader.LoadAsync(sources, catalog, cancellationToken);
        var calendar = await CalendarLoader.LoadAsync(Path.Combine(sources.RulesDirectory, "calendars"), cancellationToken);
        if (procedures.Catalog is { } loaded && calendar.Calendar is { } days)
        {
            runner.Register("terms", (c, date, ct) => RunTermsAsync(loaded, days, c, ct));
        }
        else
        {
            runner.Register("terms", (_, _, _) => Task.FromResult<List<string>>(["the procedures or the calendars do not load (run permits lint)"]));
        }

        return runner;
    }

    /// <summary>
    /// A terms case (rules/tests/terms): replays the events through the procedure in force on the first
    /// event's date (<see cref="DeadlineCheck"/>, as <c>permits deadlines</c> does) and compares the state,
    /// the terms listed (start, due, status: only the fields given) and the permitted triggers (the exact set).
    /// </summary>
    public static async Task<List<string>> RunTermsAsync(ProcedureCatalog procedures, ItalianCalendar calendar, LegalCase c, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Procedure is null || c.EventsJson is null)
        {
            return ["a terms case must name its procedure and its events"];
        }

        DateOnly? on = null;
        if (c.On is { } text)
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return [$"on '{text}' is not yyyy-MM-dd"];
            }

            on = day;
        }

        var (events, parseError) = DeadlineCheck.ParseEvents(c.EventsJson);
        var (report, error) = events is null
            ? (null, parseError)
            : await DeadlineCheck.RunAsync(procedures, calendar, c.Procedure, c.Municipality, events, on, new ProcedureFacts { ZoneA = c.ZoneA }, cancellationToken);
        var failures = CheckErrors(c.Expect, error is null ? [] : [error]);
        if (report is null || failures.Count > 0)
        {
            return failures;
        }

        var expect = c.Expect;
        if (expect.TryGetProperty("version", out var version) && version.GetString() != report.Procedure.Version)
        {
            failures.Add($"version: expected {version.GetString()}, got {report.Procedure.Version}");
        }

        if (expect.TryGetProperty("state", out var state) && state.GetString() != report.State)
        {
            failures.Add($"state: expected {state.GetString()}, got {report.State}");
        }

        if (expect.TryGetProperty("terms", out var terms))
        {
            foreach (var wanted in terms.EnumerateArray())
            {
                var id = wanted.GetProperty("id").GetString()!;
                var actual = report.Terms.FirstOrDefault(t => t.Id == id);
                if (actual is null)
                {
                    failures.Add($"term {id}: not a term of {report.Procedure.Id} {report.Procedure.Version}");
                    continue;
                }

                static string Show(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "null";
                void Compare(string property, string got)
                {
                    if (wanted.TryGetProperty(property, out var value))
                    {
                        var want = value.ValueKind == JsonValueKind.Null ? "null" : value.GetString();
                        if (want != got)
                        {
                            failures.Add($"term {id} {property}: expected {want}, got {got}");
                        }
                    }
                }

                Compare("start", Show(actual.Start));
                Compare("due", Show(actual.Due));
                Compare("status", actual.StatusName);
            }
        }

        CompareSet(expect, "permittedTriggers", report.PermittedTriggers, failures);
        return failures;
    }

    /// <summary>Registers how to run another kind of case (e.g. form validation).</summary>
    public void Register(string kind, Func<LegalCase, DateOnly, CancellationToken, Task<List<string>>> run) => _kinds[kind] = run;

    /// <summary>Runs one case.</summary>
    public async Task<CaseResult> RunAsync(LegalCase legalCase, CancellationToken cancellationToken = default)
    {
        if (!DateOnly.TryParseExact(legalCase.LegalDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Expecting(legalCase, [InputError.Codes.LegalDateInvalid], $"legalDate '{legalCase.LegalDate}' is not yyyy-MM-dd");
        }

        if (!_kinds.TryGetValue(legalCase.Kind, out var run))
        {
            return new CaseResult(legalCase, [$"no runner for cases of kind '{legalCase.Kind}'"]);
        }

        return new CaseResult(legalCase, await run(legalCase, date, cancellationToken));
    }

    /// <summary>Runs every case, in order.</summary>
    public async Task<IReadOnlyList<CaseResult>> RunAllAsync(IEnumerable<LegalCase> cases, CancellationToken cancellationToken = default)
    {
        var results = new List<CaseResult>();
        foreach (var c in cases)
        {
            results.Add(await RunAsync(c, cancellationToken));
        }

        return results;
    }

    private static CaseResult Expecting(LegalCase legalCase, IReadOnlyList<string> actualErrors, string detail)
    {
        var expected = ExpectedError(legalCase.Expect);
        return expected is not null && actualErrors.Contains(expected)
            ? new CaseResult(legalCase, [])
            : new CaseResult(legalCase, [detail]);
    }

    /// <summary>The expected error code, if the case expects a refusal.</summary>
    public static string? ExpectedError(JsonElement expect) =>
        expect.TryGetProperty("error", out var e) ? e.GetString() : null;

    /// <summary>Compares an expected error with the errors actually returned.</summary>
    public static List<string> CheckErrors(JsonElement expect, IReadOnlyList<InputError> errors)
    {
        var expected = ExpectedError(expect);
        if (expected is null)
        {
            return errors.Count == 0 ? [] : [$"unexpected error(s): {string.Join(", ", errors.Select(e => $"{e.Code} at {e.Pointer}"))}"];
        }

        if (errors.Count == 0)
        {
            return [$"expected error {expected}, got none"];
        }

        return errors.Any(e => e.Code == expected) ? [] : [$"expected error {expected}, got {string.Join(", ", errors.Select(e => e.Code))}"];
    }

    private static async Task<List<string>> RunDeterminationAsync(
        DeterminationEngine engine, LegalCase c, DateOnly date, CancellationToken cancellationToken)
    {
        var (result, errors) = await engine.DetermineAsync(c.Municipality, date, c.InputJson, cancellationToken);
        var failures = CheckErrors(c.Expect, errors);
        if (result is null || failures.Count > 0)
        {
            return failures;
        }

        var expect = c.Expect;
        if (expect.TryGetProperty("regime", out var regime) && regime.GetString() != result.Regime)
        {
            failures.Add($"regime: expected {regime.GetString()}, got {result.Regime}");
        }

        CompareSet(expect, "alternatives", result.Alternatives, failures);
        CompareSet(expect, "additionalActs", [.. result.AdditionalActs.Select(a => a.Code)], failures);
        var attachments = result.Attachments.Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        var applied = result.Trace.Where(t => t.Outcome == TraceEntry.Applied).Select(t => t.Rule).ToHashSet(StringComparer.Ordinal);
        Contains(expect, "attachments", attachments, failures, present: true);
        Contains(expect, "notAttachments", attachments, failures, present: false);
        Contains(expect, "rules", applied, failures, present: true);
        Contains(expect, "notRules", applied, failures, present: false);
        return failures;
    }

    private static async Task<List<string>> RunFormAsync(FormValidator validator, LegalCase c, DateOnly date, CancellationToken cancellationToken)
    {
        if (c.Form is null)
        {
            return ["a form case must name its form (\"form\": \"scia\")"];
        }

        var (report, errors) = await validator.ValidateAsync(c.Form, c.Municipality, date, c.InputJson, cancellationToken);
        var failures = CheckErrors(c.Expect, errors);
        if (report is null || failures.Count > 0)
        {
            return failures;
        }

        var expect = c.Expect;
        if (expect.TryGetProperty("valid", out var valid) && valid.GetBoolean() != report.Valid)
        {
            failures.Add($"valid: expected {valid.GetBoolean()}, got {report.Valid} (errors: {string.Join(", ", report.Errors.Select(e => $"{e.Code} at {e.Pointer}"))})");
        }

        var errorCodes = report.Errors.Select(e => e.Code).ToHashSet(StringComparer.Ordinal);
        var warningCodes = report.Warnings.Select(e => e.Code).ToHashSet(StringComparer.Ordinal);
        var attachments = report.RequiredAttachments.Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        Contains(expect, "errors", errorCodes, failures, present: true);
        Contains(expect, "notErrors", errorCodes, failures, present: false);
        Contains(expect, "warnings", warningCodes, failures, present: true);
        Contains(expect, "attachments", attachments, failures, present: true);
        Contains(expect, "notAttachments", attachments, failures, present: false);
        return failures;
    }

    private static void CompareSet(JsonElement expect, string property, IReadOnlyList<string> actual, List<string> failures)
    {
        if (!expect.TryGetProperty(property, out var expected))
        {
            return;
        }

        var want = expected.EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal).ToList();
        var got = actual.Order(StringComparer.Ordinal).ToList();
        if (!want.SequenceEqual(got))
        {
            failures.Add($"{property}: expected [{string.Join(", ", want)}], got [{string.Join(", ", got)}]");
        }
    }

    private static void Contains(JsonElement expect, string property, HashSet<string> actual, List<string> failures, bool present)
    {
        if (!expect.TryGetProperty(property, out var expected))
        {
            return;
        }

        var wrong = expected.EnumerateArray().Select(e => e.GetString()!).Where(x => actual.Contains(x) != present).ToList();
        if (wrong.Count > 0)
        {
            failures.Add(present
                ? $"{property}: missing {string.Join(", ", wrong)}"
                : $"{property}: unexpectedly present {string.Join(", ", wrong)}");
        }
    }
}
