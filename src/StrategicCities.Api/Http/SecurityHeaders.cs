using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace StrategicCities.Api.Http;

/// <summary>
/// Headers every response carries: <c>X-Content-Type-Options: nosniff</c>, <c>Referrer-Policy: no-referrer</c>,
/// <c>X-Frame-Options: DENY</c> and a Content Security Policy. A response that sets its own policy keeps it (the demo
/// and the dashboard); otherwise HTML pages get <see cref="PagePolicy"/> (scripts and styles from this origin only,
/// no inline code) and everything else <see cref="ApiPolicy"/> (nothing may load or run: JSON, CSV, SVG opened
/// directly). The Scalar reference's page starts from one inline module script, allowed by its hash, and its
/// components set inline styles.
/// </summary>
public static partial class SecurityHeaders
{
    /// <summary>The policy of every response that is not an HTML page.</summary>
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>The policy of the HTML pages (the landing page; the demo and the dashboard set the same themselves).</summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private const string ScalarPrefix = "/scalar";

    /// <summary>Adds the headers to every response (first in the pipeline, so errors carry them too).</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                Apply((HttpContext)state);
                return Task.CompletedTask;
            }, context);

            if (IsScalarPage(context.Request.Path))
            {
                await WithScriptHashesAsync(context, next);
                return;
            }

            await next(context);
        });
        return app;
    }

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        if (headers.ContentSecurityPolicy.Count == 0)
        {
            var html = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
            headers.ContentSecurityPolicy = html ? PagePolicy : ApiPolicy;
        }
    }

    // The reference's page itself (/scalar, /scalar/, /scalar/v1); its scripts and styles are files with extensions.
    private static bool IsScalarPage(PathString path) =>
        path.StartsWithSegments(ScalarPrefix, StringComparison.OrdinalIgnoreCase, out var rest) && !Path.HasExtension(rest.Value);

    /// <summary>Buffers the page (under a kilobyte) to allow exactly the inline scripts it holds, by their SHA-256.</summary>
    private static async Task WithScriptHashesAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            var html = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            var hashes = InlineScript().Matches(html)
                .Select(m => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups["code"].Value)))}'")
                .Distinct(StringComparer.Ordinal);
            context.Response.Headers.ContentSecurityPolicy =
                $"default-src 'self'; script-src 'self' {string.Join(' ', hashes)}; style-src 'self' 'unsafe-inline'; " +
                "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
                "form-action 'none'; frame-ancestors 'none'";
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc\s*=)[^>]*>(?<code>.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex InlineScript();
}
