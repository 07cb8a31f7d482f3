using Microsoft.AspNetCore.Routing;

namespace StrategicCities.Api.Http;

/// <summary>
/// <c>HEAD</c> on every <c>GET</c> endpoint (RFC 9110 §9.3.2): the same status and headers, no body (the server
/// drops what the endpoint writes). Applied to the controllers and to the mapped pages and documents.
/// </summary>
public static class HeadRequests
{
    /// <summary>Lets each GET endpoint of <paramref name="builder"/> answer HEAD too.</summary>
    public static TBuilder AllowHead<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Add(static endpoint =>
        {
            // The last method metadata is the one routing matches on.
            var methods = endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault();
            if (methods is not null
                && methods.HttpMethods.Contains(HttpMethods.Get, StringComparer.OrdinalIgnoreCase)
                && !methods.HttpMethods.Contains(HttpMethods.Head, StringComparer.OrdinalIgnoreCase))
            {
                endpoint.Metadata.Add(new HttpMethodMetadata([.. methods.HttpMethods, HttpMethods.Head], methods.AcceptCorsPreflight));
            }
        });
        return builder;
    }
}
