using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workflows.Core.Automations.Webhooks;
using Workflows.Core.Data;
using Workflows.Core.Identity;
using Workflows.Core.Jobs;
using Workflows.Core.Localization;

namespace Workflows.Core.Webhooks;

/// <summary>
/// Manages subscriptions and their deliveries for the Admin page and the API alike. The signing secret is made here,
/// shown once (after create and rotate) and stored only encrypted; nothing reads it back.
/// </summary>
public sealed class WebhookService(
    IDbContextFactory<WorkflowsDbContext> dbFactory,
    ISecretProtector protector,
    WebhookAddressPolicy addresses,
    WebhookSubscribers subscribers,
    JobQueue jobs,
    JobSignal signal,
    IOptions<WebhookDeliveryOptions> options,
    TimeProvider clock)
{
    public const string AdminLink = "/admin?tab=webhooks";

    public const int MaxUrlLength = 2000;

    public const int MaxDescriptionLength = 500;

    public const int MaxDeliveries = 100;

    public async Task<IReadOnlyList<WebhookSubscription>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken);
    }

    public async Task<WebhookSubscription?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
    }

    public async Task<Outcome<CreatedWebhook>> CreateAsync(WebhookInput input, Actor owner, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var checkedInput = await CheckAsync(db, input, cancellationToken);
        if (!checkedInput.Succeeded)
        {
            return checkedInput.Refusal;
        }

        var (url, events, templates) = checkedInput.Value;
        var secret = NewSecret();
        var now = clock.GetUtcNow();
        var subscription = new WebhookSubscription
        {
            Id = "wh_" + Guid.CreateVersion7().ToString("N"),
            OwnerId = owner.Id,
            OwnerName = owner.Name,
            Url = url,
            Description = Blank(input.Description),
            EventTypes = events,
            TemplateIds = templates,
            ProtectedSecret = protector.Protect(secret),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        subscribers.Changed();
        return new CreatedWebhook(subscription, secret);
    }

    public async Task<Outcome<WebhookSubscription>> UpdateAsync(string id, WebhookInput input, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } subscription)
        {
            return NoSubscription(id);
        }

        var checkedInput = await CheckAsync(db, input, cancellationToken);
        if (!checkedInput.Succeeded)
        {
            return checkedInput.Refusal;
        }

        (subscription.Url, subscription.EventTypes, subscription.TemplateIds) = checkedInput.Value;
        subscription.Description = Blank(input.Description);
        subscription.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        subscribers.Changed();
        return subscription;
    }

    /// <summary>Deletes the subscription with its delivery log; deliveries still waiting are not sent.</summary>
    public async Task<Outcome> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } subscription)
        {
            return NoSubscription(id);
        }

        db.WebhookSubscriptions.Remove(subscription);
        await db.WebhookDeliveries.Where(d => d.SubscriptionId == id).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        subscribers.Changed();
        return Outcome.Success;
    }

    /// <summary>Switches a subscription on (counting failures afresh) or off.</summary>
    public async Task<Outcome<WebhookSubscription>> SetEnabledAsync(string id, bool enabled, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } subscription)
        {
            return NoSubscription(id);
        }

        subscription.Enabled = enabled;
        subscription.DisabledReason = null;
        subscription.ConsecutiveFailures = 0;
        subscription.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        subscribers.Changed();
        return subscription;
    }

    /// <summary>Replaces the signing secret; the new one is returned this once. The next attempt signs with it.</summary>
    public async Task<Outcome<CreatedWebhook>> RotateSecretAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } subscription)
        {
            return NoSubscription(id);
        }

        var secret = NewSecret();
        subscription.ProtectedSecret = protector.Protect(secret);
        subscription.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedWebhook(subscription, secret);
    }

    /// <summary>The latest deliveries of a subscription, newest first, each with its attempts.</summary>
    public async Task<Outcome<IReadOnlyList<WebhookDelivery>>> DeliveriesAsync(string id, int limit, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == id, cancellationToken))
        {
            return NoSubscription(id);
        }

        var deliveries = await db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == id)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(Math.Clamp(limit, 1, MaxDeliveries)).ToListAsync(cancellationToken);
        return deliveries;
    }

    /// <summary>
    /// Sends a delivery again now, with a fresh set of attempts and the same message id (so a receiver that has it
    /// may drop it). Refused while it is still being tried, and while the subscription is off.
    /// </summary>
    public async Task<Outcome<WebhookDelivery>> ResendAsync(string subscriptionId, string deliveryId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var subscription = await db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken);
        var delivery = subscription is null ? null
            : await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == deliveryId && d.SubscriptionId == subscriptionId, cancellationToken);
        if (subscription is null || delivery is null)
        {
            return subscription is null ? NoSubscription(subscriptionId) : Refusal.NotFound(RefusalText.Of("NoDelivery", deliveryId));
        }

        if (!subscription.Enabled)
        {
            return Refusal.Conflict(RefusalText.Of("WebhookOff"));
        }

        if (delivery.Status == WebhookDeliveryStatus.Pending)
        {
            return Refusal.Conflict(RefusalText.Of("DeliveryStillTried"));
        }

        delivery.Status = WebhookDeliveryStatus.Pending;
        delivery.NextAttemptAt = clock.GetUtcNow();
        delivery.JobId = WebhookOutbox.Enqueue(db, jobs, delivery, options.Value, $"{WebhookDeliveryHandler.ResendKeyPrefix}{delivery.Id}:{delivery.Attempts.Count}").Id;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Refusal.Conflict(RefusalText.Of("DeliveryResentAlready"));
        }

        signal.Notify();
        return delivery;
    }

    private async Task<Outcome<(string Url, List<Flows.Engine.FlowEventType> Events, List<string> Templates)>> CheckAsync(
        WorkflowsDbContext db, WebhookInput input, CancellationToken cancellationToken)
    {
        var url = input.Url?.Trim();
        if (string.IsNullOrEmpty(url))
        {
            return Refusal.Invalid(RefusalText.Of("WebhookUrlMissing"));
        }

        if (url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return Refusal.Invalid(RefusalText.Of("WebhookUrlInvalid", Shorten(url), MaxUrlLength));
        }

        if (uri.Scheme == "http" && !addresses.IsListed(uri.IdnHost))
        {
            return Refusal.Invalid(RefusalText.Of("WebhookUrlNeedsHttps"));
        }

        if (addresses.RefusalFor(uri) is { } refused)
        {
            return Refusal.Invalid(RefusalText.Of("WebhookUrlRefused", refused));
        }

        if (input.Description is { Length: > MaxDescriptionLength })
        {
            return Refusal.Invalid(RefusalText.Of("DescriptionTooLong", MaxDescriptionLength));
        }

        var events = WebhookEvents.Parse(input.Events);
        if (!events.Succeeded)
        {
            return events.Refusal;
        }

        var templates = (input.TemplateIds ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct().ToList();
        var known = await db.FlowTemplates.AsNoTracking().Where(t => templates.Contains(t.Id)).Select(t => t.Id).ToListAsync(cancellationToken);
        if (templates.FirstOrDefault(t => !known.Contains(t)) is { } unknown)
        {
            return Refusal.Invalid(RefusalText.Of("NoTemplateToFilter", Shorten(unknown)));
        }

        return (uri.AbsoluteUri, events.Value, templates);
    }

    private static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Shorten(string text) => text.Length > 80 ? text[..80] + "…" : text;

    private static Refusal NoSubscription(string id) => Refusal.NotFound(RefusalText.Of("NoWebhook", id));

    /// <summary>A subscription with its secret in clear, which only the answer to create or rotate carries.</summary>
    public sealed record CreatedWebhook(WebhookSubscription Subscription, string Secret);
}
