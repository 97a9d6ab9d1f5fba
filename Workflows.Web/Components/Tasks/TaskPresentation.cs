using System.Globalization;
using MudBlazor;
using Workflows.Core.Dashboard;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Localization;
using Workflows.Web.Components.Shared;

namespace Workflows.Web.Components.Tasks;

/// <summary>How a task's state reads and looks: labels, icons and colours, shared by the sidebar and the dashboard.</summary>
public static class TaskPresentation
{
    public static string StatusLabel(StepStatus status) => status switch
    {
        StepStatus.COMPLETED => "Done",
        StepStatus.SKIPPED => "Skipped",
        StepStatus.IN_PROGRESS => "In progress",
        StepStatus.ON_HOLD => "On hold",
        StepStatus.SCHEDULED => "Scheduled",
        StepStatus.FAILED => "Failed",
        StepStatus.CONDITION_PENDING => "Deciding",
        _ => "Open",
    };

    public static string StatusIcon(StepStatus status) => status switch
    {
        StepStatus.COMPLETED => Icons.Material.Filled.CheckCircle,
        StepStatus.SKIPPED => Icons.Material.Filled.SkipNext,
        StepStatus.IN_PROGRESS => Icons.Material.Filled.Autorenew,
        StepStatus.ON_HOLD => Icons.Material.Filled.PauseCircle,
        StepStatus.SCHEDULED => Icons.Material.Filled.Schedule,
        StepStatus.FAILED => Icons.Material.Filled.Error,
        _ => Icons.Material.Outlined.Circle,
    };

    public static Color StatusColor(StepStatus status) => status switch
    {
        StepStatus.COMPLETED => Color.Success,
        StepStatus.SKIPPED => Color.Warning,
        StepStatus.IN_PROGRESS => Color.Info,
        StepStatus.ON_HOLD => Color.Secondary,
        StepStatus.FAILED => Color.Error,
        _ => Color.Default,
    };

    public static string TypeIcon(TaskType type) => type switch
    {
        TaskType.AUTOMATION => Icons.Material.Filled.Bolt,
        TaskType.DECISION => Icons.Material.Filled.CallSplit,
        _ => Icons.Material.Filled.TaskAlt,
    };

    public static string WorkflowStatusLabel(WorkflowStatus status) => status switch
    {
        WorkflowStatus.DONE => "Done",
        WorkflowStatus.CLOSED => "Closed",
        _ => "Running",
    };

    /// <summary>
    /// "Done by Lena Schmidt on 02.12.2026, 15:35" for a finished task, in the viewer's zone; "… automatically" when the
    /// engine finished it by itself. Null while the task is not finished.
    /// </summary>
    public static string? FinishedLabel(FlowExecution execution, ExecutionTask task, AssigneeNames names, TimeZoneInfo zone)
    {
        if (TaskOutcome.Of(execution, task.Id) is not { } outcome)
        {
            return null;
        }

        var verb = (outcome.Status, task.TaskType) switch
        {
            (StepStatus.SKIPPED, _) => "Skipped",
            (_, TaskType.DECISION) => "Decided",
            _ => "Done",
        };
        var by = outcome.ById is { } id ? $" by {names.NameOf(id)}" : " automatically";
        var on = outcome.At is { } at ? $" on {DateText.Instant(at, zone)}" : "";
        return $"{verb}{by}{on}";
    }

    /// <summary>Which branch a finished decision took ("Took branch \"big\""); null for other tasks and open decisions.</summary>
    public static string? BranchLabel(FlowExecution execution, ExecutionTask task)
    {
        if (task.TaskType != TaskType.DECISION || TaskOutcome.Of(execution, task.Id) is not { } outcome)
        {
            return null;
        }

        if (outcome.Branches.Count > 0)
        {
            return $"Took branch{(outcome.Branches.Count == 1 ? "" : "es")} {string.Join(", ", outcome.Branches.Select(b => $"\"{b}\""))}";
        }

        return outcome.TookDefault ? "Took the default branch" : null;
    }

    public static string DueLabel(FlowDueDate due, TimeZoneInfo zone) => DateText.Due(due, zone);

    public static Color PriorityColor(TaskPriorityBand band) => band switch
    {
        TaskPriorityBand.Critical => Color.Error,
        TaskPriorityBand.High => Color.Warning,
        TaskPriorityBand.Medium => Color.Info,
        _ => Color.Default,
    };

    /// <summary>"Follow up on 12.12.2026".</summary>
    public static string FollowUpLabel(DateOnly day) => $"Follow up on {DateText.Date(day)}";

    /// <summary>What a snackbar says once a task command went through.</summary>
    public static string SuccessText(FlowCommand command, string taskName) => command switch
    {
        SetTaskStatus { Status: StepStatus.COMPLETED } => $"\"{taskName}\" is done.",
        SetTaskStatus { Status: StepStatus.IN_PROGRESS } => $"\"{taskName}\" is in progress.",
        SetTaskStatus { Status: StepStatus.SKIPPED } => $"\"{taskName}\" skipped.",
        SetTaskStatus { Status: StepStatus.ON_HOLD } => $"\"{taskName}\" is on hold.",
        ChooseDecisionBranch => $"Branch chosen for \"{taskName}\".",
        _ => $"\"{taskName}\" updated.",
    };

    // A partner opens the task on its own page (they do not use records); staff open it in the record's sidebar.
    public static string TaskLink(TaskListItem item, bool forPartner) =>
        forPartner
            ? $"/partner/tasks/{Uri.EscapeDataString(item.ExecutionId)}/{Uri.EscapeDataString(item.TaskId)}"
            : $"/entities/{item.EntitySchema}/{item.EntityId}?task={Uri.EscapeDataString(item.TaskId)}";

    /// <summary>A listed task's due date as lists show it: a day, an instant in the viewer's zone, or the due rule's words.</summary>
    public static string DueText(TaskListItem item, TimeZoneInfo zone) =>
        item.DueAt is null ? item.DueText ?? "—"
        : item.DueText is { Length: 10 } date ? DateText.Date(DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture)) + (item.Overdue ? " · overdue" : "")
        : DateText.Instant(item.DueAt.Value, zone) + (item.Overdue ? " · overdue" : "");
}
