using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace StrategicCities.Api.OpenApi;

/// <summary>Title and description of the OpenAPI document.</summary>
public sealed class DocumentInfoTransformer : IOpenApiDocumentTransformer
{
    /// <inheritdoc />
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo
        {
            Title = "StrategicCities API",
            Version = "v1",
            Description =
                "Italian building-permit rules as code. Every error is RFC 9457 problem details (application/problem+json) " +
                "with a stable `code`, `errors[]` ({code, pointer, message{it,en}}) and `message{it,en}`; " +
                "`Accept-Language: it|en` picks the language of `title` and `detail` (Italian by default). " +
                "Statuses: 400 malformed request (not JSON, too deep, unknown field, wrong type, bad query parameter); " +
                "404 unknown route or unknown municipality in the path; 405 wrong method; 413 body too large; " +
                "415 not application/json; 422 well-formed but not processable (unknown municipality in the query, " +
                "no rules in force on the date); 500 faults only (rules.fault, internal).",
        };
        return Task.CompletedTask;
    }
}
