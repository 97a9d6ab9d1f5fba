namespace Workflows.Core.Webhooks;

/// <summary>
/// <c>Webhooks:Delivery</c>: how often a delivery is tried (on the job queue's backoff, <c>Jobs:RetryBaseDelay</c>
/// doubling up to <c>Jobs:RetryMaxDelay</c>), and after how many deliveries in a row that failed every attempt the
/// subscription is switched off and its owner told.
/// </summary>
public sealed class WebhookDeliveryOptions
{
    public const string Section = "Webhooks:Delivery";

    public int MaxAttempts { get; set; } = 10;

    public int DisableAfterFailedDeliveries { get; set; } = 3;

    public int TimeoutSeconds { get; set; } = 10;
}
