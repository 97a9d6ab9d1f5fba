using System.Text.Json.Serialization;
using System.Text.Json;
using Workflows.Core.Flows.Templates;

namespace Workflows.Core.Flows.Executions;

/// <summary>
/// A task in an execution: the template's task plus run state. Its id, name, status, due date,
/// assignees and phase id make the row a task dashboard lists.
/// </summary>
public sealed class ExecutionTask : FlowTask
{
    public string TemplateId { get; set; } = "";

    public StepStatus Status { get; set; } = StepStatus.PENDING;

    public TaskAnalytics Analytics { get; set; } = new();

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public bool ManuallyCreated { get; set; }

    /// <summary>All requirements hold (and, in a sequential workflow, all direct predecessors are finished).</summary>
    public bool Enabled { get; set; }

    public string? AutomationExecutionId { get; set; }

    /// <summary>Why the task is FAILED or was skipped by the engine, shown to the user.</summary>
    public string? StatusReason { get; set; }

    /// <summary>Skipped because it lies on a branch not taken; edges out of it are dead.</summary>
    public bool? SkippedAutomatically { get; set; }

    /// <summary>The team the task was claimed from or handed out by round-robin; a release gives it back to that team.</summary>
    public string? Team { get; set; }
    /// <summary>Until this day the task stays out of its assignees' open lists (<see cref="TaskFollowUp"/>).</summary>
    public DateOnly? FollowUpDate { get; set; }

    [JsonIgnore]
    public bool IsFinished => Status is StepStatus.COMPLETED or StepStatus.SKIPPED;

    /// <summary>All ids the task is assigned to, variables resolved.</summary>
    public IEnumerable<string> AssigneeIds() => AssignedTo?.SelectMany(a => a.Ids()) ?? [];

    /// <summary>Copies a template task into a fresh, PENDING execution task.</summary>
    public static ExecutionTask FromTemplate(FlowTask task, DateTimeOffset now) => new()
    {
        Id = task.Id,
        TemplateId = task.Id,
        Name = task.Name,
        TaskType = task.TaskType,
        Description = task.Description,
        Journey = task.Journey,
        DueDate = task.DueDate,
        DueDateConfig = task.DueDateConfig,
        Requirements = task.Requirements is null ? null : [.. task.Requirements],
        AssignedTo = task.AssignedTo is null ? null : [.. task.AssignedTo],
        Taxonomies = task.Taxonomies is null ? null : [.. task.Taxonomies],
        PhaseId = task.PhaseId,
        AutomationConfig = task.AutomationConfig,
        TriggerMode = task.TriggerMode,
        Schedule = task.Schedule,
        CreatedAutomatically = task.CreatedAutomatically,
        Conditions = task.Conditions is null ? null : [.. task.Conditions],
        LoopConfig = task.LoopConfig is null ? null : task.LoopConfig with { CrtIterations = 0 },
        AllowParallelExecution = task.AllowParallelExecution,
        Ecp = task.Ecp,
        Priority = task.Priority,
        ExtensionData = task.ExtensionData is null ? null : new(task.ExtensionData),
        Status = StepStatus.PENDING,
        CreatedAt = now,
        UpdatedAt = now,
    };
}
