using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StandardWebhooks;
using Workflows.Core.Automations.Webhooks;
using Workflows.Core.Data;
using Workflows.Core.Jobs;
using Workflows.Core.Notifications;
using Workflows.Core.Localization;

namespace Workflows.Core.Webhooks;

/// <summary>
/// Sends a delivery: one signed POST per attempt, logged on the delivery. A 2xx answer delivers it; anything else
/// is retried by the job queue with backoff. When a delivery has failed every attempt, the subscription counts it;
/// <see cref="WebhookDeliveryOptions.DisableAfterFailedDeliveries"/> in a row switch the subscription off and tell
/// its owner.
/// </summary>
internal sealed class WebhookDeliveryHandler(
    IDbContextFactory<WorkflowsDbContext> dbFactory,
    IHttpClientFactory clients,
    ISecretProtector protector,
    WebhookSubscribers subscribers,
    NotificationService notifications,
    IOptions<WebhookDeliveryOptions> options,
    TimeProvider clock,
    ILogger<WebhookDeliveryHandler> logger) : IJobHandler
{
    public const string JobKind = "webhook-delivery";

    public const string ResendKeyPrefix = "webhook-resend:";

    public string Kind => JobKind;

    public async Task HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == context.Job.Payload, cancellationToken);
        if (delivery is null || delivery.Status == WebhookDeliveryStatus.Succeeded)
        {
            return;
        }

        var subscription = await db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == delivery.SubscriptionId, cancellationToken);
        var manual = context.Job.IdempotencyKey?.StartsWith(ResendKeyPrefix, StringComparison.Ordinal) == true && context.Job.Attempts == 1;
        var start = clock.GetTimestamp();
        var (attempt, transient) = subscription is { Enabled: true }
            ? await SendAsync(subscription, delivery, cancellationToken)
            : (new WebhookAttempt { At = clock.GetUtcNow(), Error = "Not sent: the subscription is switched off." }, false);
        attempt = attempt with { DurationMs = (long)clock.GetElapsedTime(start).TotalMilliseconds, Manual = manual };
        delivery.Attempts = [.. delivery.Attempts, attempt];
        delivery.NextAttemptAt = null;
        if (attempt.Succeeded)
        {
            delivery.Status = WebhookDeliveryStatus.Succeeded;
        }
        else if (!transient)
        {
            delivery.Status = WebhookDeliveryStatus.Failed;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (attempt.Succeeded)
        {
            await db.WebhookSubscriptions.Where(s => s.Id == delivery.SubscriptionId && s.ConsecutiveFailures != 0)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.ConsecutiveFailures, 0), cancellationToken);
            return;
        }

        if (subscription is { Enabled: true })
        {
            throw new JobFailedException(attempt.Error!, permanent: !transient);
        }
    }

    public async Task OnFailedAsync(Job job, string error, bool final, DateTimeOffset? nextAttempt, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == job.Payload, cancellationToken);
        if (delivery is null)
        {
            return;
        }

        delivery.NextAttemptAt = final ? null : nextAttempt;
        delivery.Status = final ? WebhookDeliveryStatus.Failed : WebhookDeliveryStatus.Pending;
        await db.SaveChangesAsync(cancellationToken);
        if (final)
        {
            await CountFailureAsync(db, delivery, error, cancellationToken);
        }
    }

    /// <summary>The schedule of attempts one delivery gets: the delay before each retry.</summary>
    public static IReadOnlyList<TimeSpan> Schedule(JobOptions jobs, WebhookDeliveryOptions options) =>
        [.. Enumerable.Range(1, Math.Max(0, options.MaxAttempts - 1)).Select(jobs.BackoffFor)];

    private async Task CountFailureAsync(WorkflowsDbContext db, WebhookDelivery delivery, string error, CancellationToken cancellationToken)
    {
        var id = delivery.SubscriptionId;
        var limit = options.Value.DisableAfterFailedDeliveries;
        await db.WebhookSubscriptions.Where(s => s.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.ConsecutiveFailures, s => s.ConsecutiveFailures + 1), cancellationToken);
        var reason = $"Switched off after {limit} deliveries in a row failed every attempt; the last: {error}";
        var now = clock.GetUtcNow();
        // One conditional update decides, so of several failing deliveries exactly one switches it off and tells the owner.
        var switchedOff = await db.WebhookSubscriptions.Where(s => s.Id == id && s.Enabled && s.ConsecutiveFailures >= limit)
            .ExecuteUpdateAsync(
                set => set.SetProperty(s => s.Enabled, false).SetProperty(s => s.DisabledReason, reason).SetProperty(s => s.UpdatedAt, now),
                cancellationToken) == 1;
        if (!switchedOff)
        {
            return;
        }

        subscribers.Changed();
        var subscription = await db.WebhookSubscriptions.AsNoTracking().SingleAsync(s => s.Id == id, cancellationToken);
        logger.LogWarning("Webhook subscription {Subscription} to {Url} was switched off: {Reason}", id, subscription.Url, reason);
        await notifications.NotifyAsync([subscription.OwnerId], "webhook-disabled",
            () => new(Languages.Text<CoreText>("WebhookSwitchedOff", subscription.Url), reason), WebhookService.AdminLink, cancellationToken);
    }

    private async Task<(WebhookAttempt Attempt, bool Transient)> SendAsync(WebhookSubscription subscription, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow();
        string secret;
        try
        {
            secret = protector.Unprotect(subscription.ProtectedSecret);
        }
        catch (CryptographicException)
        {
            return (new WebhookAttempt { At = at, Error = "The signing secret cannot be decrypted (the Data Protection keys it was saved with are gone); rotate it." }, false);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new StringContent(delivery.Payload, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(StandardHeaders.Id, delivery.Id);
        request.Headers.Add(StandardHeaders.Timestamp, at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(StandardHeaders.Signature, new StandardWebhook(secret).Sign(delivery.Id, at, delivery.Payload));
        var sent = await WebhookCall.SendAsync(clients, request, TimeSpan.FromSeconds(options.Value.TimeoutSeconds), cancellationToken);
        if (sent.Response is not { } response)
        {
            return (new WebhookAttempt { At = at, Error = sent.Failure }, sent.Transient);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? (new WebhookAttempt { At = at, StatusCode = status }, false)
                : (new WebhookAttempt { At = at, StatusCode = status, Error = $"Answered {status} {response.ReasonPhrase}." }, true);
        }
    }

    /// <summary>The header names of the Standard Webhooks spec.</summary>
    public static class StandardHeaders
    {
        public const string Id = "webhook-id";
        public const string Timestamp = "webhook-timestamp";
        public const string Signature = "webhook-signature";
    }
}
