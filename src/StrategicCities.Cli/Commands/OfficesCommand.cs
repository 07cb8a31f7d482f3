using System.CommandLine;
using StrategicCities.Data;
using StrategicCities.Data.Offices;

namespace StrategicCities.Cli.Commands;

/// <summary><c>permits offices create|list</c>: offices and the municipalities they serve (joint offices serve several).</summary>
internal static class OfficesCommand
{
    public static Command Create(CliContext context) =>
        new("offices", "Offices (SUE/SUAP, joint offices of associated municipalities); clerk keys belong to one.")
        {
            CreateCommand(context), ListCommand(context),
        };

    private static Command CreateCommand(CliContext context)
    {
        var connection = DatabaseOptions.Connection();
        var name = new Option<string>("--name", "-n") { Description = "The office's name, e.g. 'SUE Unione Valle Seriana'.", Required = true };
        var municipalities = new Option<string>("--municipalities", "-m")
        {
            Description = "ISTAT codes it serves, comma-separated, e.g. 015146,015077.",
            Required = true,
        };
        municipalities.Validators.Add(result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            var bad = Split(text).Where(c => !MunicipalityCode.IsValid(c)).ToList();
            if (bad.Count > 0 || Split(text).Count == 0)
            {
                result.AddError($"--municipalities needs 6-digit ISTAT codes separated by commas; not valid: {string.Join(", ", bad.DefaultIfEmpty("(none given)"))}");
            }
        });
        var command = new Command("create", "Create an office serving one or more municipalities; prints its id.") { name, municipalities, connection };
        command.SetAction(async (parse, ct) => await DatabaseOptions.RunAsync(context, parse.GetValue(connection), async factory =>
        {
            var office = await new OfficeStore(factory).CreateAsync(parse.GetValue(name)!, Split(parse.GetValue(municipalities)!), ct);
            await context.Out.WriteLineAsync($"created office {office.Id} \"{office.Name}\" serving {string.Join(", ", office.Municipalities)}");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static Command ListCommand(CliContext context)
    {
        var connection = DatabaseOptions.Connection();
        var command = new Command("list", "List offices: id, name, municipalities served.") { connection };
        command.SetAction(async (parse, ct) => await DatabaseOptions.RunAsync(context, parse.GetValue(connection), async factory =>
        {
            var offices = await new OfficeStore(factory).ListAsync(ct);
            foreach (var o in offices)
            {
                await context.Out.WriteLineAsync($"{o.Id}  {o.Name}  [{string.Join(", ", o.Municipalities)}]");
            }

            await context.Out.WriteLineAsync($"{offices.Count} office(s)");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static List<string> Split(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
}
