using Dapper;
using StrategicCities.Data.ApiKeys;
using StrategicCities.Data.Tests.Support;

namespace StrategicCities.Data.Tests;

[TestFixture(Dialect.Sqlite)]
[TestFixture(Dialect.Postgres)]
[TestFixture(Dialect.SqlServer)]
public sealed class ApiKeyStoreTests(Dialect dialect) : DialectFixture(dialect)
{
    [Test]
    public async Task Create_StoresOnlyTheHash_AndTheSecretFindsTheKey()
    {
        var office = await Offices.CreateAsync("SUE", [NewMunicipality()]);

        var created = await Keys.CreateAsync(ApiKeyRoles.Clerk, office.Id, "sportello 1");

        Assert.That(created.Status, Is.EqualTo(CreateKeyStatus.Created));
        var secret = created.Secret!;
        // The random part follows "sck_<prefix>_"; base64url may itself contain '_', so cut by length.
        var secretPart = secret[$"sck_{created.Key!.Prefix}_".Length..];
        await using var connection = await Factory.OpenAsync();
        var rows = (await connection.QueryAsync("SELECT * FROM api_keys")).Cast<IDictionary<string, object?>>().ToList();
        var stored = rows.SelectMany(r => r.Values).Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(secret, Does.StartWith($"sck_{created.Key!.Prefix}_"));
            Assert.That(stored, Has.None.Contains(secretPart), "the secret is not stored");
            Assert.That(stored, Has.None.Contains(secret));
            Assert.That(stored, Does.Contain(ApiKeyStore.Hash(secret)), "its SHA-256 is");
            var found = await Keys.FindBySecretAsync(secret);
            Assert.That(found, Is.EqualTo(created.Key));
            Assert.That(found!.OfficeId, Is.EqualTo(office.Id));
            Assert.That(found.Label, Is.EqualTo("sportello 1"));
        });
    }

    [Test]
    public async Task FindBySecret_WrongSecretOrMalformed_IsNull()
    {
        var created = await Keys.CreateAsync(ApiKeyRoles.Portal, null, null);
        var secret = created.Secret!;
        var wrong = secret[..^2] + (secret[^2] == 'A' ? "BB" : "AA");

        Assert.Multiple(async () =>
        {
            Assert.That(await Keys.FindBySecretAsync(wrong), Is.Null);
            Assert.That(await Keys.FindBySecretAsync(""), Is.Null);
            Assert.That(await Keys.FindBySecretAsync("sck_"), Is.Null);
            Assert.That(await Keys.FindBySecretAsync("sck_zzzzzzzzzz_whatever"), Is.Null);
            Assert.That(await Keys.FindBySecretAsync(secret[4..]), Is.Null);
        });
    }

    [Test]
    public async Task Revoke_MakesTheSecretUseless_AndIsListed()
    {
        var created = await Keys.CreateAsync(ApiKeyRoles.Admin, null, "ops");
        Time.Advance(TimeSpan.FromHours(1));

        var revoked = await Keys.RevokeAsync(created.Key!.Id);
        var again = await Keys.RevokeAsync(created.Key.Id);

        Assert.Multiple(async () =>
        {
            Assert.That(revoked, Is.True);
            Assert.That(again, Is.False);
            Assert.That(await Keys.RevokeAsync(Guid.NewGuid()), Is.False);
            Assert.That(await Keys.FindBySecretAsync(created.Secret!), Is.Null);
            var listed = (await Keys.ListAsync()).Single(k => k.Id == created.Key.Id);
            Assert.That(listed.RevokedAt, Is.EqualTo(Time.GetUtcNow()));
            Assert.That(listed.IsActive, Is.False);
        });
    }

    [Test]
    public async Task Create_ClerkWithoutOrWithUnknownOffice_IsAnOutcome()
    {
        Assert.Multiple(async () =>
        {
            Assert.That((await Keys.CreateAsync(ApiKeyRoles.Clerk, null, null)).Status, Is.EqualTo(CreateKeyStatus.OfficeRequired));
            Assert.That((await Keys.CreateAsync(ApiKeyRoles.Supervisor, Guid.NewGuid(), null)).Status, Is.EqualTo(CreateKeyStatus.UnknownOffice));
        });
        Assert.That(async () => await Keys.CreateAsync("root", null, null), Throws.ArgumentException);
    }
}
