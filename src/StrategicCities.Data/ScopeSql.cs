using StrategicCities.Core.Applications;

namespace StrategicCities.Data;

/// <summary>A caller's scope as SQL.</summary>
internal static class ScopeSql
{
    /// <summary>
    /// The SQL predicate for this scope on the <c>municipality</c> column, with parameter <c>@ScopeMunicipalities</c>.
    /// Dapper expands <c>IN @list</c> into one parameter per element, except on Npgsql, where it passes the list as one
    /// array parameter: PostgreSQL needs <c>= ANY(@list)</c>, typed as the char(6) column (bpchar) so the index serves it.
    /// </summary>
    internal static string Predicate(this MunicipalityScope scope, Dialect dialect) =>
        scope.IsEverywhere ? "1 = 1"
        : dialect == Dialect.Postgres ? "municipality = ANY(CAST(@ScopeMunicipalities AS bpchar[]))"
        : "municipality IN @ScopeMunicipalities";
}
