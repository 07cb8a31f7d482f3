using Microsoft.AspNetCore.Diagnostics;

namespace StrategicCities.Api.Problems;

/// <summary>Problem bodies for responses that end without one: unknown routes (404) and wrong methods (405).</summary>
public static class StatusCodeProblems
{
    /// <summary>The status-code-pages handler.</summary>
    public static Task WriteAsync(StatusCodeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var problems = http.RequestServices.GetRequiredService<ProblemFactory>();
        var status = http.Response.StatusCode;
        var error = status switch
        {
            StatusCodes.Status404NotFound => ProblemFactory.Error(ProblemCodes.RouteNotFound, "",
                "Nessuna risorsa a questo indirizzo. Le operazioni sono elencate in /openapi/v1.json e in /scalar.",
                "Nothing at this address. The operations are listed in /openapi/v1.json and at /scalar."),
            StatusCodes.Status405MethodNotAllowed => ProblemFactory.Error(ProblemCodes.MethodNotAllowed, "",
                $"Il metodo {http.Request.Method} non è consentito su questa risorsa (consentiti: {AllowOrUnknown(http)}).",
                $"Method {http.Request.Method} is not allowed on this resource (allowed: {AllowOrUnknown(http)})."),
            _ => ProblemFactory.Error(ProblemCodes.RequestInvalid, "",
                $"La richiesta non è stata accettata (stato {status}).",
                $"The request was not accepted (status {status})."),
        };
        return problems.WriteAsync(http, [error], status);
    }

    private static string AllowOrUnknown(HttpContext http) =>
        http.Response.Headers.Allow.Count > 0 ? http.Response.Headers.Allow.ToString() : "-";
}
