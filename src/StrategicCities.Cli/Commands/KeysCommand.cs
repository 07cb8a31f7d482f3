using System.CommandLine;
using System.Globalization;
using StrategicCities.Data.ApiKeys;

namespace StrategicCities.Cli.Commands;

/// <summary><c>permits keys create|list|revoke</c>: API keys. The secret is printed once and only its SHA-256 is stored.</summary>
internal static class KeysCommand
{
    public static Command Create(CliContext context)
    {
        return new Command("keys", "API keys of portals, clerks, supervisors, rule authors and admins.")
        {
            CreateCommand(context), ListCommand(context), RevokeCommand(context),
        };
    }

    private static Command CreateCommand(CliContext context)
    {
        var connection = DatabaseOptions.Connection();
        var role = new Option<string>("--role", "-r")
        {
            Description = "portal | clerk | supervisor | rules-author | admin.",
            Required = true,
        };
        role.AcceptOnlyFromAmong([.. ApiKeyRoles.All]);
        var office = new Option<Guid?>("--office", "-o") { Description = "The office id (required for clerk and supervisor; see 'permits offices list')." };
        var name = new Option<string?>("--name", "-n") { Description = "A label for operators, e.g. the portal or the desk (not a person's name)." };
        var command = new Command("create", "Create a key and print its secret once.") { role, office, name, connection };
        command.SetAction(async (parse, ct) => await DatabaseOptions.RunAsync(context, parse.GetValue(connection), async factory =>
        {
            var result = await new ApiKeyStore(factory).CreateAsync(parse.GetValue(role)!, parse.GetValue(office), parse.GetValue(name), ct);
            switch (result.Status)
            {
                case CreateKeyStatus.OfficeRequired:
                    await context.Error.WriteLineAsync($"error: a {parse.GetValue(role)} key needs --office <id> (see 'permits offices list')");
                    return ExitCodes.BadInput;
                case CreateKeyStatus.UnknownOffice:
                    await context.Error.WriteLineAsync($"error: no office {parse.GetValue(office)} (see 'permits offices list')");
                    return ExitCodes.BadInput;
            }

            var key = result.Key!;
            await context.Out.WriteLineAsync($"created key {key.Id} (role {key.Role}{(key.OfficeId is { } o ? $", office {o}" : "")}, prefix {key.Prefix})");
            await context.Out.WriteLineAsync($"secret: {result.Secret}");
            await context.Error.WriteLineAsync(
                "warning: this secret is shown now and never again (only its SHA-256 is stored). Give it to its holder over a safe channel; if it is lost, revoke the key and create a new one.");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static Command ListCommand(CliContext context)
    {
        var connection = DatabaseOptions.Connection();
        var command = new Command("list", "List keys (never their secrets): id, prefix, role, office, created, status, label.") { connection };
        command.SetAction(async (parse, ct) => await DatabaseOptions.RunAsync(context, parse.GetValue(connection), async factory =>
        {
            var keys = await new ApiKeyStore(factory).ListAsync(ct);
            foreach (var k in keys)
            {
                var status = k.RevokedAt is { } r ? "revoked " + r.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture) : "active";
                await context.Out.WriteLineAsync(string.Join("  ",
                    k.Id, k.Prefix, k.Role.PadRight(12), k.OfficeId?.ToString() ?? "-".PadRight(36),
                    k.CreatedAt.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture), status, k.Label ?? ""));
            }

            await context.Out.WriteLineAsync($"{keys.Count} key(s), {keys.Count(k => k.IsActive)} active");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static Command RevokeCommand(CliContext context)
    {
        var connection = DatabaseOptions.Connection();
        var id = new Argument<Guid>("id") { Description = "The key id (see 'permits keys list')." };
        var command = new Command("revoke", "Revoke a key: its secret stops working at once.") { id, connection };
        command.SetAction(async (parse, ct) => await DatabaseOptions.RunAsync(context, parse.GetValue(connection), async factory =>
        {
            if (!await new ApiKeyStore(factory).RevokeAsync(parse.GetValue(id), ct))
            {
                await context.Error.WriteLineAsync($"error: no active key {parse.GetValue(id)}");
                return ExitCodes.BadInput;
            }

            await context.Out.WriteLineAsync($"revoked key {parse.GetValue(id)}");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
