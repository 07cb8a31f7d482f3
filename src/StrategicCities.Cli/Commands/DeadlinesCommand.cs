using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using StrategicCities.Core.Legal;
using StrategicCities.Core.Procedures;
using StrategicCities.Core.Procedures.Clock;

namespace StrategicCities.Cli.Commands;

/// <summary>
/// <c>permits deadlines --procedure &lt;id&gt; --municipality &lt;istat&gt; --events &lt;file|-&gt; [--on yyyy-MM-dd] [--text [--lang it|en]]</c>:
/// replays a case's events through the procedure in force on the first event's date and prints the
/// state reached, every term (start, due date, status) and the triggers permitted next.
/// </summary>
internal static class DeadlinesCommand
{
    public static Command Create(CliContext context)
    {
        var procedure = new Option<string>("--procedure", "-p") { Description = "Procedure id, e.g. permesso-di-costruire, scia, cila.", Required = true };
        var municipality = Options.Municipality();
        var events = new Option<string>("--events", "-e")
        {
            Description = "File with the events, or - for standard input: a JSON array [{\"trigger\":\"presentazione\",\"date\":\"2025-03-03\"}, …] in order; the first date selects the procedure version.",
            Required = true,
        };
        var onOption = new Option<DateOnly>("--on")
        {
            Description = "Day of the computation, yyyy-MM-dd (default: today in Rome, or the last event's date if later).",
            CustomParser = Options.Date(required: false).CustomParser,
        };
        var zoneA = new Option<bool>("--zone-a") { Description = "The works are in a zona omogenea A (art. 23-bis c. 4 D.P.R. 380/2001): count the 30-day wait of a SCIA." };
        var text = new Option<bool>("--text") { Description = "Print a readable table instead of JSON." };
        var lang = new Option<string>("--lang") { Description = "Language of the table: it or en.", DefaultValueFactory = _ => "it" };
        lang.AcceptOnlyFromAmong("it", "en");
        var rules = Options.Rules();
        var command = new Command("deadlines",
            "Replay the events of a case and print the procedure version, the state reached, every legal term " +
            "(start, due date, status) and the triggers permitted next. Exit 2 for bad input or a trigger not permitted in the state reached.")
        {
            procedure, municipality, events, onOption, zoneA, text, lang, rules,
        };
        command.SetAction(async (parse, ct) =>
        {
            var day = parse.GetResult(onOption) is null ? (DateOnly?)null : parse.GetValue(onOption);
            return await RunAsync(context, parse.GetRequiredValue(procedure), parse.GetRequiredValue(municipality), parse.GetRequiredValue(events),
                day, new ProcedureFacts { ZoneA = parse.GetValue(zoneA) }, parse.GetValue(text), parse.GetValue(lang) ?? "it", parse.GetValue(rules), ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        CliContext context, string procedureId, string municipality, string eventsPath, DateOnly? on, ProcedureFacts facts, bool text, string lang, string? rulesPath, CancellationToken ct)
    {
        string json;
        if (eventsPath == "-")
        {
            json = await context.In.ReadToEndAsync(ct);
        }
        else if (File.Exists(eventsPath))
        {
            json = await File.ReadAllTextAsync(eventsPath, ct);
        }
        else
        {
            await context.Error.WriteLineAsync($"error: events file '{eventsPath}' does not exist");
            await context.Error.WriteLineAsync($"       il file degli eventi '{eventsPath}' non esiste");
            return ExitCodes.BadInput;
        }

        var (events, parseError) = DeadlineCheck.ParseEvents(json);
        if (events is null)
        {
            return await context.PrintInputErrorsAsync([parseError! with { Pointer = "/events" + parseError.Pointer }]);
        }

        var (procedures, calendar) = await MonitoringLoader.LoadAsync(context, rulesPath, ct);
        if (procedures is null || calendar is null)
        {
            return ExitCodes.Failed;
        }

        var today = on ?? RomeCalendar.Today(TimeProvider.System);
        var (report, error) = await DeadlineCheck.RunAsync(procedures, calendar, procedureId, municipality, events, today, facts, ct);
        if (report is null)
        {
            return await context.PrintInputErrorsAsync([error!]);
        }

        await context.Out.WriteAsync(text ? Table(report, lang == "en") : Json(report));
        return ExitCodes.Ok;
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>The public JSON contract: procedure {id, version, revision}, state, terms [{id, start, due, status}], permittedTriggers.</summary>
    internal static string Json(DeadlineReport report)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("procedure");
            writer.WriteString("id", report.Procedure.Id);
            writer.WriteString("version", report.Procedure.Version);
            writer.WriteNumber("revision", Revision(report));
            writer.WriteEndObject();
            writer.WriteString("state", report.State);
            writer.WriteStartArray("terms");
            foreach (var term in report.Terms)
            {
                writer.WriteStartObject();
                writer.WriteString("id", term.Id);
                if (term.Start is null)
                {
                    writer.WriteNull("start");
                }
                else
                {
                    writer.WriteString("start", Date(term.Start));
                }

                if (term.Due is null)
                {
                    writer.WriteNull("due");
                }
                else
                {
                    writer.WriteString("due", Date(term.Due));
                }

                writer.WriteString("status", term.StatusName);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("permittedTriggers");
            foreach (var trigger in report.PermittedTriggers)
            {
                writer.WriteStringValue(trigger);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }

    // Revision 1 is the <version>.json file itself; <version>.rN.json is revision N.
    private static int Revision(DeadlineReport report) => report.Procedure.Revision;

    private static string Table(DeadlineReport report, bool english)
    {
        string Status(TermState state) => (state, english) switch
        {
            (TermState.NotStarted, false) => "non iniziato",
            (TermState.Running, false) => "in corso",
            (TermState.Suspended, false) => "sospeso",
            (TermState.Met, false) => "rispettato",
            (TermState.Expired, false) => "scaduto",
            (TermState.NotStarted, true) => "not started",
            (TermState.Running, true) => "running",
            (TermState.Suspended, true) => "suspended",
            (TermState.Met, true) => "met",
            _ => "expired",
        };
        string Day(DateOnly? date) => date is not { } d ? "-" : english ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

        var header = english ? new[] { "Term", "Start", "Due", "Status", "Legal basis" } : ["Termine", "Decorrenza", "Scadenza", "Stato", "Base giuridica"];
        var rows = report.Terms.Select(t => new[]
        {
            $"{t.Id} ({(english ? t.Name.En : t.Name.It)})",
            Day(t.Start),
            Day(t.Due),
            Status(t.Status),
            string.Join("; ", t.LegalBasis.Select(b => $"{b.Instrument} art. {b.Article}{(b.Paragraph is null ? "" : $" c. {b.Paragraph}")}")),
        }).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(i => rows.Select(r => r[i].Length).Append(header[i].Length).Max()).ToArray();
        var builder = new StringBuilder();
        builder.AppendLine(english
            ? $"Procedure: {report.Procedure.Id}, version {report.Procedure.Version}, revision {Revision(report)}"
            : $"Procedimento: {report.Procedure.Id}, versione {report.Procedure.Version}, revisione {Revision(report)}");
        builder.AppendLine(english ? $"State: {report.State} (on {Day(report.On)})" : $"Stato: {report.State} (al {Day(report.On)})");
        builder.AppendLine();
        void Row(string[] cells) => builder.AppendLine(string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        Row(header);
        Row([.. widths.Select(w => new string('-', w))]);
        rows.ForEach(Row);
        builder.AppendLine();
        builder.AppendLine(english
            ? $"Permitted triggers: {(report.PermittedTriggers.Count == 0 ? "none" : string.Join(", ", report.PermittedTriggers))}"
            : $"Trigger consentiti: {(report.PermittedTriggers.Count == 0 ? "nessuno" : string.Join(", ", report.PermittedTriggers))}");
        return builder.ToString();
    }
}
