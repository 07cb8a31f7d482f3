namespace StrategicCities.Data;

/// <summary>The SQL dialects the store runs on; each has its own migrations and, where SQL differs, its own statements.</summary>
public enum Dialect
{
    /// <summary>SQLite through Microsoft.Data.Sqlite: the embedded default, one file, WAL mode.</summary>
    Sqlite,

    /// <summary>PostgreSQL through Npgsql: the tested server for scaling out (DESIGN.md §8).</summary>
    Postgres,

    /// <summary>SQL Server through Microsoft.Data.SqlClient.</summary>
    SqlServer,
}
