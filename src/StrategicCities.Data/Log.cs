using Microsoft.Extensions.Logging;

namespace StrategicCities.Data;

/// <summary>Log messages of the data layer (STYLE.md C5): ids and names only, never connection strings or payloads.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Applied migration {Migration} ({Dialect}) in {ElapsedMs} ms")]
    public static partial void MigrationApplied(ILogger logger, string migration, Dialect dialect, long elapsedMs);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "Database schema up to date ({Dialect}, {Count} migrations)")]
    public static partial void MigrationsUpToDate(ILogger logger, Dialect dialect, int count);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Critical, Message = "Migrations refused ({Dialect}): {Reason}")]
    public static partial void MigrationsRefused(ILogger logger, Dialect dialect, string reason);
}
