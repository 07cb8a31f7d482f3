namespace StrategicCities.Api.Http;

/// <summary>
/// CORS for the forms endpoints (/api/v1/forms*), so a municipal portal on another origin can embed the widget.
/// Origins come from <c>Cors:AllowedOrigins</c> (an array); none configured means same-origin only (no CORS headers).
/// </summary>
public static class FormsCors
{
    /// <summary>Configuration key of the allowed origins.</summary>
    public const string Section = "Cors:AllowedOrigins";

    /// <summary>Name of the policy.</summary>
    public const string Policy = "forms";

    /// <summary>The path the policy applies to.</summary>
    public static readonly PathString Path = new("/api/v1/forms");

    /// <summary>Registers the policy when origins are configured.</summary>
    public static IServiceCollection AddFormsCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = Origins(configuration);
        if (origins.Length > 0)
        {
            services.AddCors(o => o.AddPolicy(Policy, p => p
                .WithOrigins(origins)
                .WithMethods("GET", "POST")
                .WithHeaders("Content-Type", "Accept", "Accept-Language", "If-None-Match", "X-Api-Key")
                .WithExposedHeaders("ETag", "X-Form-Version", "X-Form-Extension")
                .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        }

        return services;
    }

    /// <summary>Applies the policy to /api/v1/forms*, preflight included, and nowhere else.</summary>
    public static IApplicationBuilder UseFormsCors(this IApplicationBuilder app, IConfiguration configuration)
    {
        if (Origins(configuration).Length > 0)
        {
            app.UseWhen(c => c.Request.Path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase), b => b.UseCors(Policy));
        }

        return app;
    }

    private static string[] Origins(IConfiguration configuration) =>
        [.. configuration.GetSection(Section).Get<string[]>()?.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim().TrimEnd('/')) ?? []];
}
