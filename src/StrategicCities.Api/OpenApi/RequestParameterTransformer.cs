using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace StrategicCities.Api.OpenApi;

/// <summary>
/// Adds the parameters named by <see cref="RequestParameterAttribute"/> to the operation, as string parameters (a path
/// parameter is required, as OpenAPI demands), or describes the one the route template already contributed.
/// </summary>
public sealed class RequestParameterTransformer : IOpenApiOperationTransformer
{
    /// <inheritdoc />
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var declared in context.Description.ActionDescriptor.EndpointMetadata.OfType<RequestParameterAttribute>())
        {
            operation.Parameters ??= [];
            var existing = operation.Parameters.OfType<OpenApiParameter>()
                .FirstOrDefault(p => p.Name == declared.Name && p.In == declared.Location);
            if (existing is null)
            {
                existing = new OpenApiParameter
                {
                    Name = declared.Name,
                    In = declared.Location,
                    Required = declared.Location == ParameterLocation.Path,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
                operation.Parameters.Add(existing);
            }

            existing.Description = declared.Description;
        }

        return Task.CompletedTask;
    }
}
