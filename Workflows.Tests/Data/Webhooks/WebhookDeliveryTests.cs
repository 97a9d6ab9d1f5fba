using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StandardWebhooks;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Jobs;
using Workflows.Core.Notifications;
using Workflows.Core.Webhooks;
using Workflows.Tests.Data.Automations;
using Workflows.Tests.Infrastructure;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Data.Webhooks;

/// <summary>
/// Webhook deliveries on a real database with the job worker stepped by hand on a fake clock: which subscriptions get
/// an event, the signature, retries on the backoff schedule with every attempt logged, re-send, and the switch-off
/// after repeated failure that tells the owner.
/// </summary>
public sealed class WebhookDeliveryTests : IAsyncLifetime
{
    private const string Contact = "contact-002";
    private AutomationHarness h = default!;
    private WebhookListener receiver = default!;

    private WebhookService Webhooks => h.Services.GetRequiredService<WebhookService>();

    public async Task InitializeAsync()
    {
        var settings = AutomationHarness.LoopbackWebhooks;
        settings["Webhooks:Delivery:MaxAttempts"] = "3";
        settings["Webhooks:Delivery:DisableAfterFailedDeliveries"] = "2";
        h = await AutomationHarness.StartAsync(settings: settings);
        receiver = await WebhookListener.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await receiver.DisposeAsync();
        await h.DisposeAsync();
    }

    private Task<FlowTemplate> TemplateAsync(string name) =>
        h.SaveTemplateAsync(ATemplate(name).WithTask("check", "Check details").WithTask("call", "Call customer").Requires("check").Chain("check", "call")
            .With(t =>
            {
                t.Id = null;
                t.Trigger = new TemplateTrigger { Type = TemplateTriggerType.Manual, EntitySchema = "contact" };
            })
            .Build());

    private async Task<WebhookService.CreatedWebhook> SubscribeAsync(IReadOnlyList<string> events, IReadOnlyList<string>? templates = null)
    {
        var created = await Webhooks.CreateAsync(new WebhookInput(receiver.Address.ToString(), events, templates, null), AutomationHarness.Lena, CancellationToken.None);
        Assert.True(created.Succeeded, created.Error);
        return created.Value!;
    }

    private async Task CompleteAsync(FlowExecution execution, string taskId)
    {
        var done = await h.Executions.ApplyAsync(execution.Id, new SetTaskStatus(taskId, StepStatus.COMPLETED), AutomationHarness.Lena, null, CancellationToken.None);
        Assert.True(done.Succeeded, done.Error);
    }

    /// <summary>Polls through the three attempts the test settings allow, a minute apart (longer than their backoff).</summary>
    private async Task RunEveryAttemptAsync()
    {
        for (var poll = 0; poll < 3; poll++)
        {
            await h.RunJobsAsync();
            h.Clock.Advance(TimeSpan.FromMinutes(1));
        }
    }

    private async Task<IReadOnlyList<WebhookDelivery>> DeliveriesAsync(string subscriptionId)
    {
        var deliveries = await Webhooks.DeliveriesAsync(subscriptionId, 100, CancellationToken.None);
        Assert.True(deliveries.Succeeded, deliveries.Error);
        return deliveries.Value!;
    }

    [Fact]
    public async Task An_event_reaches_the_subscriptions_that_want_its_type_and_template_signed_per_standard_webhooks()
    {
        var solar = await TemplateAsync("Solar");
        var heating = await TemplateAsync("Heating");
        var starts = await SubscribeAsync(["FlowStarted"]);
        var solarTasks = await SubscribeAsync(["TaskCompleted"], [solar.Id!]);

        await CompleteAsync(await h.StartAsync(solar.Id!, Contact), "check");
        await CompleteAsync(await h.StartAsync(heating.Id!, Contact), "check");
        await h.RunJobsAsync();

        Assert.Equal(["FlowStarted", "FlowStarted"], (await DeliveriesAsync(starts.Subscription.Id)).Select(d => d.EventType.ToString()));
        var taskDelivery = Assert.Single(await DeliveriesAsync(solarTasks.Subscription.Id));
        Assert.Equal(WebhookDeliveryStatus.Succeeded, taskDelivery.Status);
        Assert.Equal(200, Assert.Single(taskDelivery.Attempts).StatusCode);
        Assert.Equal(3, receiver.Received.Count);

        var hook = receiver.Received.Single(r => r.Headers["webhook-id"] == taskDelivery.Id);
        var body = Encoding.UTF8.GetString(hook.Body);
        var timestamp = DateTimeOffset.FromUnixTimeSeconds(long.Parse(hook.Headers["webhook-timestamp"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(h.Clock.GetUtcNow().ToUnixTimeSeconds(), timestamp.ToUnixTimeSeconds());
        Assert.Equal(new StandardWebhook(solarTasks.Secret).Sign(taskDelivery.Id, timestamp, body), hook.Headers["webhook-signature"]);
        Assert.NotEqual(new StandardWebhook(starts.Secret).Sign(taskDelivery.Id, timestamp, body), hook.Headers["webhook-signature"]);
        var json = JsonNode.Parse(body)!;
        Assert.Equal("TaskCompleted", (string?)json["type"]);
        Assert.Equal("check", (string?)json["data"]!["task"]!["id"]);
        Assert.Equal(solar.Id, (string?)json["data"]!["workflow"]!["template_id"]);
    }

    [Fact]
    public async Task A_failing_delivery_is_retried_on_the_backoff_schedule_and_every_attempt_is_logged()
    {
        var solar = await TemplateAsync("Solar");
        var starts = await SubscribeAsync(["FlowStarted"]);
        receiver.StatusCode = 503;
        await h.StartAsync(solar.Id!, Contact);

        await h.RunJobsAsync();
        var first = Assert.Single(await DeliveriesAsync(starts.Subscription.Id));
        Assert.Equal(WebhookDeliveryStatus.Pending, first.Status);
        Assert.Equal(h.Clock.GetUtcNow() + TimeSpan.FromSeconds(10), first.NextAttemptAt);
        h.Clock.Advance(TimeSpan.FromSeconds(9));
        await h.RunJobsAsync();
        Assert.Single(receiver.Received);

        h.Clock.Advance(TimeSpan.FromSeconds(1));
        receiver.StatusCode = 200;
        await h.RunJobsAsync();

        var delivered = Assert.Single(await DeliveriesAsync(starts.Subscription.Id));
        Assert.Equal(WebhookDeliveryStatus.Succeeded, delivered.Status);
        Assert.Equal([503, 200], delivered.Attempts.Select(a => a.StatusCode ?? 0));
        Assert.Equal("Answered 503 Service Unavailable.", delivered.Attempts[0].Error);
        Assert.Null(delivered.NextAttemptAt);
        Assert.Equal(2, receiver.Received.Count);
        Assert.Single(receiver.Received.Select(r => r.Headers["webhook-id"]).Distinct());
    }

    [Fact]
    public void The_schedule_doubles_from_the_base_delay_up_to_the_cap()
    {
        var schedule = WebhookDeliveryHandler.Schedule(new JobOptions(), new WebhookDeliveryOptions());

        Assert.Equal([10, 20, 40, 80, 160, 320, 640, 1280, 1800], schedule.Select(d => d.TotalSeconds));
    }

    [Fact]
    public async Task Deliveries_failing_every_attempt_switch_the_subscription_off_and_tell_its_owner_once()
    {
        var solar = await TemplateAsync("Solar");
        var starts = await SubscribeAsync(["FlowStarted"]);
        receiver.StatusCode = 500;
        await h.StartAsync(solar.Id!, Contact);
        await h.StartAsync(solar.Id!, Contact);

        await RunEveryAttemptAsync();

        var subscription = (await Webhooks.GetAsync(starts.Subscription.Id, CancellationToken.None))!;
        Assert.False(subscription.Enabled);
        Assert.StartsWith("Switched off after 2 deliveries in a row failed every attempt", subscription.DisabledReason, StringComparison.Ordinal);
        Assert.All(await DeliveriesAsync(starts.Subscription.Id), d => Assert.Equal((WebhookDeliveryStatus.Failed, 3), (d.Status, d.Attempts.Count)));
        var told = await h.Services.GetRequiredService<NotificationService>().LatestAsync(AutomationHarness.Lena.Id, 10, CancellationToken.None);
        var notice = Assert.Single(told, n => n.Kind == "webhook-disabled");
        Assert.Equal(WebhookService.AdminLink, notice.Link);

        await h.StartAsync(solar.Id!, Contact);
        await h.RunJobsAsync();
        Assert.Equal(2, (await DeliveriesAsync(starts.Subscription.Id)).Count);

        var enabled = await Webhooks.SetEnabledAsync(starts.Subscription.Id, true, CancellationToken.None);
        Assert.Equal((true, 0, null), (enabled.Value!.Enabled, enabled.Value.ConsecutiveFailures, enabled.Value.DisabledReason));
    }

    [Fact]
    public async Task A_resend_tries_a_failed_delivery_again_with_the_same_message_id()
    {
        var solar = await TemplateAsync("Solar");
        var starts = await SubscribeAsync(["FlowStarted"]);
        receiver.StatusCode = 410;
        await h.StartAsync(solar.Id!, Contact);
        await RunEveryAttemptAsync();

        var failed = Assert.Single(await DeliveriesAsync(starts.Subscription.Id));
        Assert.Equal(WebhookDeliveryStatus.Failed, failed.Status);
        receiver.StatusCode = 204;

        var resent = await Webhooks.ResendAsync(starts.Subscription.Id, failed.Id, CancellationToken.None);
        Assert.True(resent.Succeeded, resent.Error);
        var again = await Webhooks.ResendAsync(starts.Subscription.Id, failed.Id, CancellationToken.None);
        Assert.Equal("This delivery is still being tried; re-send it once it has succeeded or failed.", again.Error);
        await h.RunJobsAsync();

        var delivered = Assert.Single(await DeliveriesAsync(starts.Subscription.Id));
        Assert.Equal(WebhookDeliveryStatus.Succeeded, delivered.Status);
        Assert.Equal([false, false, false, true], delivered.Attempts.Select(a => a.Manual));
        Assert.Equal(204, delivered.Attempts[^1].StatusCode);
        Assert.Single(receiver.Received.Select(r => r.Headers["webhook-id"]).Distinct());
        Assert.True((await Webhooks.GetAsync(starts.Subscription.Id, CancellationToken.None))!.Enabled);
    }

    [Fact]
    public async Task The_secret_is_stored_only_encrypted_and_a_rotation_signs_the_next_attempt_with_the_new_one()
    {
        var solar = await TemplateAsync("Solar");
        var starts = await SubscribeAsync(["FlowStarted"]);
        Assert.StartsWith("whsec_", starts.Secret, StringComparison.Ordinal);
        await using (var db = h.Db())
        {
            var stored = await db.Database.SqlQuery<string>($"SELECT \"ProtectedSecret\" AS \"Value\" FROM webhook_subscriptions").SingleAsync();
            Assert.DoesNotContain(starts.Secret["whsec_".Length..], stored, StringComparison.Ordinal);
        }

        var rotated = await Webhooks.RotateSecretAsync(starts.Subscription.Id, CancellationToken.None);
        Assert.NotEqual(starts.Secret, rotated.Value!.Secret);
        await h.StartAsync(solar.Id!, Contact);
        await h.RunJobsAsync();

        var hook = Assert.Single(receiver.Received);
        var id = hook.Headers["webhook-id"];
        var body = Encoding.UTF8.GetString(hook.Body);
        Assert.Equal(new StandardWebhook(rotated.Value.Secret).Sign(id, h.Clock.GetUtcNow(), body), hook.Headers["webhook-signature"]);
    }

    [Theory]
    [InlineData("ftp://example.com/hook", "is not an http(s) URL")]
    [InlineData("http://example.com/hook", "must use https")]
    [InlineData("https://10.1.2.3/hook", "a private address")]
    [InlineData("https://user:pw@example.com/hook", "without credentials")]
    public async Task A_url_that_is_not_https_to_a_public_host_is_refused(string url, string reason)
    {
        var created = await Webhooks.CreateAsync(new WebhookInput(url, ["FlowStarted"], null, null), AutomationHarness.Lena, CancellationToken.None);

        Assert.Contains(reason, created.Error, StringComparison.Ordinal);
        Assert.Empty(await Webhooks.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Unknown_events_and_templates_are_refused_by_name()
    {
        var noEvents = await Webhooks.CreateAsync(new WebhookInput("https://example.com/h", [], null, null), AutomationHarness.Lena, CancellationToken.None);
        var scheduler = await Webhooks.CreateAsync(new WebhookInput("https://example.com/h", ["AutomationTaskScheduled"], null, null), AutomationHarness.Lena, CancellationToken.None);
        var template = await Webhooks.CreateAsync(new WebhookInput("https://example.com/h", ["FlowStarted"], ["no-such-template"], null), AutomationHarness.Lena, CancellationToken.None);

        Assert.Equal("Choose at least one event to subscribe to.", noEvents.Error);
        Assert.StartsWith("\"AutomationTaskScheduled\" is not a workflow event one can subscribe to", scheduler.Error, StringComparison.Ordinal);
        Assert.Equal("There is no workflow template 'no-such-template' to filter by.", template.Error);
    }
}
