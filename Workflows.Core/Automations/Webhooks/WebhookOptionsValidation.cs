using Microsoft.Extensions.Options;

namespace Workflows.Core.Automations.Webhooks;

/// <summary>Refuses to start with an allow-list entry that cannot be understood, naming it.</summary>
internal sealed class WebhookOptionsValidation : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options) =>
        options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
