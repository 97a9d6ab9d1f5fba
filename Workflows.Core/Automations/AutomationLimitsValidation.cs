using Microsoft.Extensions.Options;

namespace Workflows.Core.Automations;

/// <summary>Refuses to start with a loop limit that would stop every automation or none, naming the setting.</summary>
internal sealed class AutomationLimitsValidation : IValidateOptions<AutomationLimits>
{
    public ValidateOptionsResult Validate(string? name, AutomationLimits options) =>
        options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
