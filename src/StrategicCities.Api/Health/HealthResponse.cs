using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StrategicCities.Core;

namespace StrategicCities.Api.Health;

/// <summary>Health as JSON: <c>{ "status": "Healthy", "checks": [{ "name", "status", "description" }] }</c>.</summary>
public static class HealthResponse
{
    /// <summary>The response writer of both health endpoints.</summary>
    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(report);
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return http.Response.WriteAsJsonAsync(body, JsonDefaults.Compact, "application/json", http.RequestAborted);
    }
}
