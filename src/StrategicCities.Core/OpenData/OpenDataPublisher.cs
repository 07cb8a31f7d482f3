namespace StrategicCities.Core.OpenData;

/// <summary>Who publishes the open data, as the DCAT-AP_IT metadata names it (publisher, rights holder, contact point).</summary>
public sealed record OpenDataPublisher
{
    /// <summary>Name of the administration.</summary>
    public required string Name { get; init; }

    /// <summary>Its code in the IndicePA (IPA), the identifier DCAT-AP_IT asks of an Italian public agent.</summary>
    public required string IpaCode { get; init; }

    /// <summary>Contact e-mail of the data's owner.</summary>
    public required string ContactEmail { get; init; }

    /// <summary>Absolute base URL of the service (scheme and host, no trailing slash): the datasets' URLs hang from it.</summary>
    public required string BaseUrl { get; init; }
}
