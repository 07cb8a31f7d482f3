using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;
using StrategicCities.Api.Catalog;
using StrategicCities.Api.Http;
using StrategicCities.Api.Intake.Auth;
using StrategicCities.Api.Problems;
using StrategicCities.Core.Applications;
using StrategicCities.Core.Law;
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
    /// <summary>A rate-limiter policy name endpoints may carry; every request is limited by the global limiter anyway.</summary>
    public const string PublicRateLimit = "public";

    /// <summary>Registers everything the intake needs.</summary>
    public static IServiceCollection AddIntake(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);

        // Storage: one setting (Database:ConnectionString); by default SQLite data/strategiccities.db in the service's
        // folder, the same file the CLI uses (DataOptions.HomeDirectory).
        services.AddSingleton(_ => DataOptions.FromConfiguration(configuration, DataOptions.HomeDirectory(environment.ContentRootPath)));
        services.AddSingleton(sp => new DatabaseFactory(sp.GetRequiredService<DataOptions>(), sp.GetRequiredService<ILogger<DatabaseFactory>>()));
        services.AddSingleton(sp => new ApplicationStore(sp.GetRequiredService<DatabaseFactory>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new OfficeStore(sp.GetRequiredService<DatabaseFactory>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ApiKeyStore(sp.GetRequiredService<DatabaseFactory>(), sp.GetRequiredService<TimeProvider>()));
        // Every request but the streamed exports ends within Limits:RequestTimeoutSeconds (its token is cancelled,
        // 504). An idempotency key is leased for longer (Idempotency:LeaseSeconds, twice the timeout by default), so
        // the lease of a live attempt never lapses: only a dead attempt's key is taken over by a retry.
        var requestTimeout = TimeSpan.FromSeconds(configuration.GetValue("Limits:RequestTimeoutSeconds", 30));
        var lease = TimeSpan.FromSeconds(configuration.GetValue("Idempotency:LeaseSeconds", 2 * requestTimeout.TotalSeconds));
        if (requestTimeout <= TimeSpan.Zero || lease <= requestTimeout)
        {
            throw new InvalidOperationException(
                $"Idempotency:LeaseSeconds ({lease.TotalSeconds}) must be longer than Limits:RequestTimeoutSeconds ({requestTimeout.TotalSeconds}), which must be positive.");
        }

        services.AddRequestTimeouts(o => o.DefaultPolicy = new RequestTimeoutPolicy { Timeout = requestTimeout });
        services.AddSingleton(sp => new IdempotencyStore(sp.GetRequiredService<DatabaseFactory>(), sp.GetRequiredService<TimeProvider>(), lease));
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
        services.AddSingleton<IApplicationRepository>(sp => sp.GetRequiredService<ApplicationStore>());
        services.AddSingleton<ILawSource>(sp => sp.GetRequiredService<LoadedCatalog>());
        services.AddSingleton<ApplicationUseCases>();
        services.AddScoped<IdempotentRequests>();
        services.Configure<SweepOptions>(configuration.GetSection(SweepOptions.Section));
        services.Configure<SweepOptions>(o => o.IdempotencyRetentionHours = configuration.GetValue("Idempotency:RetentionHours", o.IdempotencyRetentionHours));
        services.AddSingleton<DeadlineSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<DeadlineSweep>());
        services.AddHealthChecks().AddCheck<SweepHealthCheck>("sweep", tags: ["ready"]);

        // Rate limiting of every request (pages, documents, static files, API): a fixed window per API key, else per
        // client address. A request costs one permit; one marked [HeavyRequest] (the open-data export) costs
        // RateLimit:HeavyCost. Each instance keeps its own windows (in memory).
        var permits = Math.Max(1, configuration.GetValue("RateLimit:PermitLimit", 600));
        var window = TimeSpan.FromSeconds(configuration.GetValue("RateLimit:WindowSeconds", 60));
        var heavyCost = Math.Clamp(configuration.GetValue("RateLimit:HeavyCost", 60), 1, permits);
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = new WeightedRateLimiter(
                PartitionedRateLimiter.Create<HttpContext, string>(http => RateLimitPartition.GetFixedWindowLimiter(
                    http.User.FindFirst(IntakeClaims.ActorId)?.Value ?? "ip:" + http.Connection.RemoteIpAddress,
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 })),
                http => http.GetEndpoint()?.Metadata.GetMetadata<HeavyRequestAttribute>() is null ? 1 : heavyCost);

            // Endpoints that name this policy are counted by the global limiter above, once.
            o.AddPolicy(PublicRateLimit, _ => RateLimitPartition.GetNoLimiter(PublicRateLimit));
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
        app.UseRequestTimeouts();
        return app;
    }
}
