using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using StrategicCities.Data.ApiKeys;
using StrategicCities.Data.Offices;

namespace StrategicCities.Api.Tests.Intake;

/// <summary>Bearer tokens (Auth:Jwt:SigningKey + Issuer) next to API keys: same roles, policies and office scope.</summary>
[NonParallelizable]
public sealed class JwtAuthenticationTests
{
    private const string Key = "test-signing-key-0123456789-abcdefghijklmnop";
    private const string Issuer = "https://idp.test";
    private const string Audience = "strategiccities";
    private const string Milano = "015146";
    private const string Roma = "058091";
    private ApiFactory _factory = null!;
    private Guid _north;
    private string _adminKey = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _factory = new ApiFactory(new Dictionary<string, string?>
        {
            ["Auth:Jwt:SigningKey"] = Key,
            ["Auth:Jwt:Issuer"] = Issuer,
            ["Auth:Jwt:Audience"] = Audience,
        });
        var offices = _factory.Services.GetRequiredService<OfficeStore>();
        _north = (await offices.CreateAsync("Milano", [Milano])).Id;
        await offices.CreateAsync("Roma", [Roma]);
        _adminKey = (await _factory.Services.GetRequiredService<ApiKeyStore>().CreateAsync(ApiKeyRoles.Admin, null, "admin")).Secret!;
    }

    [OneTimeTearDown]
    public void Stop() => _factory?.Dispose();

    private static string Token(string? role, Guid? office, string key = Key, string issuer = Issuer, DateTime? expires = null, string subject = "alice")
    {
        var claims = new List<Claim> { new("sub", subject) };
        if (role is not null)
        {
            claims.Add(new Claim("role", role));
        }

        if (office is not null)
        {
            claims.Add(new Claim("office", office.Value.ToString()));
        }

        var exp = expires ?? DateTime.UtcNow.AddMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = issuer,
            Audience = Audience,
            NotBefore = exp.AddMinutes(-20),
            IssuedAt = exp.AddMinutes(-20),
            Expires = exp,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
    }

    private HttpClient Bearer(string token)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static StringContent Create(string municipality) =>
        new(JsonSerializer.Serialize(new { municipality, regime = "scia" }), Encoding.UTF8, "application/json");

    [Test]
    public async Task ClerkToken_WorksAndIsScopedToItsOffice()
    {
        using var admin = _factory.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", _adminKey);
        var roman = await admin.PostAsync("/api/v1/applications", Create(Roma));
        Assert.That(roman.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var romanId = JsonDocument.Parse(await roman.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        using var clerk = Bearer(Token(ApiKeyRoles.Clerk, _north));
        var created = await clerk.PostAsync("/api/v1/applications", Create(Milano));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        Assert.Multiple(async () =>
        {
            Assert.That((await clerk.GetAsync($"/api/v1/applications/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await clerk.GetAsync($"/api/v1/applications/{romanId}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await clerk.PostAsync("/api/v1/applications", Create(Roma))).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            var list = JsonDocument.Parse(await clerk.GetStringAsync("/api/v1/applications")).RootElement;
            Assert.That(list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("municipality").GetString()), Has.All.EqualTo(Milano));
        });
    }

    [TestCase("portal", 403)]
    [TestCase("rules-author", 403)]
    [TestCase("emperor", 403)]
    [TestCase(null, 403)]
    [TestCase("admin", 200)]
    public async Task TokenRole_DecidesAccessToApplications(string? role, int status)
    {
        using var client = Bearer(Token(role, null));
        var response = await client.GetAsync("/api/v1/applications");
        Assert.That((int)response.StatusCode, Is.EqualTo(status), await response.Content.ReadAsStringAsync());
    }

    private static IEnumerable<TestCaseData> BadTokens()
    {
        yield return new TestCaseData(Token(ApiKeyRoles.Clerk, Guid.Empty, expires: DateTime.UtcNow.AddMinutes(-10))).SetArgDisplayNames("expired");
        yield return new TestCaseData(Token(ApiKeyRoles.Clerk, Guid.Empty, key: "another-signing-key-0123456789-abcdefghijk")).SetArgDisplayNames("wrong-signature");
        yield return new TestCaseData(Token(ApiKeyRoles.Clerk, Guid.Empty, issuer: "https://evil.test")).SetArgDisplayNames("wrong-issuer");
        yield return new TestCaseData("not.a.token").SetArgDisplayNames("garbage");
    }

    [TestCaseSource(nameof(BadTokens))]
    public async Task BadToken_Returns401AuthInvalid(string token)
    {
        using var client = Bearer(token);
        var response = await client.GetAsync("/api/v1/applications");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString(), Is.EqualTo("auth.invalid"));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer"));
    }

    [Test]
    public async Task ApiKeysAndNoCredential_StillWorkWithJwtConfigured()
    {
        using var admin = _factory.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", _adminKey);
        Assert.That((await admin.GetAsync("/api/v1/applications")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var none = _factory.CreateClient();
        var anonymous = await none.GetAsync("/api/v1/applications");
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(JsonDocument.Parse(await anonymous.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString(), Is.EqualTo("auth.missing"));
        Assert.That((await none.GetAsync("/api/v1/forms")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("Auth:Jwt:SigningKey", Key, "Issuer")]
    [TestCase("Auth:Jwt:SigningKey", "short", "32 bytes")]
    [TestCase("Auth:Jwt:Authority", "https://idp.test", "Audience")]
    public void HalfConfiguredJwt_RefusesToStart(string setting, string value, string mentions)
    {
        var settings = new Dictionary<string, string?> { [setting] = value };
        if (value == "short")
        {
            settings["Auth:Jwt:Issuer"] = Issuer;
        }

        using var factory = new ApiFactory(settings);
        Assert.That(() => factory.Services, Throws.InstanceOf<InvalidOperationException>().With.Message.Contains(mentions));
    }
}
