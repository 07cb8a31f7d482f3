using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using StrategicCities.Api.Http;

namespace StrategicCities.Api.Widget;

/// <summary>
/// The embeddable form widget (<c>/widget/permit-form.js</c> and its modules) and the demo portal (<c>/demo</c>).
/// The files are embedded in the assembly (see the .csproj): <c>/widget/italian-formats.mjs</c> is
/// schemas/formats/italian-formats.mjs itself, so the browser runs the same format algorithms the Ajv check proves.
/// </summary>
public static class WidgetEndpoints
{
    /// <summary>Logical-name prefix of the embedded files.</summary>
    private const string ResourceRoot = "StrategicCities.Api.web";

    /// <summary>Serves /widget/* and /demo/*, and /demo itself.</summary>
    public static WebApplication UseWidget(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var files = new EmbeddedFileProvider(typeof(WidgetEndpoints).Assembly, ResourceRoot);
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".mjs"] = "text/javascript";
        types.Mappings[".js"] = "text/javascript";
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = types,
            OnPrepareResponse = ctx =>
            {
                // Portals load the widget cross-origin as a module script: that needs CORS on the files themselves.
                ctx.Context.Response.Headers.AccessControlAllowOrigin = "*";
                // Short caching: the widget must follow the service when it is upgraded.
                ctx.Context.Response.Headers.CacheControl = "public, max-age=300";
                ctx.Context.Response.Headers.XContentTypeOptions = "nosniff";
            },
        });

        // The demo portal page; a strict CSP that a portal embedding the widget can copy (see the README).
        app.MapGet("/demo", (HttpContext context) =>
        {
            context.Response.Headers.ContentSecurityPolicy =
                "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
                "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
            return Results.Stream(files.GetFileInfo("demo/index.html").CreateReadStream(), "text/html; charset=utf-8");
        }).ExcludeFromDescription().AllowHead();
        return app;
    }
}
