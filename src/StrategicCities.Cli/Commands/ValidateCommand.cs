using System.CommandLine;
using System.Text;
using System.Text.Json;
using StrategicCities.Core;
using StrategicCities.Core.Forms;

namespace StrategicCities.Cli.Commands;

/// <summary><c>permits validate &lt;form&gt;</c>: validates a form (JSON report, or readable it/en text).</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var form = new Argument<string>("form")
        {
            Description = "The form: pdc, scia, scia-alternativa, cila, cil, inizio-lavori, agibilita.",
        };
        var municipality = Options.Municipality();
        var date = Options.Date();
        var input = Options.Input();
        input.Description = "File with the form JSON, or - for standard input (the default when piped).";
        var rules = Options.Rules();
        var text = new Option<bool>("--text") { Description = "Print a readable report in Italian and English instead of JSON." };
        var command = new Command("validate",
            "Validate a filled-in form against the schema and cross-field rules in force for the municipality on the date " +
            "(DESIGN.md §5). Exit 0 valid, 1 invalid, 2 bad input. " +
            "Example: permits validate scia -m 015146 -d 2025-06-01 --input scia.json")
        {
            form, municipality, date, input, rules, text,
        };
        command.SetAction(async (parse, ct) => await RunAsync(
            context, parse.GetRequiredValue(form), parse.GetRequiredValue(municipality), parse.GetValue(date),
            parse.GetValue(input), parse.GetValue(rules), parse.GetValue(text), ct));
        return command;
    }

    private static async Task<int> RunAsync(
        CliContext context, string form, string municipality, DateOnly date, string? inputPath, string? rulesPath, bool asText,
        CancellationToken cancellationToken)
    {
        var json = await context.ReadInputAsync(inputPath, cancellationToken);
        if (json is null)
        {
            return ExitCodes.BadInput;
        }

        var (catalog, sources) = await context.LoadCatalogAsync(rulesPath, cancellationToken);
        if (catalog is null || sources is null)
        {
            return ExitCodes.Failed;
        }

        var (schemas, problems) = await FormSchemaProvider.LoadAsync(sources.SchemasDirectory, cancellationToken);
        if (schemas is null)
        {
            await context.Error.WriteLineAsync("error: the form schemas do not load (run 'permits lint' for details):");
            foreach (var problem in problems)
            {
                await context.Error.WriteLineAsync(problem.ToString());
            }

            return ExitCodes.Failed;
        }

        var validator = new FormValidator(catalog, schemas);
        var (report, errors) = await validator.ValidateAsync(form, municipality, date, json, cancellationToken);
        if (report is null)
        {
            return await context.PrintInputErrorsAsync(errors);
        }

        await context.Out.WriteAsync(asText ? Render(report) : JsonSerializer.Serialize(report, JsonDefaults.Indented) + Environment.NewLine);
        return report.Valid ? ExitCodes.Ok : ExitCodes.Failed;
    }

    /// <summary>The report for people: every issue in Italian, then English, with its field and law.</summary>
    internal static string Render(ValidationReport report)
    {
        var text = new StringBuilder();
        text.Append("Modulo / form ").Append(report.Form).Append(" v. ").Append(report.Version)
            .Append(" — comune ").Append(report.Municipality).Append(", data ").Append(report.LegalDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .AppendLine();
        text.AppendLine(report.Valid ? "VALIDO / VALID" : $"NON VALIDO / INVALID: {report.Errors.Count} errore/i / error(s)");
        void Issues(string heading, IReadOnlyList<ValidationIssue> issues)
        {
            if (issues.Count == 0)
            {
                return;
            }

            text.AppendLine().AppendLine(heading);
            foreach (var issue in issues)
            {
                text.Append("  - [").Append(issue.Code).Append("] ").Append(issue.Pointer.Length == 0 ? "/" : issue.Pointer).AppendLine();
                text.Append("    it: ").AppendLine(issue.Message.It);
                text.Append("    en: ").AppendLine(issue.Message.En);
                if (issue.LegalBasis is { Count: > 0 } basis)
                {
                    text.Append("    ").AppendLine(string.Join("; ", basis));
                }
            }
        }

        Issues("Errori / Errors:", report.Errors);
        Issues("Avvisi / Warnings:", report.Warnings);
        if (report.RequiredAttachments.Count > 0)
        {
            text.AppendLine().AppendLine("Allegati richiesti / Required attachments:");
            foreach (var attachment in report.RequiredAttachments)
            {
                text.Append("  ").Append(attachment.Provided ? "[x] " : "[ ] ").Append(attachment.Code)
                    .Append(" — ").AppendLine(string.Join("; ", attachment.LegalBasis));
            }
        }

        return text.ToString();
    }
}
