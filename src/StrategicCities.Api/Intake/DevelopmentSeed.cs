using StrategicCities.Data;
using StrategicCities.Data.ApiKeys;
using StrategicCities.Data.Applications;
using StrategicCities.Data.Offices;
using StrategicCities.Core.Applications;

namespace StrategicCities.Api.Intake;

/// <summary>
/// Development only: on a database without keys, an office serving the 14 metropolitan capitals and a few
/// neighbours, an admin key and a clerk key printed once to stdout, and a few sample drafts. Never in Production
/// (<see cref="DatabaseStartup"/> calls it only when the environment is Development).
/// </summary>
public sealed class DevelopmentSeed(ApiKeyStore keys, OfficeStore offices, ApplicationStore applications, ILogger<DevelopmentSeed> logger)
{
    /// <summary>The 14 metropolitan capitals, then neighbours (Sesto San Giovanni, Fiumicino, Pozzuoli, Moncalieri).</summary>
    public static readonly IReadOnlyList<string> Municipalities =
    [
        "001272", "015146", "010025", "027042", "037006", "048017", "058091", "063049", "072006", "080063", "082053", "083048",
        "087015", "092009", "015209", "058120", "063060", "001156",
    ];

    /// <summary>Seeds when there is no key at all.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if ((await keys.ListAsync(cancellationToken)).Count > 0)
        {
            return;
        }

        var office = await offices.CreateAsync("Sportello unico edilizia (sviluppo)", [.. Municipalities], cancellationToken);
        var admin = await keys.CreateAsync(ApiKeyRoles.Admin, null, "development admin", cancellationToken);
        var clerk = await keys.CreateAsync(ApiKeyRoles.Clerk, office.Id, "development clerk", cancellationToken);
        var supervisor = await keys.CreateAsync(ApiKeyRoles.Supervisor, office.Id, "development supervisor", cancellationToken);
        var portal = await keys.CreateAsync(ApiKeyRoles.Portal, null, "development portal", cancellationToken);
        var actor = new Actor(clerk.Key!.Id.ToString(), ApiKeyRoles.Clerk);
        var samples = new[] { ("015146", "scia", "scia"), ("058091", "permesso-di-costruire", "pdc"), ("063049", "cila", "cila") };
        foreach (var (municipality, regime, form) in samples)
        {
            await applications.CreateDraftAsync(new NewApplication
            {
                Municipality = municipality, OfficeId = office.Id, Regime = regime, Form = form, Data = "{}", State = "bozza", CreatedBy = actor,
            }, cancellationToken);
        }

        // stdout on purpose, not the log: secrets must never reach log sinks.
        Console.WriteLine($"""

            ==== Development keys — shown once: ====
              admin      {admin.Secret}
              clerk      {clerk.Secret}   (office {office.Id}, {Municipalities.Count} municipalities)
              supervisor {supervisor.Secret}
              portal     {portal.Secret}
            Use: curl -H "X-Api-Key: <key>" http://localhost:5080/api/v1/applications
            ========================================

            """);
        IntakeLog.DevelopmentSeeded(logger, 4, samples.Length);
    }
}
