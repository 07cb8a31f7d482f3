namespace StrategicCities.Api.Http;

/// <summary>
/// Marks an endpoint whose answer is expensive (the open-data export streams every filed application): the rate
/// limiter charges it <c>RateLimit:HeavyCost</c> permits instead of one.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class HeavyRequestAttribute : Attribute;
