namespace Workflows.Core.Automations.Webhooks;

/// <summary>A webhook address the <see cref="WebhookAddressPolicy"/> refused; its message is what the run log shows.</summary>
internal sealed class WebhookAddressRefusedException(string message) : IOException(message);
