using System.Net;

namespace StrategicCities.Api.Tests;

/// <summary>The widget's files, the demo portal and CORS on the forms endpoints (the browser tests drive them in Chromium).</summary>
public sealed class WidgetEndpointTests
{
    private const string Portal = "https://sue.comune.example.it";

    [TestCase("/widget/permit-form.js", "text/javascript")]
    [TestCase("/widget/validation.mjs", "text/javascript")]
    [TestCase("/widget/italian-formats.mjs", "text/javascript")]
    [TestCase("/demo", "text/html")]
    [TestCase("/demo/demo.js", "text/javascript")]
    [TestCase("/demo/demo.css", "text/css")]
    public async Task Get_WidgetFile_IsServed(string path, string mediaType)
    {
        await using var factory = new ApiFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(mediaType));
        }
    }

    [Test]
    public async Task Get_ItalianFormats_IsTheSchemasFileItself()
    {
        await using var factory = new ApiFactory();
        using var client = factory.CreateClient();

        var served = await client.GetStringAsync(new Uri("/widget/italian-formats.mjs", UriKind.Relative));

        Assert.That(served, Is.EqualTo(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Schemas, "formats", "italian-formats.mjs"))));
    }

    [Test]
    public async Task Get_Demo_SendsAStrictContentSecurityPolicy()
    {
        await using var factory = new ApiFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/demo", UriKind.Relative));

        Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("script-src 'self'").And.Not.Contain("unsafe-inline"));
    }

    [Test]
    public async Task Forms_NoOriginsConfigured_SendNoCorsHeaders()
    {
        await using var factory = new ApiFactory();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/forms");
        request.Headers.Add("Origin", Portal);

        var response = await client.SendAsync(request);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
        }
    }

    [Test]
    public async Task Forms_ConfiguredOrigin_PreflightAndResponseAllowIt()
    {
        await using var factory = new ApiFactory(new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = Portal });
        using var client = factory.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/forms/scia/validate?municipality=015146");
        preflight.Headers.Add("Origin", Portal);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type,x-api-key");
        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/v1/forms/scia/schema?municipality=015146&date=2025-06-01");
        get.Headers.Add("Origin", Portal);

        var preflightResponse = await client.SendAsync(preflight);
        var getResponse = await client.SendAsync(get);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(preflightResponse.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(preflightResponse.Headers.GetValues("Access-Control-Allow-Origin").Single(), Is.EqualTo(Portal));
            Assert.That(preflightResponse.Headers.GetValues("Access-Control-Allow-Headers").Single(), Does.Contain("X-Api-Key"));
            Assert.That(getResponse.Headers.GetValues("Access-Control-Allow-Origin").Single(), Is.EqualTo(Portal));
            Assert.That(getResponse.Headers.GetValues("Access-Control-Expose-Headers").Single(), Does.Contain("ETag"));
        }
    }

    [Test]
    public async Task OtherEndpoints_ConfiguredOrigin_StaySameOrigin()
    {
        await using var factory = new ApiFactory(new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = Portal });
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("Origin", Portal);

        var response = await client.SendAsync(request);

        Assert.That(response.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
    }

    [Test]
    public async Task Forms_OtherOrigin_IsNotAllowed()
    {
        await using var factory = new ApiFactory(new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = Portal });
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/forms");
        request.Headers.Add("Origin", "https://elsewhere.example");

        var response = await client.SendAsync(request);

        Assert.That(response.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
    }
}
