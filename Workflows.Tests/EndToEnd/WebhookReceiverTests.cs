using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflows.Tests.Infrastructure;
using static Workflows.Tests.Api.FlowApi;

namespace Workflows.Tests.EndToEnd;

/// <summary>
/// The "done when": an integrator's receiver (a real Kestrel app on loopback) subscribes over the API, gets a
/// workflow's events signed and verifies them with the Standard Webhooks library; while it is down the deliveries
/// fail and are retried (the delivery log shows each attempt), and once it is back it gets every one of them.
/// </summary>
[Collection(nameof(EndToEnd))]
public sealed class WebhookReceiverTests(WebhookReceiverTests.App app) : IClassFixture<WebhookReceiverTests.App>, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private HttpClient admin = default!;

    public sealed class App : WorkflowsAppFactory
    {
        public App()
        {
            Settings["Webhooks:AllowedHosts:0"] = "127.0.0.1";
            Settings["Jobs:RetryBaseDelay"] = "00:00:01";
            Settings["Jobs:RetryMaxDelay"] = "00:00:02";
            Settings["Webhooks:Delivery:MaxAttempts"] = "30";
        }
    }

    public async Task InitializeAsync() => admin = await ApiClients.ForAsync(app, "admin@workflows.demo");

    public Task DisposeAsync()
    {
        admin.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_receiver_verifies_signed_deliveries_and_gets_the_missed_ones_after_its_downtime()
    {
        var port = Loopback.FreePort();
        var template = await CreateTemplateAsync(admin, SolarTemplate("Webhook receiver"));
        using var subscribed = await admin.PostAsJsonAsync("/v1/webhooks", new JsonObject
        {
            ["url"] = $"http://127.0.0.1:{port}/hooks/workflows",
            ["events"] = new JsonArray("FlowStarted", "TaskCompleted"),
            ["template_ids"] = new JsonArray((string)template["id"]!),
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, subscribed.StatusCode);
        var webhook = (await subscribed.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = (string)webhook["id"]!;
        await using var receiver = new StandardWebhookReceiver((string)webhook["secret"]!, port);
        await receiver.StartAsync();

        var execution = await StartAsync(admin, (string)template["id"]!);
        var executionId = (string)execution["id"]!;
        await WaitAsync(() => receiver.Verified.Count == 1);

        await receiver.StopAsync();
        await PatchTaskAsync(admin, executionId, "docs", new JsonObject { ["status"] = "COMPLETED" });
        await PatchTaskAsync(admin, executionId, "offer", new JsonObject { ["status"] = "COMPLETED" });
        await WaitAsync(async () => (await DeliveriesAsync(id)).Count(d => d!["attempts"]!.AsArray().Count >= 2) == 2);
        var whileDown = await DeliveriesAsync(id);

        await receiver.StartAsync();
        await WaitAsync(() => receiver.Verified.Count == 3);
        await WaitAsync(async () => (await DeliveriesAsync(id)).All(d => (string?)d!["status"] == "Succeeded"));

        Assert.Empty(receiver.Refused);
        var types = receiver.Verified.Values.Select(p => (string)JsonNode.Parse(p)!["type"]!).Order().ToList();
        Assert.Equal(["FlowStarted", "TaskCompleted", "TaskCompleted"], types);
        Assert.All(receiver.Verified.Values, p => Assert.Equal(executionId, (string?)JsonNode.Parse(p)!["data"]!["workflow"]!["id"]));
        foreach (var missed in whileDown.Where(d => (string?)d!["event"] == "TaskCompleted"))
        {
            var attempts = missed!["attempts"]!.AsArray();
            Assert.Contains("could not be reached", (string)attempts[0]!["error"]!, StringComparison.Ordinal);
            Assert.False((bool)attempts[0]!["succeeded"]!);
        }

        var after = await DeliveriesAsync(id);
        Assert.All(after, d => Assert.True((bool)d!["attempts"]!.AsArray()[^1]!["succeeded"]!));
        Assert.Equal(3, receiver.Verified.Count);
    }

    private async Task<JsonArray> DeliveriesAsync(string webhookId) => (await GetAsync(admin, $"/v1/webhooks/{webhookId}/deliveries"))["results"]!.AsArray();

    private static Task WaitAsync(Func<bool> condition) => WaitAsync(() => Task.FromResult(condition()));

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < Timeout, "The receiver did not get what it should within a minute.");
            await Task.Delay(200);
        }
    }
}
