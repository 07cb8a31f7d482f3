namespace StrategicCities.Api.OpenApi;

/// <summary>Documents a header of a response in the OpenAPI document; it sets nothing.</summary>
/// <param name="status">The response status the header comes with.</param>
/// <param name="name">Header name.</param>
/// <param name="description">What the header says.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class ResponseHeaderAttribute(int status, string name, string description) : Attribute
{
    /// <summary>The response status the header comes with.</summary>
    public int Status { get; } = status;

    /// <summary>Header name.</summary>
    public string Name { get; } = name;

    /// <summary>What the header says.</summary>
    public string Description { get; } = description;
}
