using Workflows.Core;
using Workflows.Core.Automations;

namespace Workflows.Web.Api;

/// <summary>The automation API's bodies and answers: a webhook's key goes in as <c>secret</c> and comes out only as <c>has_secret</c>.</summary>
public static partial class AutomationsApi
{
    /// <summary>An automation as sent: <c>name</c>, <c>triggers</c> and <c>actions</c> are required.</summary>
    public sealed record AutomationBody(
        string? Name, List<AutomationTrigger>? Triggers, List<ActionBody>? Actions, string? Description = null, bool? Enabled = null,
        int? MaxExecutions = null, string? Id = null)
    {
        /// <summary>The automation to save; on a replace the path names it, and an id in the body must agree.</summary>
        public Outcome<Automation> ToAutomation(string? pathId)
        {
            if (pathId is not null && Id is not null && Id != pathId)
            {
                return Refusal.Invalid($"The body names automation '{Id}' but the path '{pathId}'; leave 'id' out or make them agree.");
            }

            if (string.IsNullOrWhiteSpace(Name) || Triggers is null || Actions is null)
            {
                return Refusal.Invalid("An automation needs a 'name', its 'triggers' and its 'actions'.");
            }

            return new Automation
            {
                Id = pathId ?? Id ?? "",
                Name = Name,
                Description = Description,
                Enabled = Enabled ?? true,
                MaxExecutions = MaxExecutions,
                Triggers = Triggers,
                Actions = [.. Actions.Select(a => a.ToAction())],
            };
        }
    }

    /// <summary>One action as sent; <c>secret</c> sets a webhook's signing key, <c>remove_secret</c> drops it, neither keeps it.</summary>
    public sealed record ActionBody(
        AutomationActionType Type, string? Id = null, List<AttributeAssignment>? Assignments = null, string? TemplateId = null, string? To = null,
        string? Subject = null, string? Body = null, string? Url = null, string? Secret = null, bool? RemoveSecret = null, int? TimeoutSeconds = null,
        string? TeamId = null, string? TaskId = null, int? Priority = null, int? FollowUpDays = null)
    {
        public AutomationAction ToAction() => new()
        {
            Id = string.IsNullOrWhiteSpace(Id) ? Guid.NewGuid().ToString("N")[..12] : Id,
            Type = Type,
            Assignments = Assignments,
            TemplateId = TemplateId,
            To = To,
            Subject = Subject,
            Body = Body,
            Url = Url,
            Secret = Secret,
            RemoveSecret = RemoveSecret ?? false,
            TimeoutSeconds = TimeoutSeconds,
            TeamId = TeamId,
            Priority = Priority,
            TaskId = TaskId,
            FollowUpDays = FollowUpDays,
        };
    }

    public sealed record ActionView(
        string Id, AutomationActionType Type, string Label, List<AttributeAssignment>? Assignments, string? TemplateId, string? To,
        string? Subject, string? Body, string? Url, bool HasSecret, int? TimeoutSeconds, string? TeamId = null, string? TaskId = null, int? Priority = null, int? FollowUpDays = null)
    {
        public static ActionView From(AutomationAction a) =>
            new(a.Id, a.Type, a.Describe(), a.Assignments, a.TemplateId, a.To, a.Subject, a.Body, a.Url, a.HasSecret, a.TimeoutSeconds, a.TeamId, a.TaskId, a.Priority, a.FollowUpDays);
    }

    /// <summary>An automation as answered; <c>disabled_reason</c> says why the system switched it off (a loop).</summary>
    public sealed record AutomationView(
        string Id, string Name, string? Description, bool Enabled, string? DisabledReason, int? MaxExecutions,
        IReadOnlyList<AutomationTrigger> Triggers, IReadOnlyList<ActionView> Actions, string? OwnerId, string? OwnerName, int Version,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? UpdatedBy)
    {
        /// <summary>From an automation the service answered, whose keys it has already redacted.</summary>
        public static AutomationView From(Automation a) => new(
            a.Id, a.Name, a.Description, a.Enabled, a.DisabledReason, a.MaxExecutions, a.Triggers, [.. a.Actions.Select(ActionView.From)],
            a.OwnerId, a.OwnerName, a.Version, a.CreatedAt, a.UpdatedAt, a.UpdatedBy);
    }

    public sealed record AutomationListItem(AutomationView Automation, int RecentRuns, int RecentFailures, DateTimeOffset? LastRunAt);

    public sealed record AutomationList(IReadOnlyList<AutomationListItem> Results);

    public sealed record EnabledBody(bool? Enabled);

    public sealed record StartBody(string? FlowId, string? EntityId);

    /// <summary>A run: why it ran (<c>trigger_summary</c>), on what, its status, and a log entry per action attempt.</summary>
    public sealed record RunView(
        string Id, string AutomationId, string AutomationName, AutomationRunStatus Status, AutomationTriggerType TriggerType, string TriggerSummary,
        string? EntityId, string? EntitySchema, string? ExecutionId, string? TaskId, int Attempts, string? Error, IReadOnlyList<ActionLog> Actions,
        DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? RequestedBy)
    {
        public static RunView From(AutomationRun r) => new(
            r.Id, r.AutomationId, r.AutomationName, r.Status, r.TriggerType, r.TriggerSummary, r.EntityId, r.EntitySchema, r.ExecutionId, r.TaskId,
            r.Attempts, r.Error, r.Actions, r.CreatedAt, r.StartedAt, r.FinishedAt, r.RequestedBy);
    }

    public sealed record RunList(IReadOnlyList<RunView> Results);
}
