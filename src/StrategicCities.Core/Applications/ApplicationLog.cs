using Microsoft.Extensions.Logging;
using StrategicCities.Core.Procedures;

namespace StrategicCities.Core.Applications;

/// <summary>Log messages of the application use cases (EventIds 5001–5004): ids, states, roles; never form data, notes or names.</summary>
internal static partial class ApplicationLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Application {ApplicationId} created (regime {Regime}) by a {Role}")]
    public static partial void Created(ILogger logger, Guid applicationId, string regime, string role);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Application {ApplicationId}: {Trigger} fired, {From} -> {To}, by a {Role}")]
    public static partial void TriggerFired(ILogger logger, Guid applicationId, string trigger, string from, string to, string role);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Application {ApplicationId}: {Trigger} refused ({Status})")]
    public static partial void TriggerRefused(ILogger logger, Guid applicationId, string trigger, FireStatus status);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "Application {ApplicationId}: {Trigger} lost a concurrent write ({Status})")]
    public static partial void WriteConflict(ILogger logger, Guid applicationId, string trigger, WriteStatus status);
}
