using Microsoft.OpenApi;

namespace StrategicCities.Api.OpenApi;

/// <summary>
/// Documents a path or query parameter of an action that reads it itself instead of binding it (see
/// <c>FormsController.ValidateAsync</c>). Only the OpenAPI document uses it; it binds nothing.
/// </summary>
/// <param name="name">Parameter name, as in the route template or the query string.</param>
/// <param name="location">Path or query.</param>
/// <param name="description">What the parameter means, and whether it may be left out.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class RequestParameterAttribute(string name, ParameterLocation location, string description) : Attribute
{
    /// <summary>Parameter name.</summary>
    public string Name { get; } = name;

    /// <summary>Path or query.</summary>
    public ParameterLocation Location { get; } = location;

    /// <summary>What the parameter means.</summary>
    public string Description { get; } = description;
}
