using Workflows.Core.Automations;
using Workflows.Core.Localization;

namespace Workflows.Web.Components.Automations;

/// <summary>An action while it is edited: mutable fields for the form, turned back into the Core record on save.</summary>
public sealed class ActionDraft
{
    public string Id { get; set; } = Guid.NewGuid().ToString("N")[..12];

    public AutomationActionType Type { get; set; }

    public List<AssignmentDraft> Assignments { get; set; } = [];

    public string? TemplateId { get; set; }

    public string? To { get; set; }

    public string? Subject { get; set; }

    public string? Body { get; set; }

    public string? Url { get; set; }

    /// <summary>A signing key is stored; its value never comes to the page.</summary>
    public bool HasSecret { get; init; }

    /// <summary>The key a person typed to set or replace the stored one; sent once, on save.</summary>
    public string? NewSecret { get; set; }

    public bool ReplacingSecret { get; set; }

    public bool RemoveSecret { get; set; }

    public int? TimeoutSeconds { get; set; }

    public string? TeamId { get; set; }

    public int? Priority { get; set; }

    public string? TaskId { get; set; }

    public int? FollowUpDays { get; set; }

    public static ActionDraft From(AutomationAction action) => new()
    {
        Id = action.Id,
        Type = action.Type,
        Assignments = [.. (action.Assignments ?? []).Select(a => new AssignmentDraft { Attribute = a.Attribute, Value = a.Value })],
        TemplateId = action.TemplateId,
        To = action.To,
        Subject = action.Subject,
        Body = action.Body,
        Url = action.Url,
        HasSecret = action.HasSecret,
        TimeoutSeconds = action.TimeoutSeconds,
        TeamId = action.TeamId,
        Priority = action.Priority,
        TaskId = action.TaskId,
        FollowUpDays = action.FollowUpDays,
    };

    public AutomationAction ToAction() => Type switch
    {
        AutomationActionType.UpdateEntity => new()
        {
            Id = Id,
            Type = Type,
            Assignments = [.. Assignments.Select(a => new AttributeAssignment { Attribute = a.Attribute.Trim(), Value = a.Value })],
        },
        AutomationActionType.TriggerWorkflow => new() { Id = Id, Type = Type, TemplateId = TemplateId },
        AutomationActionType.SendEmail => new() { Id = Id, Type = Type, To = To, Subject = Subject, Body = Body },
        AutomationActionType.CallWebhook => new()
        {
            Id = Id,
            Type = Type,
            Url = Url,
            Secret = RemoveSecret || string.IsNullOrEmpty(NewSecret) ? null : NewSecret,
            RemoveSecret = RemoveSecret,
            TimeoutSeconds = TimeoutSeconds,
        },
        AutomationActionType.AddNote => new() { Id = Id, Type = Type, Body = Body },
        AutomationActionType.AssignRoundRobin => new() { Id = Id, Type = Type, TeamId = TeamId, TaskId = TrimmedTaskId },
        AutomationActionType.SetPriority => new() { Id = Id, Type = Type, Priority = Priority, TaskId = TrimmedTaskId },
        AutomationActionType.SetFollowUp => new() { Id = Id, Type = Type, FollowUpDays = FollowUpDays, TaskId = TrimmedTaskId },
        _ => new() { Id = Id, Type = Type },
    };

    /// <summary>The task the action names, or null for the task that ran the automation.</summary>
    private string? TrimmedTaskId => string.IsNullOrWhiteSpace(TaskId) ? null : TaskId.Trim();
}
