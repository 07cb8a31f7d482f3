using Microsoft.AspNetCore.Diagnostics;
using StrategicCities.Api.Logging;
using StrategicCities.Core.Catalog;

namespace StrategicCities.Api.Problems;

/// <summary>
/// Maps every exception once (STYLE.md C4): a rule fault is 500 <c>rules.fault</c> and is logged with
/// the rule's identity; a protocol refusal by the server keeps its 4xx; anything else is 500
/// <c>internal</c>. No stack trace or exception text ever reaches the client, and no body reaches the log.
/// </summary>
public sealed class FaultExceptionHandler(ProblemFactory problems, ILogger<FaultExceptionHandler> logger) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);
        var method = httpContext.Request.Method;
        var route = ProblemFactory.RouteOf(httpContext);
        switch (exception)
        {
            case OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested:
                // Nobody is listening any more.
                Log.RequestAborted(logger, method, route);
                return true;

            case BadHttpRequestException bad:
                // Kestrel's own refusals (body over the server limit, truncated body…): the client's doing.
                Log.BadRequestFromServer(logger, method, route, bad.StatusCode);
                var code = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? ProblemCodes.BodyTooLarge : ProblemCodes.RequestInvalid;
                await problems.WriteAsync(httpContext,
                    [ProblemFactory.Error(code, "", "La richiesta non è stata accettata dal server: controllarne la forma e la dimensione.",
                        "The server refused the request: check its framing and size.")],
                    bad.StatusCode);
                return true;

            case RuleEvaluationException fault:
                Log.RuleFault(logger, fault.Origin.RuleSet, fault.Origin.Layer, fault.Origin.Jurisdiction, fault.Origin.Version,
                    fault.Workflow, fault.Rule, method, route, fault);
                await problems.WriteAsync(httpContext,
                    [ProblemFactory.Error(ProblemCodes.RulesFault, "",
                        "Una regola non ha potuto essere valutata: è un difetto delle regole, non della richiesta. Il problema è stato registrato; citare il traceId nella segnalazione.",
                        "A rule could not be evaluated: this is a fault in the rules, not in the request. It has been logged; quote the traceId when reporting it.")]);
                return true;

            default:
                Log.UnhandledFault(logger, exception.GetType().Name, method, route, exception);
                await problems.WriteAsync(httpContext,
                    [ProblemFactory.Error(ProblemCodes.Internal, "",
                        "Errore interno del servizio. Il problema è stato registrato; citare il traceId nella segnalazione.",
                        "Internal server error. It has been logged; quote the traceId when reporting it.")]);
                return true;
        }
    }
}
