using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;

namespace Workflows.Web.Api;

/// <summary>
/// The per-token token bucket of the API (per address without a token): <see cref="ApiOptions.RateLimitPerSecond"/>
/// tokens a second, bursts of twice as many. Every API answer says where the caller stands in the IETF draft's names
/// (<c>RateLimit-Limit</c>: the bucket's size, <c>RateLimit-Remaining</c>: requests left in it, <c>RateLimit-Reset</c>:
/// seconds until it is full again); a refused request is a 429 with <c>Retry-After</c> in seconds. Its own middleware,
/// not ASP.NET's, because that one keeps the buckets' state to itself.
/// </summary>
public sealed class ApiRateLimits : IDisposable
{
    public const string TooManyMessage = "Too many requests for this token; slow down and retry after the seconds in Retry-After.";

    private readonly int perSecond;

    private readonly PartitionedRateLimiter<HttpContext> buckets;

    public ApiRateLimits(ApiOptions options)
    {
        perSecond = options.RateLimitPerSecond;
        buckets = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetTokenBucketLimiter(
            context.User.FindFirstValue(BearerTokenHandler.TokenIdClaim) ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = Limit,
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>The bucket's size: the most requests a token may send at once.</summary>
    public int Limit => perSecond * 2;

    /// <summary>Takes one request from the caller's bucket and writes the headers; false (and a 429 written) when it is empty.</summary>
    public async Task<bool> AdmitAsync(HttpContext context)
    {
        using var lease = buckets.AttemptAcquire(context);
        var remaining = (int)Math.Max(0, buckets.GetStatistics(context)?.CurrentAvailablePermits ?? 0);
        var headers = context.Response.Headers;
        headers["RateLimit-Limit"] = Text(Limit);
        headers["RateLimit-Remaining"] = Text(remaining);
        headers["RateLimit-Reset"] = Text((int)Math.Ceiling((Limit - remaining) / (double)perSecond));
        if (lease.IsAcquired)
        {
            return true;
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        headers.RetryAfter = Text(Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        await context.Response.WriteAsJsonAsync(new ApiError(TooManyMessage), context.RequestAborted);
        return false;
    }

    public void Dispose() => buckets.Dispose();

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
