using StrategicCities.Core.Procedures;
using StrategicCities.Core.Procedures.Clock;
using StrategicCities.Core.Tests.Support;

namespace StrategicCities.Core.Tests.Procedures;

/// <summary>The shipped procedures and calendar, loaded once, and a helper to walk a procedure.</summary>
internal static class ShippedProcedures
{
    public const string Milano = "015146";
    public const string Roma = "058091";

    /// <summary>Cinisello Balsamo (MI): 71,128 inhabitants (2011), so the terms of art. 20 c. 3 and c. 5 are not doubled; no patron day in the shipped calendar.</summary>
    public const string Cinisello = "015077";

    private static readonly Lazy<Task<ProcedureCatalog>> Catalog = new(async () =>
        (await ProcedureLoader.LoadAsync(Repository.Sources, await Repository.CatalogAsync())).GetCatalogOrThrow());

    private static readonly Lazy<Task<ItalianCalendar>> Calendar = new(async () =>
        (await CalendarLoader.LoadAsync(Path.Combine(Repository.Sources.RulesDirectory, "calendars"))).Calendar
        ?? throw new InvalidOperationException("the shipped calendar does not load"));

    public static Task<ProcedureCatalog> CatalogAsync() => Catalog.Value;

    public static Task<ItalianCalendar> CalendarAsync() => Calendar.Value;

    public static DateOnly D(int year, int month, int day) => new(year, month, day);

    public static async Task<EffectiveProcedure> ResolveAsync(string id, DateOnly legalDate, string municipality = Milano)
    {
        var (procedure, error) = await (await CatalogAsync()).ResolveAsync(id, municipality, legalDate);
        Assert.That(error, Is.Null, () => error!.ToString());
        return procedure!;
    }

    /// <summary>A new application, filed on <paramref name="legalDate"/>, walked through <paramref name="steps"/>; every step must fire.</summary>
    public static async Task<ProcedureMachine> WalkAsync(
        string id, DateOnly legalDate, ProcedureFacts facts, IEnumerable<WalkStep> steps, string municipality = Milano)
    {
        var machine = ProcedureMachine.CreateForNewApplication(await ResolveAsync(id, legalDate, municipality), facts, await CalendarAsync());
        foreach (var step in steps)
        {
            var outcome = await machine.FireAsync(step.Trigger, step.Role, step.Date);
            Assert.That(outcome.Status, Is.EqualTo(FireStatus.Fired),
                () => $"{id}: '{step.Trigger}' as {step.Role} on {step.Date} in state {outcome.State}: {outcome.Status}, permitted {string.Join(", ", outcome.PermittedTriggers.Select(p => p.Trigger))}, refusals {string.Join(", ", outcome.Refusals.Select(r => r.Rule))}");
        }

        return machine;
    }
}

/// <summary>One step of a walk: a trigger fired by a role on a date.</summary>
public sealed record WalkStep(string Trigger, string Role, DateOnly Date)
{
    public override string ToString() => $"{Trigger}/{Role}@{Date:yyyy-MM-dd}";
}
