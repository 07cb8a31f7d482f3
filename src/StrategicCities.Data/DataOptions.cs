using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace StrategicCities.Data;

/// <summary>
/// Which database to use, from ONE setting. <c>Database:ConnectionString</c> holds a provider prefix and a connection
/// string (<c>sqlite:Data Source=data/strategiccities.db</c>, <c>postgres:Host=…;Database=…</c>,
/// <c>sqlserver:Server=…;Database=…</c>); <c>Database:Provider</c> (sqlite | postgres | sqlserver) may name the provider
/// instead of the prefix. No prefix and no provider means SQLite; no connection string at all means the SQLite file
/// <c>data/strategiccities.db</c> under the base directory. The API and the CLI both take as base directory
/// <see cref="HomeDirectory"/>, so that by default they share one file: the service's folder
/// (<c>src/StrategicCities.Api</c>) of the checkout they run in, else the API's content root or the CLI's current folder.
/// <c>Database:MigrateOnStart</c> (default: true for SQLite, false for servers) runs the migrations at start-up.
/// </summary>
public sealed class DataOptions
{
    /// <summary>The default SQLite file, relative to the base directory.</summary>
    public const string DefaultSqliteFile = "data/strategiccities.db";

    /// <summary>The service's project folder in a checkout, relative to the repository root.</summary>
    public static readonly string ServiceFolder = Path.Combine("src", "StrategicCities.Api");

    private static readonly (string Prefix, Dialect Dialect)[] Prefixes =
    [
        ("sqlite:", Dialect.Sqlite),
        ("postgres:", Dialect.Postgres),
        ("postgresql:", Dialect.Postgres),
        ("sqlserver:", Dialect.SqlServer),
        ("mssql:", Dialect.SqlServer),
    ];

    private DataOptions(Dialect dialect, string connectionString, bool migrateOnStart)
    {
        Dialect = dialect;
        ConnectionString = connectionString;
        MigrateOnStart = migrateOnStart;
    }

    /// <summary>The dialect.</summary>
    public Dialect Dialect { get; }

    /// <summary>The provider's connection string (no prefix; SQLite paths made absolute). May hold a password: never log it.</summary>
    public string ConnectionString { get; }

    /// <summary>Whether the host applies pending migrations when it starts.</summary>
    public bool MigrateOnStart { get; }

    /// <summary>
    /// Where the default SQLite file and relative SQLite paths are resolved, for the API and the CLI alike: the
    /// service's folder <c>src/StrategicCities.Api</c> of the checkout that holds <paramref name="startDirectory"/>
    /// (found by walking up), else <paramref name="startDirectory"/> itself (a deployed service's content root).
    /// </summary>
    /// <param name="startDirectory">The API's content root, or the CLI's current folder.</param>
    public static string HomeDirectory(string startDirectory)
    {
        ArgumentNullException.ThrowIfNull(startDirectory);
        var start = Path.GetFullPath(startDirectory);
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            var service = Path.Combine(folder.FullName, ServiceFolder);
            if (File.Exists(Path.Combine(service, "StrategicCities.Api.csproj")))
            {
                return service;
            }
        }

        return start;
    }

    /// <summary>Reads the <c>Database</c> section: <c>ConnectionString</c>, <c>Provider</c>, <c>MigrateOnStart</c>.</summary>
    /// <param name="configuration">The configuration root (or any section that has a <c>Database</c> child).</param>
    /// <param name="baseDirectory">Where a relative SQLite path is resolved (the API's content root).</param>
    public static DataOptions FromConfiguration(IConfiguration configuration, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Database");
        var migrate = section["MigrateOnStart"];
        bool? migrateOnStart = string.IsNullOrWhiteSpace(migrate) ? null
            : bool.TryParse(migrate, out var m) ? m
            : throw new FormatException($"Database:MigrateOnStart must be true or false, not '{migrate}'.");
        return Parse(section["ConnectionString"], section["Provider"], baseDirectory, migrateOnStart);
    }

    /// <summary>Parses a connection setting (see the class summary for the format).</summary>
    /// <param name="setting">The setting, with or without a provider prefix; null or empty for the default SQLite file.</param>
    /// <param name="provider">sqlite | postgres | sqlserver, or null to take the prefix (or SQLite).</param>
    /// <param name="baseDirectory">Where a relative SQLite path is resolved.</param>
    /// <param name="migrateOnStart">Overrides the dialect's default.</param>
    /// <exception cref="FormatException">An unknown provider, or a connection string the provider does not understand.</exception>
    public static DataOptions Parse(string? setting, string? provider, string baseDirectory, bool? migrateOnStart = null)
    {
        ArgumentNullException.ThrowIfNull(baseDirectory);
        var text = setting?.Trim() ?? "";
        Dialect? dialect = string.IsNullOrWhiteSpace(provider) ? null : ParseProvider(provider);
        foreach (var (prefix, prefixDialect) in Prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                if (dialect is { } named && named != prefixDialect)
                {
                    throw new FormatException(
                        $"Database:Provider says {named} but the connection string starts with '{prefix}'; drop one of them.");
                }

                dialect = prefixDialect;
                text = text[prefix.Length..].Trim();
                break;
            }
        }

        var resolved = dialect ?? Dialect.Sqlite;
        var connectionString = resolved switch
        {
            Dialect.Sqlite => NormalizeSqlite(text, baseDirectory),
            Dialect.Postgres => Validate(text, static s => new NpgsqlConnectionStringBuilder(s), "postgres", "Host=127.0.0.1;Database=strategiccities;Username=…;Password=…"),
            _ => Validate(text, static s => new SqlConnectionStringBuilder(s), "sqlserver", "Server=…;Database=strategiccities;User ID=…;Password=…;TrustServerCertificate=true"),
        };
        return new DataOptions(resolved, connectionString, migrateOnStart ?? resolved == Dialect.Sqlite);
    }

    /// <summary>The dialect and where it points (file, or host and database), without credentials: safe to print or log.</summary>
    public string Describe()
    {
        switch (Dialect)
        {
            case Dialect.Sqlite:
                return $"sqlite {new SqliteConnectionStringBuilder(ConnectionString).DataSource}";
            case Dialect.Postgres:
                var pg = new NpgsqlConnectionStringBuilder(ConnectionString);
                return $"postgres {pg.Host}:{pg.Port}/{pg.Database}";
            default:
                var ss = new SqlConnectionStringBuilder(ConnectionString);
                return $"sqlserver {ss.DataSource}/{ss.InitialCatalog}";
        }
    }

    /// <inheritdoc />
    public override string ToString() => Describe();

    private static Dialect ParseProvider(string provider) => provider.Trim().ToUpperInvariant() switch
    {
        "SQLITE" => Dialect.Sqlite,
        "POSTGRES" or "POSTGRESQL" or "NPGSQL" => Dialect.Postgres,
        "SQLSERVER" or "MSSQL" => Dialect.SqlServer,
        _ => throw new FormatException($"Database:Provider '{provider}' is not one of sqlite, postgres, sqlserver."),
    };

    private static string NormalizeSqlite(string text, string baseDirectory)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(text.Length == 0 ? $"Data Source={DefaultSqliteFile}" : text);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException(
                "The database setting is not a SQLite connection string (" + ex.Message + "). For a server, prefix it " +
                "with 'postgres:' or 'sqlserver:' or set Database:Provider.", ex);
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            builder.DataSource = DefaultSqliteFile;
        }

        var isMemory = builder.Mode == SqliteOpenMode.Memory
            || string.Equals(builder.DataSource, ":memory:", StringComparison.Ordinal);
        if (!isMemory && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(baseDirectory, builder.DataSource));
        }

        // Foreign keys are off by default in SQLite. Writers queue on the file lock for Default Timeout (30 s) seconds.
        builder.ForeignKeys = true;

        return builder.ConnectionString;
    }

    private static string Validate(string text, Func<string, DbConnectionStringBuilder> parse, string name, string example)
    {
        if (text.Length == 0)
        {
            throw new FormatException($"The {name} connection string is empty; expected something like '{name}:{example}'.");
        }

        try
        {
            return parse(text).ConnectionString;
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"The {name} connection string is not valid ({ex.Message}); expected something like '{name}:{example}'.", ex);
        }
    }
}
