using Workflows.Core.Flows.Engine;

namespace Workflows.Core.Webhooks;

/// <summary>
/// One event for one subscription, with every attempt to send it. Its <see cref="Id"/> is the Standard Webhooks
/// <c>webhook-id</c>: the same on every attempt and re-send, so a receiver can drop what it already has.
/// </summary>
public sealed class WebhookDelivery
{
    public required string Id { get; init; }

    public required string SubscriptionId { get; init; }

    public required FlowEventType EventType { get; init; }

    public string? ExecutionId { get; init; }

    public string? TemplateId { get; init; }

    /// <summary>The JSON body, fixed when the event happened so every attempt sends the same bytes.</summary>
    public required string Payload { get; init; }

    public WebhookDeliveryStatus Status { get; set; } = WebhookDeliveryStatus.Pending;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>The job that sends it now; a re-send gives it a new one.</summary>
    public string? JobId { get; set; }

    public List<WebhookAttempt> Attempts { get; set; } = [];
}
