using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace Workflows.Tests.Infrastructure;

/// <summary>
/// An integrator's receiver as the Standard Webhooks spec asks it to be: Kestrel on 127.0.0.1 at a fixed port, which
/// checks every request with the library's <c>Verify</c> (signature and timestamp tolerance) and answers 204, or 401
/// to what does not verify. It keeps what it verified once per <c>webhook-id</c>, as a receiver drops duplicates.
/// <see cref="StopAsync"/> and <see cref="StartAsync()"/> give it downtime: the port refuses connections meanwhile.
/// </summary>
public sealed class StandardWebhookReceiver(string secret, int port) : IAsyncDisposable
{
    private WebApplication? app;

    public ConcurrentDictionary<string, string> Verified { get; } = new();

    public ConcurrentQueue<string> Refused { get; } = new();

    public int Requests => requests;

    private int requests;

    public Uri Address => new($"http://127.0.0.1:{port}/hooks/workflows");

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var started = builder.Build();
        var webhook = new StandardWebhook(secret);
        started.MapPost(Address.AbsolutePath, async (HttpRequest request) =>
        {
            Interlocked.Increment(ref requests);
            using var reader = new StreamReader(request.Body);
            var payload = await reader.ReadToEndAsync();
            try
            {
                webhook.Verify(payload, request.Headers);
            }
            catch (WebhookVerificationException refused)
            {
                Refused.Enqueue(refused.Message);
                return Results.StatusCode(StatusCodes.Status401Unauthorized);
            }

            Verified.TryAdd(request.Headers["webhook-id"].ToString(), payload);
            return Results.NoContent();
        });
        await started.StartAsync();
        app = started;
    }

    public async Task StopAsync()
    {
        if (app is { } running)
        {
            app = null;
            await running.StopAsync();
            await running.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
