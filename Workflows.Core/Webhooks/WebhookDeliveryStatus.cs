namespace Workflows.Core.Webhooks;

public enum WebhookDeliveryStatus
{
    /// <summary>Waiting for its first or next attempt.</summary>
    Pending,
    Succeeded,

    /// <summary>Every attempt failed, or the subscription was off; a person may re-send it.</summary>
    Failed,
}
