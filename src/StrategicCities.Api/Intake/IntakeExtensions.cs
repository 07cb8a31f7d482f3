using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using StrategicCities.Api.Intake.Auth;
using StrategicCities.Api.Problems;
using StrategicCities.Data;
using StrategicCities.Data.ApiKeys;
using StrategicCities.Data.Applications;
using StrategicCities.Data.Expiry;
using StrategicCities.Data.Idempotency;
using StrategicCities.Data.Offices;

namespace StrategicCities.Api.Intake;

/// <summary>
/// Storage, identity, the application endpoints' services, the deadline sweep, rate limiting and shutdown:
/// <c>builder.Services.AddIntake(builder.Configuration, builder.Environment)</c> and <c>app.UseIntake()</c>
/// (before <c>MapControllers</c>). Kept in one place so Program.cs merges cleanly.
/// </summary>
public static class IntakeExtensions
{
    /// <summary>The rate-limiter policy of the public endpoints (determinations, form validation).</summary>
    public const string PublicRateLimit = "public";

    /// <summary>Registers everything the intake needs.</summary>
    public static IServiceCollection AddIntake(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);

        // Storage: one setting (Database:ConnectionString), SQLite data/strategiccities.db under the content root by default.
        services.AddSingleton(_ => DataOptions.FromConfiguration(configuration, environment.ContentRootPath));
        services.AddSingleton(sp => new DatabaseFactory(sp.GetRequiredService<DataOptions>(), sp.GetRequiredService<ILogger<DatabaseFactory>>()));
        services.AddSingleton(sp => new ApplicationStore(sp.GetRequiredService<DatabaseFactory>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new OfficeStore(sp.GetRequiredService<DatabaseFactory>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ApiKeyStore(sp.GetRequiredService<DatabaseFactory>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new IdempotencyStore(sp.GetRequiredService<DatabaseFactory>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ExpiryClaims(sp.GetRequiredService<DatabaseFactory>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<DevelopmentSeed>();
        services.AddHostedService<DatabaseStartup>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

        // Identity: API keys; roles and office as claims; policies per endpoint family.
        // Optional JWT bearer (Auth:Jwt): a policy scheme sends "Authorization: Bearer" to it, everything else to API keys.
        var jwt = configuration.GetSection(JwtOptions.Section).Get<JwtOptions>() ?? new JwtOptions();
        var authentication = services.AddAuthentication(IntakeClaims.ApiKeyScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(IntakeClaims.ApiKeyScheme, null);
        if (jwt.Enabled)
        {
            var scheme = JwtAuthentication.Add(authentication, jwt);
            services.Configure<AuthenticationOptions>(o => o.DefaultScheme = scheme);
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(IntakePolicies.Applications, p => p.RequireClaim(IntakeClaims.Role, IntakePolicies.ApplicationRoles))
            .AddPolicy(IntakePolicies.Admin, p => p.RequireClaim(IntakeClaims.Role, ApiKeyRoles.Admin));

        // Applications and the sweep.
        services.AddSingleton<LegalCalendarProvider>();
        services.AddScoped<ApplicationService>();
        services.AddSingleton(sp => new ApplicationRepin(sp.GetRequiredService<ApplicationStore>()));
        services.Configure<SweepOptions>(configuration.GetSection(SweepOptions.Section));
        services.Configure<SweepOptions>(o => o.IdempotencyRetentionHours = configuration.GetValue("Idempotency:RetentionHours", o.IdempotencyRetentionHours));
        services.AddSingleton<DeadlineSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<DeadlineSweep>());
        services.AddHealthChecks().AddCheck<SweepHealthCheck>("sweep", tags: ["ready"]);

        // Rate limiting of the public endpoints: a fixed window per API key, else per client address.
        var permits = configuration.GetValue("RateLimit:PermitLimit", 600);
        var window = TimeSpan.FromSeconds(configuration.GetValue("RateLimit:WindowSeconds", 60));
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(PublicRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.User.FindFirst(IntakeClaims.ActorId)?.Value ?? "ip:" + http.Connection.RemoteIpAddress,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
            o.OnRejected = async (context, token) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                var problems = context.HttpContext.RequestServices.GetRequiredService<ProblemFactory>();
                await problems.WriteAsync(context.HttpContext, [ProblemFactory.Error(IntakeCodes.RateLimited, "",
                    "Troppe richieste: riprovare più tardi.", "Too many requests: retry later.")], StatusCodes.Status429TooManyRequests);
            };
        });

        // Graceful shutdown: in-flight requests and a running sweep get this long to finish.
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(configuration.GetValue("Host:ShutdownTimeoutSeconds", 30)));
        return services;
    }

    /// <summary>Authentication, authorization and rate limiting, in that order (before the endpoints are mapped).</summary>
    public static WebApplication UseIntake(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }
}
