using System.Security.Cryptography;
using System.Text;
using Dapper;

namespace StrategicCities.Data.ApiKeys;

/// <summary>
/// API keys. A key reads <c>sck_{prefix}_{secret}</c>: the prefix (10 characters) is stored in clear and finds the row;
/// only the SHA-256 of the whole key is stored, and it is compared in constant time. The secret is returned once, by
/// <see cref="CreateAsync"/>, and cannot be recovered.
/// </summary>
public sealed class ApiKeyStore(DatabaseFactory factory, TimeProvider? timeProvider = null)
{
    private const string KeyPrefix = "sck_";
    private const string Alphabet = "abcdefghijkmnopqrstuvwxyz23456789";
    private const int PrefixLength = 10;
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    private const string Columns = """
        id, prefix, role, office_id AS OfficeId, label, created_at AS CreatedAt, revoked_at AS RevokedAt
        """;

    /// <summary>Creates a key; the result carries the secret, which is shown this once.</summary>
    /// <exception cref="ArgumentException">An unknown role.</exception>
    public async Task<CreateKeyResult> CreateAsync(string role, Guid? officeId, string? label, CancellationToken cancellationToken = default)
    {
        if (!ApiKeyRoles.All.Contains(role, StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{role}' is not a role ({string.Join(", ", ApiKeyRoles.All)}).", nameof(role));
        }

        if (ApiKeyRoles.NeedsOffice(role) && officeId is null)
        {
            return new CreateKeyResult(CreateKeyStatus.OfficeRequired);
        }

        await using var connection = await factory.OpenAsync(cancellationToken);
        if (officeId is not null)
        {
            var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                SELECT COUNT(*) FROM offices WHERE id = @Id
                """,
                new { Id = officeId },
                cancellationToken: cancellationToken));
            if (exists == 0)
            {
                return new CreateKeyResult(CreateKeyStatus.UnknownOffice);
            }
        }

        var prefix = RandomNumberGenerator.GetString(Alphabet, PrefixLength);
        var secret = $"{KeyPrefix}{prefix}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        var key = new ApiKey(Guid.CreateVersion7(), prefix, role, officeId, string.IsNullOrWhiteSpace(label) ? null : label.Trim(), _time.GetUtcNow(), null);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO api_keys (id, prefix, secret_hash, role, office_id, label, created_at)
            VALUES (@Id, @Prefix, @SecretHash, @Role, @OfficeId, @Label, @CreatedAt)
            """,
            new { key.Id, key.Prefix, SecretHash = Hash(secret), key.Role, key.OfficeId, key.Label, key.CreatedAt },
            cancellationToken: cancellationToken));
        return new CreateKeyResult(CreateKeyStatus.Created, key, secret);
    }

    /// <summary>Every key (active and revoked), oldest first.</summary>
    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<KeyRow>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM api_keys ORDER BY created_at, id
            """,
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToKey())];
    }

    /// <summary>Revokes a key. False when there is no active key with that id.</summary>
    public async Task<bool> RevokeAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE api_keys SET revoked_at = @Now WHERE id = @Id AND revoked_at IS NULL
            """,
            new { Id = id, Now = _time.GetUtcNow() },
            cancellationToken: cancellationToken));
        return rows == 1;
    }

    /// <summary>The active key a presented secret belongs to, or null (malformed, unknown, wrong secret or revoked).</summary>
    public async Task<ApiKey?> FindBySecretAsync(string presented, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > 200 || !presented.StartsWith(KeyPrefix, StringComparison.Ordinal)
            || presented.Length < KeyPrefix.Length + PrefixLength + 2 || presented[KeyPrefix.Length + PrefixLength] != '_')
        {
            return null;
        }

        var prefix = presented.Substring(KeyPrefix.Length, PrefixLength);
        await using var connection = await factory.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<KeyRow>(new CommandDefinition(
            $"""
            SELECT {Columns}, secret_hash AS SecretHash FROM api_keys WHERE prefix = @Prefix
            """,
            new { Prefix = prefix },
            cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        // Constant-time: the time taken does not tell how many leading characters of the hash matched.
        var matches = CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Hash(presented)), Encoding.ASCII.GetBytes(row.SecretHash ?? ""));
        return matches && row.RevokedAt is null ? row.ToKey() : null;
    }

    /// <summary>Lowercase hex SHA-256 of the whole key (what api_keys.secret_hash holds).</summary>
    internal static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed class KeyRow
    {
        public Guid Id { get; set; }
        public string Prefix { get; set; } = "";
        public string Role { get; set; } = "";
        public Guid? OfficeId { get; set; }
        public string? Label { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset? RevokedAt { get; set; }
        public string? SecretHash { get; set; }

        public ApiKey ToKey() => new(Id, Prefix, Role, OfficeId, Label, CreatedAt, RevokedAt);
    }
}
