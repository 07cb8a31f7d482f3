using System.Text;
using Scalar.AspNetCore;

namespace StrategicCities.Api.OpenApi;

/// <summary>
/// The API reference's host page (<c>/scalar</c>): marked as English, the language of the reference (WCAG 3.1.1),
/// in a light theme whose text, links and method badges have at least 4.5:1 contrast (1.4.3), with system fonts only
/// (the page's Content Security Policy allows nothing from outside this origin).
/// </summary>
public static class ApiReferencePage
{
    private const string ScalarPrefix = "/scalar";

    // Scalar's colour variables, darkened where its default light theme falls under 4.5:1 on white.
    private const string ContrastCss = """
        .light-mode {
          --scalar-color-1: #1b1b1b;
          --scalar-color-2: #3b3b3b;
          --scalar-color-3: #525252;
          --scalar-color-accent: #0b57d0;
          --scalar-color-green: #116329;
          --scalar-color-blue: #0b4f9c;
          --scalar-color-orange: #8a4500;
          --scalar-color-yellow: #6b5200;
          --scalar-color-red: #a4161a;
          --scalar-color-purple: #5b2a9e;
        }
        """;

    /// <summary>The reference's options: light theme with the contrast overrides, system fonts.</summary>
    public static void Configure(ScalarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.DisableDefaultFonts();
        options.ForceLightMode();
        options.WithCustomCss(ContrastCss);
    }

    /// <summary>Adds <c>lang="en"</c> to the reference page's <c>html</c> element, which Scalar writes without one.</summary>
    public static WebApplication UseApiReferenceLanguage(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (!path.StartsWithSegments(ScalarPrefix, StringComparison.OrdinalIgnoreCase, out var rest) || Path.HasExtension(rest.Value))
            {
                await next(context);
                return;
            }

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

            var bytes = buffer.ToArray();
            if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
            {
                var html = Encoding.UTF8.GetString(bytes);
                var at = html.IndexOf("<html>", StringComparison.OrdinalIgnoreCase);
                if (at >= 0)
                {
                    bytes = Encoding.UTF8.GetBytes(string.Concat(html.AsSpan(0, at), "<html lang=\"en\">", html.AsSpan(at + "<html>".Length)));
                    context.Response.ContentLength = bytes.Length;
                }
            }

            await original.WriteAsync(bytes, context.RequestAborted);
        });
        return app;
    }
}
