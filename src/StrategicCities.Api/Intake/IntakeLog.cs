using StrategicCities.Core.Applications;

namespace StrategicCities.Api.Intake;

/// <summary>Log messages of the intake area (EventIds 5000–5099; 5001–5004 are the use cases' own, in Core/Applications/ApplicationLog): ids, states, counts; never form data, notes or names (STYLE.md C5).</summary>
internal static partial class IntakeLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Database ready ({Database}); {Applied} migrations applied")]
    public static partial void DatabaseReady(ILogger logger, StrategicCities.Data.DataOptions database, int applied);





    [LoggerMessage(EventId = 5010, Level = LogLevel.Information, Message = "Deadline sweep {Instance}: {Scanned} applications scanned, {Due} due, {Fired} fired, {Skipped} skipped")]
    public static partial void SweepDone(ILogger logger, string instance, int scanned, int due, int fired, int skipped);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Error, Message = "Deadline sweep {Instance} failed")]
    public static partial void SweepFailed(ILogger logger, Exception exception, string instance);

    [LoggerMessage(EventId = 5013, Level = LogLevel.Error, Message = "Deadline sweep {Instance}: application {ApplicationId} cannot be run ({Code}): {Reason}")]
    public static partial void SweepApplicationUnrunnable(ILogger logger, string instance, Guid applicationId, string code, string reason);

    [LoggerMessage(EventId = 5014, Level = LogLevel.Error, Message = "Deadline sweep {Instance}: application {ApplicationId} failed; the sweep goes on with the others")]
    public static partial void SweepApplicationFailed(ILogger logger, Exception exception, string instance, Guid applicationId);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Information, Message = "Sweep {Instance}: {Purged} idempotency records purged")]
    public static partial void IdempotencyPurged(ILogger logger, string instance, int purged);

    [LoggerMessage(EventId = 5020, Level = LogLevel.Warning, Message = "Development seed: created an office and {Keys} keys, {Applications} sample applications")]
    public static partial void DevelopmentSeeded(ILogger logger, int keys, int applications);
}
