using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using StrategicCities.Api.Intake.Auth;

namespace StrategicCities.Api.OpenApi;

/// <summary>
/// Declares how to authenticate (an API key in <c>X-Api-Key</c>; a JWT bearer token when <c>Auth:Jwt</c> is
/// configured) and marks the operations that need it, so clients and the interactive page know which calls
/// take a key. Operations without a requirement are public (forms, determinations, catalog). What is offered
/// is what authentication registered, not a second reading of the settings.
/// </summary>
public sealed class SecurityTransformer(IAuthenticationSchemeProvider schemes) : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    private async Task<bool> JwtEnabledAsync() => await schemes.GetSchemeAsync(JwtAuthentication.BearerScheme) is not null;

    /// <inheritdoc />
    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[IntakeClaims.ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = IntakeClaims.ApiKeyHeader,
            Description = "API key issued with `permits keys create` (also accepted as `Authorization: ApiKey <key>`). "
                + "Its role (clerk, officer, supervisor, admin, auditor) and office decide what it may do and see.",
        };
        if (await JwtEnabledAsync())
        {
            document.Components.SecuritySchemes[JwtAuthentication.BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "Token of the configured identity provider (Auth:Jwt), with the role and office claims.",
            };
        }
    }

    /// <inheritdoc />
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (!metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<IAllowAnonymous>().Any())
        {
            return;
        }

        // Alternatives: any one of the schemes is enough.
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(IntakeClaims.ApiKeyScheme, context.Document)] = [] });
        if (await JwtEnabledAsync())
        {
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(JwtAuthentication.BearerScheme, context.Document)] = [] });
        }
    }
}
