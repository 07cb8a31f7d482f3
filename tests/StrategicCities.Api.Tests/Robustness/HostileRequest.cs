using System.Text;

namespace StrategicCities.Api.Tests.Robustness;

/// <summary>One generated request: what is sent, printable for a failure report.</summary>
internal sealed record HostileRequest
{
    public required HttpMethod Method { get; init; }

    /// <summary>Path and query, already escaped.</summary>
    public required string Target { get; init; }

    /// <summary>The body text (POST/PUT only).</summary>
    public string? Body { get; init; }

    public string? ContentType { get; init; }

    public string? IfMatch { get; init; }

    public string? IdempotencyKey { get; init; }

    /// <summary>Name of the API key sent (a role of the fixture, or a made-up key); null: anonymous.</summary>
    public string? Key { get; init; }

    public string? AcceptLanguage { get; init; }

    public override string ToString()
    {
        var text = new StringBuilder().Append(Method).Append(' ').Append(Target);
        void Header(string name, string? value)
        {
            if (value is not null)
            {
                text.Append("\n  ").Append(name).Append(": ").Append(Shorten(value));
            }
        }

        Header("X-Api-Key (role)", Key);
        Header("Content-Type", ContentType);
        Header("If-Match", IfMatch);
        Header("Idempotency-Key", IdempotencyKey);
        Header("Accept-Language", AcceptLanguage);
        if (Body is not null)
        {
            text.Append("\n  body (").Append(Body.Length).Append(" chars): ").Append(Shorten(Body));
        }

        return text.ToString();
    }

    private static string Shorten(string value) => value.Length <= 300 ? value : value[..300] + "…";
}
