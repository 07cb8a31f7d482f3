using System.Data;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace StrategicCities.Data;

/// <summary>
/// Dapper type handlers for the three types SQLite has no column type for. On SQLite a GUID is lowercase text ('D'),
/// an instant is UTC text <c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c> (fixed width, so text order is time order) and a legal
/// date is <c>yyyy-MM-dd</c>. On PostgreSQL and SQL Server the values go through as native uuid/uniqueidentifier,
/// timestamptz/datetimeoffset and date. The handlers are process-wide (Dapper has no per-connection handlers), so
/// each one looks at the parameter's provider.
/// </summary>
internal static class SqlTypeHandlers
{
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        // Dapper consults its built-in type map before the handlers: remove these types from it, or SetValue never runs.
        foreach (var type in new[] { typeof(Guid), typeof(Guid?), typeof(DateTimeOffset), typeof(DateTimeOffset?), typeof(DateOnly), typeof(DateOnly?) })
        {
            SqlMapper.RemoveTypeMap(type);
        }

        SqlMapper.AddTypeHandler(new GuidHandler());
        SqlMapper.AddTypeHandler(new InstantHandler());
        SqlMapper.AddTypeHandler(new LegalDateHandler());
    }

    /// <summary>The SQLite text of an instant (also used where SQL compares instants as text).</summary>
    public static string FormatInstant(DateTimeOffset value) =>
        value.ToUniversalTime().ToString(InstantFormat, CultureInfo.InvariantCulture);

    private sealed class GuidHandler : SqlMapper.TypeHandler<Guid>
    {
        public override void SetValue(IDbDataParameter parameter, Guid value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = value.ToString("D");
            }
            else
            {
                parameter.DbType = DbType.Guid;
                parameter.Value = value;
            }
        }

        public override Guid Parse(object value) => value switch
        {
            Guid g => g,
            string s => Guid.Parse(s),
            byte[] b => new Guid(b),
            _ => throw new DataException($"Cannot read a GUID from {value.GetType()}."),
        };
    }

    private sealed class InstantHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = FormatInstant(value);
            }
            else
            {
                // Npgsql accepts only offset 0 for timestamptz.
                parameter.DbType = DbType.DateTimeOffset;
                parameter.Value = value.ToUniversalTime();
            }
        }

        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTimeOffset d => d.ToUniversalTime(),
            DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, d.Kind == DateTimeKind.Local ? DateTimeKind.Local : DateTimeKind.Utc)).ToUniversalTime(),
            string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            _ => throw new DataException($"Cannot read an instant from {value.GetType()}."),
        };
    }

    private sealed class LegalDateHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
            else
            {
                parameter.DbType = DbType.Date;
                parameter.Value = value;
            }
        }

        public override DateOnly Parse(object value) => value switch
        {
            DateOnly d => d,
            DateTime d => DateOnly.FromDateTime(d),
            string s => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => throw new DataException($"Cannot read a date from {value.GetType()}."),
        };
    }
}
