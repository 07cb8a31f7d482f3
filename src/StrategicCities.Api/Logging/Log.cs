using Microsoft.Extensions.Logging;

namespace StrategicCities.Api.Logging;

/// <summary>
/// Every log line of the API, with stable event ids. Lines carry codes, statuses, routes and rule
/// identities only: never a request body, a form or anything that could identify a citizen.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information,
        Message = "Rule catalog loaded from {RulesDirectory}: {RuleSetCount} rule sets, {VersionCount} versions, {OverlayCount} overlays, {MunicipalityCount} municipalities")]
    public static partial void CatalogLoaded(ILogger logger, string rulesDirectory, int ruleSetCount, int versionCount, int overlayCount, int municipalityCount);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Critical,
        Message = "Rule catalog under {RulesDirectory} refused with {ProblemCount} problems; the service will not start")]
    public static partial void CatalogRefused(ILogger logger, string rulesDirectory, int problemCount);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Critical,
        Message = "Catalog problem {ProblemCode} in {File} rule {RuleName}: {ProblemMessage}")]
    public static partial void CatalogProblem(ILogger logger, string problemCode, string file, string ruleName, string problemMessage);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Critical,
        Message = "Rule catalog not found: {Reason}")]
    public static partial void CatalogNotFound(ILogger logger, string reason);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information,
        Message = "Form schemas loaded from {SchemasDirectory}: {FormCount} forms, {VersionCount} versions, {ExtensionCount} municipal extensions")]
    public static partial void FormSchemasLoaded(ILogger logger, string schemasDirectory, int formCount, int versionCount, int extensionCount);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Critical,
        Message = "Form schemas under {SchemasDirectory} refused with {ProblemCount} problems; the service will not start")]
    public static partial void FormSchemasRefused(ILogger logger, string schemasDirectory, int problemCount);

    [LoggerMessage(EventId = 2000, Level = LogLevel.Information,
        Message = "Request {Method} {Route} rejected with {StatusCode} {ProblemCode}")]
    public static partial void RequestRejected(ILogger logger, string method, string route, int statusCode, string problemCode);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Error,
        Message = "Rule fault in {RuleSetId} {Layer}:{Jurisdiction}@{RuleSetVersion} workflow {Workflow} rule {RuleName} during {Method} {Route}")]
    public static partial void RuleFault(ILogger logger, string ruleSetId, string layer, string jurisdiction, string ruleSetVersion,
        string workflow, string ruleName, string method, string route, Exception exception);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error,
        Message = "Unhandled {ExceptionType} during {Method} {Route}")]
    public static partial void UnhandledFault(ILogger logger, string exceptionType, string method, string route, Exception exception);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information,
        Message = "Request {Method} {Route} refused by the server with {StatusCode}")]
    public static partial void BadRequestFromServer(ILogger logger, string method, string route, int statusCode);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Debug,
        Message = "Request {Method} {Route} aborted by the client")]
    public static partial void RequestAborted(ILogger logger, string method, string route);
}
