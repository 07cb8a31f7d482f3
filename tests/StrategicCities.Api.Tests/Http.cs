using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace StrategicCities.Api.Tests;

/// <summary>Request helpers.</summary>
internal static class Http
{
    public static async Task<HttpResponseMessage> DetermineAsync(
        HttpClient client, string query, string body, string contentType = "application/json", string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/determinations" + query)
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, string path, string body, string contentType = "application/json", string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return await client.SendAsync(request);
    }
}
