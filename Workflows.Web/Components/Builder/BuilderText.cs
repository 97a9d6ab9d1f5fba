using MudBlazor;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;

namespace Workflows.Web.Components.Builder;

/// <summary>How the builder names and pictures the template's enums to a business user.</summary>
public static class BuilderText
{
    /// <summary>How a template is started: the settings dialog's choice and the list's filter.</summary>
    public static string Trigger(TemplateTriggerType type) => type switch
    {
        TemplateTriggerType.Manual => "Manually, on a record",
        TemplateTriggerType.Automation => "By an automation",
        TemplateTriggerType.JourneySubmission => "When a journey is submitted",
        _ => type.ToString(),
    };

    /// <summary>The label of an edge leaving a decision: its branch, or "None met"; null for an edge from any other task.</summary>
    public static string? Branch(FlowTask from, FlowEdge edge) =>
        from.TaskType != TaskType.DECISION ? null
        : edge.NoneMet == true ? "None met"
        : from.Conditions?.Find(c => c.Id == edge.ConditionId)?.BranchName is { Length: > 0 } name ? name : "No branch";

    /// <summary>An assignee variable in words: who started the workflow, or the record's user attribute it reads.</summary>
    public static string Variable(string? variable, Core.Entities.EntitySchema? schema)
    {
        if (variable == "{{workflow.started_by}}")
        {
            return "Who started the workflow";
        }

        var attribute = variable?.Trim('{', '}') is { } expression && expression.StartsWith("entity.", StringComparison.Ordinal)
            ? schema?.Attributes.FirstOrDefault(a => a.Name == expression["entity.".Length..])
            : null;
        return attribute is null ? variable ?? "" : $"Record's {attribute.Label.ToLowerInvariant()} ({variable})";
    }

    /// <summary>A task's or phase's name as the canvas, its panels and the export show it: "(no name)" while it has none.</summary>
    public static string Name(string? name) => string.IsNullOrWhiteSpace(name) ? "(no name)" : name;

    public static string Kind(TaskType type) => type switch
    {
        TaskType.AUTOMATION => "Automation",
        TaskType.DECISION => "Decision",
        TaskType.AI_AGENT => "AI agent",
        _ => "Manual task",
    };

    public static string Icon(TaskType type) => type switch
    {
        TaskType.AUTOMATION => Icons.Material.Filled.Bolt,
        TaskType.DECISION => Icons.Material.Filled.CallSplit,
        TaskType.AI_AGENT => Icons.Material.Filled.SmartToy,
        _ => Icons.Material.Filled.TaskAlt,
    };

    public static string Anchor(DueDateType type) => type switch
    {
        DueDateType.WORKFLOW_STARTED => "the workflow started",
        DueDateType.TASK_FINISHED => "a task finished",
        DueDateType.PHASE_FINISHED => "a phase finished",
        DueDateType.A_PRECEDING_TASK_COMPLETED => "a preceding task completed",
        _ => "all preceding tasks completed",
    };

    public static string Unit(TimeUnit unit) => unit switch
    {
        TimeUnit.Minutes => "minutes",
        TimeUnit.Hours => "hours",
        TimeUnit.Days => "days",
        TimeUnit.Weeks => "weeks",
        _ => "months",
    };

    public static string Operator(Operator op) => op switch
    {
        Core.Flows.Templates.Operator.Equal => "equals",
        Core.Flows.Templates.Operator.NotEquals => "does not equal",
        Core.Flows.Templates.Operator.AnyOf => "is any of",
        Core.Flows.Templates.Operator.NoneOf => "is none of",
        Core.Flows.Templates.Operator.Contains => "contains",
        Core.Flows.Templates.Operator.NotContains => "does not contain",
        Core.Flows.Templates.Operator.StartsWith => "starts with",
        Core.Flows.Templates.Operator.EndsWith => "ends with",
        Core.Flows.Templates.Operator.GreaterThan => "is greater than",
        Core.Flows.Templates.Operator.LessThan => "is less than",
        Core.Flows.Templates.Operator.GreaterThanOrEquals => "is at least",
        Core.Flows.Templates.Operator.LessThanOrEquals => "is at most",
        Core.Flows.Templates.Operator.IsEmpty => "is empty",
        _ => "is not empty",
    };

    /// <summary>Operators that compare with no value, and those that take a list.</summary>
    public static bool TakesNoValue(Operator op) => op is Core.Flows.Templates.Operator.IsEmpty or Core.Flows.Templates.Operator.IsNotEmpty;

    public static string SyncEvent(EntitySyncEvent e) => e switch
    {
        EntitySyncEvent.FlowStarted => "Workflow started",
        EntitySyncEvent.FlowCompleted => "Workflow completed",
        EntitySyncEvent.FlowCancelled => "Workflow closed",
        EntitySyncEvent.FlowReopened => "Workflow reopened",
        EntitySyncEvent.FlowDeleted => "Workflow deleted",
        EntitySyncEvent.FlowAssigned => "Workflow assigned",
        EntitySyncEvent.FlowDueDateChanged => "Workflow due date changed",
        EntitySyncEvent.FlowContextsChanged => "Workflow records changed",
        EntitySyncEvent.TaskUpdated => "Task updated",
        EntitySyncEvent.CurrTaskChanged => "Current task changed",
        EntitySyncEvent.TaskCompleted => "Task completed",
        EntitySyncEvent.TaskSkipped => "Task skipped",
        EntitySyncEvent.TaskMarkedInProgress => "Task in progress",
        EntitySyncEvent.TaskMarkedOnHold => "Task on hold",
        EntitySyncEvent.PhaseUpdated => "Phase updated",
        EntitySyncEvent.PhaseCompleted => "Phase completed",
        EntitySyncEvent.PhaseSkipped => "Phase skipped",
        _ => "Phase in progress",
    };

    public static string SyncValue(EntitySyncValueSource source) => source switch
    {
        EntitySyncValueSource.WorkflowName => "Workflow name",
        EntitySyncValueSource.WorkflowStatus => "Workflow status",
        EntitySyncValueSource.WorkflowAssignedTo => "Workflow assignees",
        EntitySyncValueSource.TaskName => "Task name",
        EntitySyncValueSource.TaskStatus => "Task status",
        EntitySyncValueSource.TaskAssignedTo => "Task assignees",
        EntitySyncValueSource.PhaseName => "Phase name",
        EntitySyncValueSource.PhaseStatus => "Phase status",
        EntitySyncValueSource.PhaseAssignedTo => "Phase assignees",
        _ => "Custom value",
    };

    public static string UpdateSource(UpdateEntityAttributesSource source) => source switch
    {
        UpdateEntityAttributesSource.WorkflowStatus => "Workflow status",
        UpdateEntityAttributesSource.CurrentSection => "Current phase",
        _ => "Current task",
    };
}
