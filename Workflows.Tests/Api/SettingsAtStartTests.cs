using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Api;

/// <summary>A setting that would break the app at run time stops it at start, with a message that names the key.</summary>
public sealed class SettingsAtStartTests
{
    [Theory]
    [InlineData("Api:RateLimitPerSecond", "0")]
    [InlineData("Api:RateLimitPerSecond", "-5")]
    [InlineData("Api:RateLimitPerSecond", "many")]
    [InlineData("Jobs:PollInterval", "00:00:00")]
    [InlineData("Jobs:Lease", "-00:01:00")]
    [InlineData("Jobs:RetryBaseDelay", "soon")]
    [InlineData("Jobs:MaxJobsPerPoll", "0")]
    [InlineData("Reminders:SweepInterval", "00:00:00")]
    [InlineData("Reminders:DueSoonLead", "-1.00:00:00")]
    [InlineData("Workflows:TimeZone", "Mars/Olympus_Mons")]
    [InlineData("Workflows:Language", "fr")]
    [InlineData("Seed:Language", "fr")]
    [InlineData("Bootstrap:AdminEmail", "ops@example.com")]
    [InlineData("Bootstrap:AdminPassword", "S3cret!only")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4318")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "not an address")]
    [InlineData("ForwardedHeaders:KnownProxies", "10.0.0.300")]
    [InlineData("ForwardedHeaders:KnownNetworks", "10.0.0.0/99")]
    public void A_wrong_setting_stops_the_app_at_start_naming_the_key(string key, string value)
    {
        using var app = new WorkflowsAppFactory();
        app.Settings[key] = value;
        app.Settings["Jobs:RunWorker"] = "false";

        var failure = Record.Exception(() => app.CreateClient().Dispose());

        Assert.NotNull(failure);
        var messages = string.Join(" | ", Chain(failure).Select(e => e.Message));
        Assert.Contains(key, messages, StringComparison.Ordinal);
    }

    [Fact]
    public void The_documented_defaults_start()
    {
        using var app = new WorkflowsAppFactory();
        app.Settings["Jobs:RunWorker"] = "false";

        app.CreateClient().Dispose();
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }
            }
        }
    }
}
