using Microsoft.Net.Http.Headers;

namespace StrategicCities.Api.Http;

/// <summary>The language of <c>title</c> and <c>detail</c>: "it" or "en" from Accept-Language, Italian by default.</summary>
public static class RequestLanguage
{
    /// <summary>Italian, the legal language and the default.</summary>
    public const string Italian = "it";

    /// <summary>English.</summary>
    public const string English = "en";

    /// <summary>Picks it or en by quality; anything else (or nothing) is Italian.</summary>
    public static string Pick(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var values))
        {
            return Italian;
        }

        string? best = null;
        var bestQuality = -1.0;
        foreach (var value in values)
        {
            var tag = value.Value.Value ?? "";
            var primary = tag.Split('-')[0];
            var language = primary.Equals(English, StringComparison.OrdinalIgnoreCase) ? English
                : primary.Equals(Italian, StringComparison.OrdinalIgnoreCase) ? Italian
                : null;
            var quality = value.Quality ?? 1.0;
            // Ties keep the first listed; q=0 means "not acceptable".
            if (language is not null && quality > 0 && quality > bestQuality)
            {
                best = language;
                bestQuality = quality;
            }
        }

        return best ?? Italian;
    }
}
