using System.Threading.RateLimiting;

namespace StrategicCities.Api.Intake;

/// <summary>
/// A partitioned limiter that charges each request its cost (<paramref name="cost"/>) in permits of the caller's
/// window, so an expensive request uses up the budget of many cheap ones.
/// </summary>
internal sealed class WeightedRateLimiter(PartitionedRateLimiter<HttpContext> inner, Func<HttpContext, int> cost) : PartitionedRateLimiter<HttpContext>
{
    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => inner.GetStatistics(resource);

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) =>
        inner.AttemptAcquire(resource, permitCount * cost(resource));

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        inner.AcquireAsync(resource, permitCount * cost(resource), cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await inner.DisposeAsync();
        await base.DisposeAsyncCore();
    }
}
