namespace Workflows.Web.Api;

/// <summary>The configuration section <c>Api</c> as far as the API's limits go.</summary>
public sealed class ApiOptions
{
    /// <summary>Requests per second one token (or address) may send before 429; bursts of twice as many pass.</summary>
    public int RateLimitPerSecond { get; set; } = 500;
}
