using Workflows.Core.Automations.Webhooks;

namespace Workflows.Core.Automations;

/// <summary>What a saved automation must satisfy, each problem said so the builder can fix it.</summary>
public static class AutomationRules
{
    /// <param name="addresses">Refuses a webhook URL that names an internal address outright; the call itself is checked again.</param>
    public static Refusal? Check(Automation automation, WebhookAddressPolicy addresses)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(automation.Name))
        {
            problems.Add("Give the automation a name.");
        }

        if (automation.MaxExecutions is < 1 or > AutomationLimits.HighestMaxExecutions)
        {
            problems.Add($"Max executions must be between 1 and {AutomationLimits.HighestMaxExecutions:N0} runs per loop window.");
        }

        if (automation.Actions.Count == 0)
        {
            problems.Add("Add at least one action.");
        }

        if (automation.Actions.GroupBy(a => a.Id).Any(g => g.Count() > 1))
        {
            problems.Add("Two actions have the same id.");
        }

        foreach (var (action, index) in automation.Actions.Select((a, i) => (a, i + 1)))
        {
            var problem = action.Type switch
            {
                AutomationActionType.UpdateEntity when action.Assignments is not { Count: > 0 } || action.Assignments.Exists(a => string.IsNullOrWhiteSpace(a.Attribute))
                    => "name the attributes to update",
                AutomationActionType.TriggerWorkflow when string.IsNullOrWhiteSpace(action.TemplateId) => "choose the workflow to start",
                AutomationActionType.SendEmail when string.IsNullOrWhiteSpace(action.Subject) => "give the e-mail a subject",
                AutomationActionType.CallWebhook when !Uri.TryCreate(action.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                    => "give the webhook an http(s) address",
                AutomationActionType.CallWebhook when Uri.TryCreate(action.Url, UriKind.Absolute, out var target) && addresses.RefusalFor(target) is { } refused
                    => refused,
                AutomationActionType.AddNote when string.IsNullOrWhiteSpace(action.Body) => "write the note",
                AutomationActionType.AssignRoundRobin when string.IsNullOrWhiteSpace(action.TeamId) => "choose the team",
                AutomationActionType.SetPriority when action.Priority is null => "give the priority, 0 to 100",
                AutomationActionType.SetPriority when Flows.Templates.TaskPriority.Problem(action.Priority.Value) is { } outOfRange => outOfRange.TrimEnd('.'),
                AutomationActionType.SetFollowUp when action.FollowUpDays is not (>= 0 and <= AutomationAction.MaxFollowUpDays)
                    => $"give the follow-up in days, 1 to {AutomationAction.MaxFollowUpDays} (0 clears it)",
                _ => null,
            };
            if (problem is not null)
            {
                problems.Add($"Action {index} ({action.Type}): {problem}.");
            }
        }

        return problems.Count == 0 ? null : Refusal.Invalid(string.Join(" ", problems));
    }
}
