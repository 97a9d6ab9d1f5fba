using System.Globalization;
using MudBlazor;
using Workflows.Core.Dashboard;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Localization;

namespace Workflows.Web.Components.Tasks;

/// <summary>How a task's state reads and looks: labels, icons and colours, shared by the sidebar and the dashboard.</summary>
public static class TaskPresentation
{
    public static string StatusLabel(StepStatus status) => status switch
    {
        StepStatus.COMPLETED => T("StatusDone"),
        StepStatus.SKIPPED => T("StatusSkipped"),
        StepStatus.IN_PROGRESS => T("StatusInProgress"),
        StepStatus.ON_HOLD => T("StatusOnHold"),
        StepStatus.SCHEDULED => T("StatusScheduled"),
        StepStatus.FAILED => T("StatusFailed"),
        StepStatus.CONDITION_PENDING => T("StatusDeciding"),
        _ => T("StatusOpen"),
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
        WorkflowStatus.DONE => T("WorkflowStatusDone"),
        WorkflowStatus.CLOSED => T("WorkflowStatusClosed"),
        _ => T("WorkflowStatusRunning"),
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

        // One whole sentence per case ("Done by {0} on {1}", "Skipped automatically on {0}", …), so each language words it.
        var verb = (outcome.Status, task.TaskType) switch
        {
            (StepStatus.SKIPPED, _) => "Skipped",
            (_, TaskType.DECISION) => "Decided",
            _ => "Done",
        };
        var on = outcome.At is { } at ? DateText.Instant(at, zone) : null;
        return (outcome.ById, on) switch
        {
            ({ } id, { } when) => T($"{verb}By", names.NameOf(id), when),
            ({ } id, null) => T($"{verb}ByUndated", names.NameOf(id)),
            (null, { } when) => T($"{verb}Automatically", when),
            _ => T($"{verb}AutomaticallyUndated"),
        };
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
            var branches = string.Join(", ", outcome.Branches.Select(b => T("QuotedName", b)));
            return T(outcome.Branches.Count == 1 ? "TookBranch" : "TookBranches", branches);
        }

        return outcome.TookDefault ? T("TookDefaultBranch") : null;
    }

    /// <summary>A band with its numbers, as the filter lists it and the scale names it: "High (50–74)".</summary>
    public static string PriorityBandRange(TaskPriorityBand band) =>
        T("PriorityBandRange", TaskPriority.BandWord(band), DateText.Number(TaskPriority.LowestOf(band)), DateText.Number(TaskPriority.HighestOf(band)));

    /// <summary>Every band with its numbers: "Low (0–24), Medium (25–49), High (50–74), Critical (75–100)".</summary>
    public static string PriorityScale() =>
        string.Join(", ", Enum.GetValues<TaskPriorityBand>().Select(PriorityBandRange));

    public static Color PriorityColor(TaskPriorityBand band) => band switch
    {
        TaskPriorityBand.Critical => Color.Error,
        TaskPriorityBand.High => Color.Warning,
        TaskPriorityBand.Medium => Color.Info,
        _ => Color.Default,
    };

    /// <summary>"Follow up on 12.12.2026".</summary>
    public static string FollowUpLabel(DateOnly day) => T("FollowUpOnDay", DateText.Date(day));

    /// <summary>What a snackbar says once a task command went through.</summary>
    public static string SuccessText(FlowCommand command, string taskName) => command switch
    {
        SetTaskStatus { Status: StepStatus.COMPLETED } => T("TaskIsDone", taskName),
        SetTaskStatus { Status: StepStatus.IN_PROGRESS } => T("TaskIsInProgress", taskName),
        SetTaskStatus { Status: StepStatus.SKIPPED } => T("TaskSkipped", taskName),
        SetTaskStatus { Status: StepStatus.ON_HOLD } => T("TaskIsOnHold", taskName),
        ChooseDecisionBranch => T("BranchChosen", taskName),
        _ => T("TaskUpdated", taskName),
    };

    // A partner opens the task on its own page (they do not use records); staff open it in the record's sidebar.
    public static string TaskLink(TaskListItem item, bool forPartner) =>
        forPartner
            ? $"/partner/tasks/{Uri.EscapeDataString(item.ExecutionId)}/{Uri.EscapeDataString(item.TaskId)}"
            : $"/entities/{item.EntitySchema}/{item.EntityId}?task={Uri.EscapeDataString(item.TaskId)}";

    /// <summary>A listed task's due date as lists show it: a day, an instant in the viewer's zone, or the due rule's words.</summary>
    public static string DueText(TaskListItem item, TimeZoneInfo zone)
    {
        if (item.DueAt is null)
        {
            return item.DueRule is { } rule ? PendingDueDate.Describe(rule) : item.DueText ?? "—";
        }

        var due = item.DueText is { Length: 10 } date
            ? DateText.Date(DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture))
            : DateText.Instant(item.DueAt.Value, zone);
        return item.Overdue ? T("Overdue", due) : due;
    }

    private static string T(string key, params object[] arguments) => Languages.Text<TaskText>(key, arguments);
}
