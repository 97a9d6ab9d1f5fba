using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;

namespace Workflows.Core.Flows.Engine;

/// <summary>
/// One command's edit of an execution: the execution, who acts and when, the events raised and the tasks
/// changed so far, and the few primitives every change goes through (transition, reset, touch, emit).
/// Command handlers and the settling that follows them share it, so both record changes the same way.
/// </summary>
internal sealed class ExecutionEdit(FlowExecution execution, EngineContext context)
{
    public FlowExecution Execution { get; } = execution;

    public EngineContext Context { get; } = context;

    public DateTimeOffset Now => Context.Now;

    public string ActorId => Context.Actor.UserId;

    public string ActorName => Context.Actor.DisplayName;

    public List<FlowEvent> Events { get; } = [];

    public HashSet<string> ChangedTaskIds { get; } = new(StringComparer.Ordinal);

    // Current tasks stay current until finished, reset or skipped, even when a reopened task upstream
    // makes their incoming edge unfinished again (the spec's revert_execution=false). These two sets
    // adjust that for this command: tasks reset here stop being current, a reopened task becomes current.
    public HashSet<string> ReleasedCurrentTaskIds { get; } = new(StringComparer.Ordinal);

    public HashSet<string> HeldCurrentTaskIds { get; } = new(StringComparer.Ordinal);

    /// <summary>Records an event whose sentence is <paramref name="line"/>; its summary is the line in English.</summary>
    public void Emit(FlowEventType type, HistoryLine line, string? taskId = null, string? phaseId = null, string? detail = null) =>
        Events.Add(new FlowEvent
        {
            Type = type,
            ExecutionId = Execution.Id,
            At = Now,
            Actor = Context.Actor,
            Summary = line.English(),
            Line = line,
            TaskId = taskId,
            PhaseId = phaseId,
            Detail = detail,
        });

    public void Touch(ExecutionTask task)
    {
        task.UpdatedAt = Now;
        ChangedTaskIds.Add(task.Id);
    }

    public void Transition(ExecutionTask task, StepStatus status)
    {
        task.Status = status;
        var analytics = task.Analytics;
        analytics.StatusUpdatedAt = Now;
        switch (status)
        {
            case StepStatus.IN_PROGRESS:
                analytics.InProgressAt = Now;
                analytics.InProgressBy = ActorId;
                break;
            case StepStatus.COMPLETED:
                analytics.CompletedAt = Now;
                analytics.CompletedBy = ActorId;
                break;
            case StepStatus.SKIPPED:
                analytics.SkippedBy = ActorId;
                break;
            case StepStatus.ON_HOLD:
                analytics.OnHoldBy = ActorId;
                break;
            default:
                break;
        }

        if (status != StepStatus.FAILED)
        {
            task.StatusReason = null;
        }

        task.SkippedAutomatically = null;
        Touch(task);
    }

    /// <summary>Back to a fresh PENDING task: decision results, automation run and failure cleared.</summary>
    public void ResetTask(ExecutionTask task, bool resetLoopCounter)
    {
        task.Status = StepStatus.PENDING;
        task.Analytics.StatusUpdatedAt = Now;
        task.StatusReason = null;
        task.SkippedAutomatically = null;
        if (task.Conditions is not null)
        {
            task.Conditions = task.Conditions.ConvertAll(c => c with { IsMet = null, EvaluatedAt = null });
        }

        if (task.TaskType == TaskType.AUTOMATION && task.AutomationConfig is not null)
        {
            task.AutomationConfig = task.AutomationConfig with { ExecutionId = null, ExecutionStatus = null, ErrorReason = null };
            task.AutomationExecutionId = null;
        }

        if (resetLoopCounter && task.LoopConfig is not null)
        {
            task.LoopConfig = task.LoopConfig with { CrtIterations = 0 };
        }

        ReleasedCurrentTaskIds.Add(task.Id);
        Touch(task);
    }

    /// <summary>When a finished task finished: its completion, or the moment it was skipped; null while it is open.</summary>
    public static DateTimeOffset? FinishedAt(ExecutionTask task) => task.Status switch
    {
        StepStatus.COMPLETED => task.Analytics.CompletedAt ?? task.Analytics.StatusUpdatedAt,
        StepStatus.SKIPPED => task.Analytics.StatusUpdatedAt,
        _ => null,
    };
}
