namespace StrategicCities.Data;

/// <summary>
/// The municipalities a caller may see. An application outside the scope is "not found" (not "forbidden"), so a caller
/// cannot even learn that it exists.
/// </summary>
public sealed class MunicipalityScope
{
    private MunicipalityScope(bool everywhere, IReadOnlyList<string> municipalities)
    {
        IsEverywhere = everywhere;
        Municipalities = municipalities;
    }

    /// <summary>Every municipality (supervisors of the whole deployment, admins, the deadline sweep).</summary>
    public static MunicipalityScope Everywhere { get; } = new(true, []);

    /// <summary>True when the scope is not restricted.</summary>
    public bool IsEverywhere { get; }

    /// <summary>The ISTAT codes in scope (empty when <see cref="IsEverywhere"/>; an empty restricted scope sees nothing).</summary>
    public IReadOnlyList<string> Municipalities { get; }

    /// <summary>Only these municipalities (for a clerk: those its office serves).</summary>
    public static MunicipalityScope Of(IEnumerable<string> municipalities)
    {
        ArgumentNullException.ThrowIfNull(municipalities);
        return new MunicipalityScope(false, municipalities.Distinct(StringComparer.Ordinal).ToArray());
    }

    /// <summary>Whether the scope includes a municipality.</summary>
    public bool Allows(string municipality) => IsEverywhere || Municipalities.Contains(municipality, StringComparer.Ordinal);

    /// <summary>
    /// The SQL predicate for this scope on the <c>municipality</c> column, with parameter <c>@ScopeMunicipalities</c>.
    /// Dapper expands <c>IN @list</c> into one parameter per element, except on Npgsql, where it passes the list as one
    /// array parameter: PostgreSQL needs <c>= ANY(@list)</c>, typed as the char(6) column (bpchar) so the index serves it.
    /// </summary>
    internal string Predicate(Dialect dialect) =>
        IsEverywhere ? "1 = 1"
        : dialect == Dialect.Postgres ? "municipality = ANY(CAST(@ScopeMunicipalities AS bpchar[]))"
        : "municipality IN @ScopeMunicipalities";
}
