using Workflows.Core.Automations.Webhooks;
using Workflows.Core.Localization;

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
            problems.Add(RefusalText.Of("AutomationNameMissing"));
        }

        if (automation.MaxExecutions is < 1 or > AutomationLimits.HighestMaxExecutions)
        {
            problems.Add(RefusalText.Of("AutomationMaxExecutionsRange", AutomationLimits.HighestMaxExecutions));
        }

        if (automation.Actions.Count == 0)
        {
            problems.Add(RefusalText.Of("AutomationActionMissing"));
        }

        if (automation.Actions.GroupBy(a => a.Id).Any(g => g.Count() > 1))
        {
            problems.Add(RefusalText.Of("AutomationActionIdTwice"));
        }

        foreach (var (action, index) in automation.Actions.Select((a, i) => (a, i + 1)))
        {
            var problem = action.Type switch
            {
                AutomationActionType.UpdateEntity when action.Assignments is not { Count: > 0 } || action.Assignments.Exists(a => string.IsNullOrWhiteSpace(a.Attribute))
                    => RefusalText.Of("ActionNameAttributes"),
                AutomationActionType.TriggerWorkflow when string.IsNullOrWhiteSpace(action.TemplateId) => RefusalText.Of("ActionChooseWorkflow"),
                AutomationActionType.SendEmail when string.IsNullOrWhiteSpace(action.Subject) => RefusalText.Of("ActionGiveSubject"),
                AutomationActionType.CallWebhook when !Uri.TryCreate(action.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                    => RefusalText.Of("ActionGiveWebhookAddress"),
                AutomationActionType.CallWebhook when Uri.TryCreate(action.Url, UriKind.Absolute, out var target) && addresses.RefusalFor(target) is { } refused
                    => refused,
                AutomationActionType.AddNote when string.IsNullOrWhiteSpace(action.Body) => RefusalText.Of("ActionWriteNote"),
                AutomationActionType.AssignRoundRobin when string.IsNullOrWhiteSpace(action.TeamId) => RefusalText.Of("ActionChooseTeam"),
                AutomationActionType.SetPriority when action.Priority is null => RefusalText.Of("ActionGivePriority"),
                AutomationActionType.SetPriority when Flows.Templates.TaskPriority.Problem(action.Priority.Value) is { } outOfRange => outOfRange.TrimEnd('.'),
                AutomationActionType.SetFollowUp when action.FollowUpDays is not (>= 0 and <= AutomationAction.MaxFollowUpDays)
                    => RefusalText.Of("ActionGiveFollowUp", AutomationAction.MaxFollowUpDays),
                _ => null,
            };
            if (problem is not null)
            {
                problems.Add(RefusalText.Of("AutomationActionProblem", index, AutomationWords.Action(action.Type), problem));
            }
        }

        return problems.Count == 0 ? null : Refusal.Invalid(string.Join(" ", problems));
    }
}
