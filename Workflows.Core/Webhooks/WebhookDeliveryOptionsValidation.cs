using Microsoft.Extensions.Options;

namespace Workflows.Core.Webhooks;

/// <summary>Refuses to start with delivery settings that would never send, or never give up.</summary>
internal sealed class WebhookDeliveryOptionsValidation : IValidateOptions<WebhookDeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookDeliveryOptions options)
    {
        var problems = new List<string>();
        if (options.MaxAttempts is < 1 or > 50)
        {
            problems.Add($"Webhooks:Delivery:MaxAttempts is {options.MaxAttempts}; it must be 1 to 50.");
        }

        if (options.DisableAfterFailedDeliveries < 1)
        {
            problems.Add($"Webhooks:Delivery:DisableAfterFailedDeliveries is {options.DisableAfterFailedDeliveries}; it must be at least 1.");
        }

        if (options.TimeoutSeconds is < 1 or > 120)
        {
            problems.Add($"Webhooks:Delivery:TimeoutSeconds is {options.TimeoutSeconds}; it must be 1 to 120.");
        }

        return problems.Count > 0 ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
