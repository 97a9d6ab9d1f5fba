namespace Workflows.Core.Automations.Webhooks;

/// <summary>A webhook address the <see cref="WebhookAddressPolicy"/> refused; its message is what the run log shows.</summary>
public sealed class WebhookAddressRefusedException(string message) : IOException(message);
