using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Scalar.AspNetCore;
using StrategicCities.Api;
using StrategicCities.Api.Catalog;
using StrategicCities.Api.Health;
using StrategicCities.Api.Http;
using StrategicCities.Api.Intake;
using StrategicCities.Api.Monitoring;
using StrategicCities.Api.OpenApi;
using StrategicCities.Api.Problems;
using StrategicCities.Api.Widget;
using StrategicCities.Core;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Determination;
using StrategicCities.Core.Procedures;
using StrategicCities.Core.Forms;
using StrategicCities.Core.Law;

var builder = WebApplication.CreateBuilder(args);

// http://localhost:5080 unless the deployment says otherwise (ASPNETCORE_URLS, --urls, Kestrel:Endpoints).
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"])
    && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
{
    builder.WebHost.UseUrls("http://localhost:5080");
}

builder.Services.Configure<CatalogOptions>(builder.Configuration.GetSection(CatalogOptions.Section));
builder.Services.Configure<ApiLimits>(builder.Configuration.GetSection(ApiLimits.Section));
builder.Services.AddSingleton(TimeProvider.System);

// The catalog is loaded once, before the server listens (CatalogStartup); a refusal stops the start.
builder.Services.AddSingleton<LoadedCatalog>();
builder.Services.AddHostedService<CatalogStartup>();
// Scoped: a request resolves the catalog serving when it starts and keeps it to the end, across a hot reload.
builder.Services.AddScoped(sp => sp.GetRequiredService<LoadedCatalog>().Current);
builder.Services.AddScoped(sp => sp.GetRequiredService<LawCatalog>().Rules);
builder.Services.AddScoped(sp => sp.GetRequiredService<LawCatalog>().Procedures);
builder.Services.AddScoped(sp => sp.GetRequiredService<LawCatalog>().Interventions);
builder.Services.AddScoped(sp => sp.GetRequiredService<LawCatalog>().Determination);
builder.Services.AddScoped(sp => sp.GetRequiredService<LawCatalog>().Forms);
builder.Services.AddScoped(sp => sp.GetRequiredService<LawCatalog>().Validator);

builder.Services.AddSingleton<ProblemFactory>();
builder.Services.AddSingleton<JsonBody>();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<FaultExceptionHandler>();

// Minimal endpoints and the OpenAPI document describe enumerations as MVC writes them: as their codes.
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(JsonDefaults.CreateEnumConverter()));

builder.Services.AddControllers()
    .AddJsonOptions(o => JsonDefaults.Apply(o.JsonSerializerOptions))
    .ConfigureApiBehaviorOptions(o =>
    {
        // Our problems only: no framework-shaped ProblemDetails for client errors or model state.
        o.SuppressMapClientErrors = true;
        o.InvalidModelStateResponseFactory = ModelStateProblems.Create;
    });

// Bodies are JSON only: without this, MVC parses a form-encoded body for binding before any action runs and throws
// (500) on a malformed jQuery-style key such as "[".
builder.Services.Configure<MvcOptions>(o =>
{
    o.ValueProviderFactories.RemoveType<FormValueProviderFactory>();
    o.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
    o.ValueProviderFactories.RemoveType<FormFileValueProviderFactory>();
});

builder.Services.AddOpenApi("v1", o =>
{
    o.AddDocumentTransformer<DocumentInfoTransformer>();
    o.AddOperationTransformer<JsonRequestBodyTransformer>();
    o.AddOperationTransformer<RequestParameterTransformer>();
    o.AddOperationTransformer<ResponseHeaderTransformer>();
    o.AddDocumentTransformer<SecurityTransformer>();
    o.AddOperationTransformer<SecurityTransformer>();
});

// Cross-origin portals (Cors:AllowedOrigins) on the forms endpoints only; none configured: same-origin only.
builder.Services.AddFormsCors(builder.Configuration);

builder.Services.AddHealthChecks()
    .AddCheck<CatalogHealthCheck>("catalog", tags: ["ready"]);

// ---- Intake: storage, API keys, applications, deadline sweep, rate limiting (Intake/IntakeExtensions.cs) ----
builder.Services.AddIntake(builder.Configuration, builder.Environment);
// ---- end Intake ----

// ---- Monitoring: statistics, open data, dashboard (Monitoring/MonitoringApi.cs) ----
builder.Services.AddMonitoringApi();
// ---- end Monitoring ----

var app = builder.Build();

app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages(StatusCodeProblems.WriteAsync);
app.UseSingleValuedQuery();
app.UseFormsCors(builder.Configuration);

// ---- Intake: authentication, authorization, rate limiting ----
app.UseIntake();
// ---- end Intake ----

// After the rate limiter: the widget's files and the demo page count like every other request.
app.UseWidget();
app.UseApiReferenceLanguage();

app.MapControllers().AllowHead();
app.MapOpenApi().AllowHead();
// The reference page: system fonts (its Content Security Policy allows nothing from outside this origin), lang and contrast (ApiReferencePage).
app.MapScalarApiReference(ApiReferencePage.Configure).AllowHead();
app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthResponse.WriteAsync });

try
{
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException && app.Services.GetService<LoadedCatalog>() is { IsLoaded: false })
{
    // The rules were refused or not found: the problems were logged; say it once, plainly, without a stack trace.
    await Console.Error.WriteLineAsync(ex.Message);
    return 1;
}

/// <summary>Entry point; public so WebApplicationFactory&lt;Program&gt; can host the API in tests.</summary>
public partial class Program;
