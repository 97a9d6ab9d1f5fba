using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Workflows.Web.Hosting;

/// <summary>With <c>Redis:Connection</c> set, live signals cross instances (<see cref="RedisRelay"/>); without it they stay in-process.</summary>
internal static class RedisSetup
{
    public const string ConnectionKey = "Redis:Connection";

    public static IServiceCollection AddWorkflowsRedis(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration[ConnectionKey] is not { Length: > 0 } connection)
        {
            return services;
        }

        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(connection);
        }
        catch (ArgumentException exception)
        {
            throw new InvalidOperationException($"{ConnectionKey} is not a Redis connection string: {exception.Message}", exception);
        }

        // Start even while Redis is down, and reconnect on its own: live updates pause, the app keeps working.
        options.AbortOnConnectFail = false;
        options.ClientName ??= "workflows";
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        services.AddHostedService<RedisRelay>();
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: [DatabaseHealthCheck.Ready]);
        return services;
    }

    private sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var latency = await redis.GetDatabase().PingAsync();
                return HealthCheckResult.Healthy($"redis answers in {latency.TotalMilliseconds:0} ms");
            }
            catch (RedisException exception)
            {
                return HealthCheckResult.Unhealthy("redis does not answer", exception);
            }
        }
    }
}
