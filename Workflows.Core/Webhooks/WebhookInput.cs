namespace Workflows.Core.Webhooks;

/// <summary>What a person sends to create or change a subscription; the secret is never part of it (the product makes one).</summary>
public sealed record WebhookInput(string? Url, IReadOnlyList<string>? Events, IReadOnlyList<string>? TemplateIds, string? Description);
