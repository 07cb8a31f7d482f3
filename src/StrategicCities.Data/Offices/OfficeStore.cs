using System.Data.Common;
using Dapper;

namespace StrategicCities.Data.Offices;

/// <summary>Offices and the municipalities each serves (many to many: joint offices of associated municipalities).</summary>
public sealed class OfficeStore(DatabaseFactory factory, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>Creates an office serving the given municipalities (office and assignments in one transaction).</summary>
    public async Task<Office> CreateAsync(string name, IReadOnlyCollection<string> municipalities, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(municipalities);
        foreach (var code in municipalities)
        {
            MunicipalityCode.ThrowIfInvalid(code, nameof(municipalities));
        }

        var office = new Office(Guid.CreateVersion7(), name.Trim(), [.. municipalities.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], _time.GetUtcNow());
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO offices (id, name, created_at) VALUES (@Id, @Name, @CreatedAt)
            """,
            new { office.Id, office.Name, office.CreatedAt },
            tx,
            cancellationToken: cancellationToken));
        await InsertMunicipalitiesAsync(connection, tx, office.Id, office.Municipalities, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return office;
    }

    /// <summary>Adds municipalities to an office (those already assigned are kept). False when the office does not exist.</summary>
    public async Task<bool> AssignMunicipalitiesAsync(Guid officeId, IReadOnlyCollection<string> municipalities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(municipalities);
        foreach (var code in municipalities)
        {
            MunicipalityCode.ThrowIfInvalid(code, nameof(municipalities));
        }

        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT COUNT(*) FROM offices WHERE id = @Id
            """,
            new { Id = officeId },
            tx,
            cancellationToken: cancellationToken));
        if (exists == 0)
        {
            return false;
        }

        var current = await MunicipalitiesAsync(connection, tx, officeId, cancellationToken);
        var added = municipalities.Distinct(StringComparer.Ordinal).Except(current, StringComparer.Ordinal).ToList();
        await InsertMunicipalitiesAsync(connection, tx, officeId, added, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Removes a municipality from an office. False when it was not assigned.</summary>
    public async Task<bool> UnassignMunicipalityAsync(Guid officeId, string municipality, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM office_municipalities WHERE office_id = @OfficeId AND municipality = @Municipality
            """,
            new { OfficeId = officeId, Municipality = municipality },
            cancellationToken: cancellationToken));
        return rows > 0;
    }

    /// <summary>The office, or null.</summary>
    public async Task<Office?> GetAsync(Guid officeId, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<OfficeRow>(new CommandDefinition(
            """
            SELECT id, name, created_at AS CreatedAt FROM offices WHERE id = @Id
            """,
            new { Id = officeId },
            cancellationToken: cancellationToken));
        return row is null ? null
            : new Office(row.Id, row.Name, await MunicipalitiesAsync(connection, null, officeId, cancellationToken), row.CreatedAt);
    }

    /// <summary>Every office with its municipalities, by name.</summary>
    public async Task<IReadOnlyList<Office>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var offices = await connection.QueryAsync<OfficeRow>(new CommandDefinition(
            """
            SELECT id, name, created_at AS CreatedAt FROM offices ORDER BY name, id
            """,
            cancellationToken: cancellationToken));
        var links = await connection.QueryAsync<(Guid OfficeId, string Municipality)>(new CommandDefinition(
            """
            SELECT office_id, municipality FROM office_municipalities ORDER BY municipality
            """,
            cancellationToken: cancellationToken));
        var byOffice = links.ToLookup(l => l.OfficeId, l => l.Municipality);
        return [.. offices.Select(o => new Office(o.Id, o.Name, [.. byOffice[o.Id]], o.CreatedAt))];
    }

    /// <summary>The ISTAT codes an office serves (empty when the office does not exist): a clerk's scope.</summary>
    public async Task<IReadOnlyList<string>> MunicipalitiesOfAsync(Guid officeId, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await MunicipalitiesAsync(connection, null, officeId, cancellationToken);
    }

    /// <summary>The offices serving a municipality.</summary>
    public async Task<IReadOnlyList<Guid>> OfficesServingAsync(string municipality, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<Guid>(new CommandDefinition(
            """
            SELECT office_id FROM office_municipalities WHERE municipality = @Municipality ORDER BY office_id
            """,
            new { Municipality = municipality },
            cancellationToken: cancellationToken));
        return [.. ids];
    }

    private static async Task<IReadOnlyList<string>> MunicipalitiesAsync(DbConnection connection, DbTransaction? tx, Guid officeId, CancellationToken cancellationToken)
    {
        var codes = await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT municipality FROM office_municipalities WHERE office_id = @OfficeId ORDER BY municipality
            """,
            new { OfficeId = officeId },
            tx,
            cancellationToken: cancellationToken));
        return [.. codes];
    }

    private static async Task InsertMunicipalitiesAsync(
        DbConnection connection, DbTransaction tx, Guid officeId, IEnumerable<string> municipalities, CancellationToken cancellationToken)
    {
        // Dapper runs the statement once per element.
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO office_municipalities (office_id, municipality) VALUES (@OfficeId, @Municipality)
            """,
            municipalities.Select(m => new { OfficeId = officeId, Municipality = m }).ToList(),
            tx,
            cancellationToken: cancellationToken));
    }

    private sealed class OfficeRow
    {
        public Guid Id { get; set; }
        public string Name { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }
    }
}
