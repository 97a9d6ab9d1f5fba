using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Workflows.Tests.Infrastructure;

/// <summary>
/// A real HTTP receiver for webhook tests: Kestrel on a loopback address (127.0.0.1 unless told) at a free port,
/// recording every request. It answers <see cref="StatusCode"/>, redirects to <see cref="RedirectTo"/> when set, or holds
/// the request open while <see cref="Hold"/> is set (a receiver that hangs). Webhooks reach it only when the app's
/// <c>Webhooks:AllowedHosts</c> allows loopback.
/// </summary>
public sealed class WebhookListener : IAsyncDisposable
{
    private readonly WebApplication app;

    private WebhookListener(WebApplication app) => this.app = app;

    public ConcurrentQueue<ReceivedHook> Received { get; } = new();

    public int StatusCode { get; set; } = 200;

    public bool Hold { get; set; }

    /// <summary>When set, every request is answered 307 to this address (the POST is repeated there).</summary>
    public Uri? RedirectTo { get; set; }

    /// <summary>Completes when a request arrives while <see cref="Hold"/> is set.</summary>
    public TaskCompletionSource Held { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Uri Address { get; private set; } = default!;

    public static async Task<WebhookListener> StartAsync(string address = "127.0.0.1")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://{address}:0");
        var app = builder.Build();
        var listener = new WebhookListener(app);
        app.MapPost("/hook", async (HttpRequest request, CancellationToken aborted) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, aborted);
            listener.Received.Enqueue(new ReceivedHook(
                body.ToArray(),
                request.Headers["X-Workflows-Signature"].ToString(),
                request.Headers["X-Workflows-Delivery"].ToString(),
                request.ContentType,
                request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            if (listener.Hold)
            {
                listener.Held.TrySetResult();
                await Task.Delay(Timeout.Infinite, aborted);
            }

            return listener.RedirectTo is { } target
                ? Results.Redirect(target.ToString(), permanent: false, preserveMethod: true)
                : Results.StatusCode(listener.StatusCode);
        });
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        listener.Address = new Uri(new Uri(addresses.Addresses.First()), "/hook");
        return listener;
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await app.StopAsync(stop.Token);
        await app.DisposeAsync();
    }
}

public sealed record ReceivedHook(byte[] Body, string Signature, string Delivery, string? ContentType, IReadOnlyDictionary<string, string> Headers);
