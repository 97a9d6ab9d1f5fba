using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Hosting;

/// <summary>
/// With <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, the real app sends its traces and metrics over OTLP/HTTP: here to a
/// loopback receiver the test opens, standing in for an OpenTelemetry collector.
/// </summary>
public sealed class TelemetryExportTests : IDisposable
{
    private readonly TempDatabase database = new();

    [Fact]
    public async Task The_app_posts_traces_and_metrics_to_the_configured_OTLP_endpoint()
    {
        var received = new ConcurrentQueue<(string Path, string? ContentType, long Length)>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var collector = builder.Build();
        collector.MapPost("/v1/{signal}", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            received.Enqueue((request.Path, request.ContentType, body.Length));
            return Results.Ok();
        });
        await collector.StartAsync();
        var endpoint = collector.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        await using var app = await AppProcess.StartAsync(database, new Dictionary<string, string?>
        {
            ["Seed:Demo"] = "false",
            ["Jobs:RunWorker"] = "false",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        });
        using var client = new HttpClient { BaseAddress = app.Address };
        (await client.GetAsync(new Uri("/health", UriKind.Relative))).Dispose();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !(Has("/v1/traces") && Has("/v1/metrics")))
        {
            await Task.Delay(200);
        }

        Assert.True(Has("/v1/traces"), $"no traces arrived; received: {string.Join(", ", received.Select(r => r.Path))}\n{app.Output}");
        Assert.True(Has("/v1/metrics"), $"no metrics arrived; received: {string.Join(", ", received.Select(r => r.Path))}\n{app.Output}");
        Assert.All(received, r => Assert.Equal("application/x-protobuf", r.ContentType));

        bool Has(string path) => received.Any(r => r.Path == path && r.Length > 0);
    }

    public void Dispose() => database.Dispose();
}
