namespace StrategicCities.Api.OpenApi;

/// <summary>
/// Documents the JSON body of an action that reads its body as raw text (so Core validates exactly
/// what was sent). Only the OpenAPI document uses it; it binds nothing.
/// </summary>
/// <param name="type">The type whose schema describes the body.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class JsonRequestBodyAttribute(Type type) : Attribute
{
    /// <summary>The type whose schema describes the body.</summary>
    public Type Type { get; } = type;

    /// <summary>Description of the body.</summary>
    public string? Description { get; init; }
}
