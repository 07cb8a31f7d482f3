using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace StrategicCities.Data;

/// <summary>Recognises the provider errors that are outcomes, not faults.</summary>
internal static class DbErrors
{
    /// <summary>A unique or primary-key violation: another writer got there first.</summary>
    public static bool IsUniqueViolation(Exception exception) => exception switch
    {
        // SQLITE_CONSTRAINT_PRIMARYKEY (1555) and SQLITE_CONSTRAINT_UNIQUE (2067).
        SqliteException e => e.SqliteExtendedErrorCode is 1555 or 2067,
        PostgresException e => e.SqlState == PostgresErrorCodes.UniqueViolation,
        // 2627: PRIMARY KEY / UNIQUE constraint; 2601: unique index.
        SqlException e => e.Number is 2627 or 2601,
        _ => false,
    };
}
