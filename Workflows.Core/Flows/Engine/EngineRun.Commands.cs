using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Localization;

namespace Workflows.Core.Flows.Engine;

/// <summary>The handlers of commands that move one task (status, branch, automation run, retry): each checks everything
/// first and only then changes the execution.</summary>
internal sealed partial class EngineRun
{    private FlowError? FindTask(string taskId, out int index)
    {
        index = graph.IndexOf(taskId);
        return index < 0 ? FlowError.NotFound(RefusalText.Of("WorkflowHasNoTask", execution.Name, taskId)) : null;
    }

    private FlowError? RefuseWhenClosed() =>
        execution.Status == WorkflowStatus.CLOSED ? FlowError.Conflict(RefusalText.Of("WorkflowClosedReopen", execution.Name)) : null;

    private FlowError? SetStatus(SetTaskStatus c)
    {
        if ((FindTask(c.TaskId, out var i) ?? RefuseWhenClosed()) is { } error)
        {
            return error;
        }

        var task = graph.Tasks[i];
        var target = c.Status is StepStatus.UNASSIGNED or StepStatus.ASSIGNED ? StepStatus.PENDING : c.Status;
        if (task.Status == target)
        {
            return FlowError.Conflict(RefusalText.Of("TaskAlreadyIs", task.Name, Word(target)));
        }

        switch (target)
        {
            case StepStatus.PENDING when task.IsFinished:
                ReopenTask(i, c.RevertExecution);
                return null;
            case StepStatus.PENDING:
                edit.Transition(task, StepStatus.PENDING);
                edit.Emit(FlowEventType.TaskMarkedPending, new HistoryLine("TaskPendingAgain", task.Name), task.Id, task.PhaseId, nameof(StepStatus.PENDING));
                return null;
            case StepStatus.IN_PROGRESS or StepStatus.COMPLETED or StepStatus.SKIPPED or StepStatus.ON_HOLD:
                break;
            default:
                return FlowError.Invalid(RefusalText.Of("StatusSetByWorkflow", target));
        }

        if (task.TaskType == TaskType.DECISION && target is StepStatus.IN_PROGRESS or StepStatus.COMPLETED)
        {
            return FlowError.Invalid(RefusalText.Of("TaskIsDecisionChoose", task.Name));
        }

        if (task.IsFinished)
        {
            return FlowError.Invalid(RefusalText.Of("TaskIsReopenFirst", task.Name, Word(task.Status)));
        }

        if (target != StepStatus.ON_HOLD && !graph.IsEnabled(i))
        {
            return FlowError.Locked(graph.WaitsFor(i));
        }

        edit.Transition(task, target);
        var (type, line) = target switch
        {
            StepStatus.IN_PROGRESS => (FlowEventType.TaskMarkedInProgress, new HistoryLine("TaskStarted", context.Actor.DisplayName, task.Name)),
            StepStatus.COMPLETED => (FlowEventType.TaskCompleted, new HistoryLine("TaskCompleted", context.Actor.DisplayName, task.Name)),
            StepStatus.SKIPPED => (FlowEventType.TaskSkipped, new HistoryLine("TaskSkipped", context.Actor.DisplayName, task.Name)),
            _ => (FlowEventType.TaskMarkedOnHold, new HistoryLine("TaskPutOnHold", context.Actor.DisplayName, task.Name)),
        };
        edit.Emit(type, line, task.Id, task.PhaseId, target.ToString());
        return null;
    }

    private void ReopenTask(int i, bool revert)
    {
        var task = graph.Tasks[i];
        edit.ResetTask(task, resetLoopCounter: false);
        edit.ReleasedCurrentTaskIds.Remove(task.Id);
        edit.HeldCurrentTaskIds.Add(task.Id);
        var later = 0;
        if (revert)
        {
            foreach (var j in graph.Descendants(i).Where(j => j != i).Order())
            {
                var next = graph.Tasks[j];
                if (next.Status != StepStatus.PENDING || next.Conditions?.Exists(c => c.IsMet is not null) == true)
                {
                    later++;
                    edit.Emit(FlowEventType.TaskReopened, new HistoryLine("TaskResetByRevert", next.Name, task.Name), next.Id, next.PhaseId, "revert");
                }

                edit.ResetTask(next, resetLoopCounter: true);
            }
        }

        edit.Emit(FlowEventType.TaskReopened, later switch
        {
            0 => new HistoryLine("TaskReopened", context.Actor.DisplayName, task.Name),
            1 => new HistoryLine("TaskReopenedResetOne", context.Actor.DisplayName, task.Name),
            _ => new HistoryLine("TaskReopenedResetMany", context.Actor.DisplayName, task.Name, HistoryArg.Count(later)),
        }, task.Id, task.PhaseId, revert ? "revert" : null);
    }

    private FlowError? ChooseBranch(ChooseDecisionBranch c)
    {
        if ((FindTask(c.TaskId, out var i) ?? RefuseWhenClosed()) is { } error)
        {
            return error;
        }

        var decision = graph.Tasks[i];
        if (decision.TaskType != TaskType.DECISION)
        {
            return FlowError.Invalid(RefusalText.Of("NotADecision", decision.Name));
        }

        if (decision.IsFinished)
        {
            return FlowError.Conflict(RefusalText.Of("TaskAlreadyIs", decision.Name, Word(decision.Status)));
        }

        if (!graph.IsEnabled(i))
        {
            return FlowError.Locked(graph.WaitsFor(i));
        }

        var chosen = decision.Conditions?.Find(k => k.Id == c.ConditionId);
        if (chosen is null)
        {
            return FlowError.NotFound(RefusalText.Of("DecisionHasNoBranch", decision.Name, c.ConditionId));
        }

        if (decision.LoopConfig is { LoopBranchId: { } loopId } loop && loopId == c.ConditionId)
        {
            var done = loop.CrtIterations ?? 0;
            if (done >= loop.MaxIterations)
            {
                return FlowError.Invalid(RefusalText.Of("LoopLimitReached", decision.Name, loop.MaxIterations));
            }

            decision.LoopConfig = loop with { CrtIterations = done + 1 };
        }

        decision.Conditions = decision.Conditions!.ConvertAll(k => k with { IsMet = k.Id == c.ConditionId, EvaluatedAt = Now });
        var branch = chosen.BranchName ?? chosen.Id;
        edit.Emit(FlowEventType.DecisionEvaluated, new HistoryLine("BranchChosen", context.Actor.DisplayName, branch, decision.Name), decision.Id, decision.PhaseId, chosen.Id);
        edit.Transition(decision, StepStatus.COMPLETED);
        edit.Emit(FlowEventType.TaskCompleted, new HistoryLine("Decided", context.Actor.DisplayName, decision.Name), decision.Id, decision.PhaseId, chosen.Id);
        return null;
    }

    private FlowError? AutomationTask(string taskId, out ExecutionTask task, params StepStatus[] from)
    {
        task = null!;
        if ((FindTask(taskId, out var i) ?? RefuseWhenClosed()) is { } error)
        {
            return error;
        }

        task = graph.Tasks[i];
        if (task.TaskType != TaskType.AUTOMATION)
        {
            return FlowError.Invalid(RefusalText.Of("NotAnAutomationTask", task.Name));
        }

        return from.Contains(task.Status) ? null : FlowError.Conflict(RefusalText.Of("AutomationRunDoesNotApply", task.Name, Word(task.Status)));
    }

    private FlowError? AutomationStarted(AutomationStarted c)
    {
        if (AutomationTask(c.TaskId, out var task, StepStatus.PENDING, StepStatus.SCHEDULED, StepStatus.FAILED) is { } error)
        {
            return error;
        }

        var i = graph.IndexOf(task.Id);
        if (!graph.IsEnabled(i))
        {
            return FlowError.Locked(graph.WaitsFor(i));
        }

        task.AutomationConfig = (task.AutomationConfig ?? new AutomationConfig()) with
        {
            ExecutionId = c.AutomationExecutionId,
            ExecutionStatus = "in_progress",
            ErrorReason = null,
        };
        task.AutomationExecutionId = c.AutomationExecutionId;
        edit.Transition(task, StepStatus.IN_PROGRESS);
        edit.Emit(FlowEventType.TaskMarkedInProgress, new HistoryLine("AutomationStarted", task.Name), task.Id, task.PhaseId, c.AutomationExecutionId);
        return null;
    }

    private FlowError? AutomationCompleted(AutomationCompleted c)
    {
        if (AutomationTask(c.TaskId, out var task, StepStatus.IN_PROGRESS, StepStatus.SCHEDULED) is { } error)
        {
            return error;
        }

        task.AutomationConfig = (task.AutomationConfig ?? new AutomationConfig()) with { ExecutionStatus = "succeeded", ErrorReason = null };
        edit.Transition(task, StepStatus.COMPLETED);
        edit.Emit(FlowEventType.TaskCompleted, new HistoryLine("AutomationCompleted", task.Name), task.Id, task.PhaseId);
        return null;
    }

    private FlowError? AutomationFailed(AutomationFailed c)
    {
        if (AutomationTask(c.TaskId, out var task, StepStatus.IN_PROGRESS, StepStatus.SCHEDULED) is { } error)
        {
            return error;
        }

        task.AutomationConfig = (task.AutomationConfig ?? new AutomationConfig()) with { ExecutionStatus = "failed", ErrorReason = c.Reason };
        edit.Transition(task, StepStatus.FAILED);
        task.StatusReason = c.Reason;
        edit.Emit(FlowEventType.TaskFailed, new HistoryLine("AutomationFailed", task.Name, c.Reason), task.Id, task.PhaseId, c.Reason);
        return null;
    }

    private FlowError? CancelSchedule(CancelSchedule c)
    {
        if (AutomationTask(c.TaskId, out var task, StepStatus.SCHEDULED) is { } error)
        {
            return error.Kind == FlowErrorKind.Conflict && task is not null && execution.Status != WorkflowStatus.CLOSED ? FlowError.Conflict(RefusalText.Of("NotScheduledNoRun", task.Name, Word(task.Status))) : error;
        }

        edit.Transition(task, StepStatus.SKIPPED);
        task.StatusReason = $"{context.Actor.DisplayName} cancelled its scheduled run.";
        edit.Emit(FlowEventType.AutomationScheduleCancelled, new HistoryLine("ScheduleCancelled", context.Actor.DisplayName, task.Name), task.Id, task.PhaseId);
        edit.Emit(FlowEventType.TaskSkipped, new HistoryLine("TaskSkippedScheduleCancelled", task.Name), task.Id, task.PhaseId, "cancelled");
        return null;
    }

    private FlowError? Retry(RetryTask c)
    {
        if ((FindTask(c.TaskId, out var i) ?? RefuseWhenClosed()) is { } error)
        {
            return error;
        }

        var task = graph.Tasks[i];
        if (task.Status != StepStatus.FAILED)
        {
            return FlowError.Conflict(RefusalText.Of("NotFailedNoRetry", task.Name, Word(task.Status)));
        }

        switch (task.TaskType)
        {
            case TaskType.AUTOMATION:
                task.AutomationConfig = (task.AutomationConfig ?? new AutomationConfig()) with { ExecutionStatus = null, ErrorReason = null };
                edit.Transition(task, StepStatus.SCHEDULED);
                edit.Emit(FlowEventType.AutomationTaskScheduled, new HistoryLine("AutomationRetried", context.Actor.DisplayName, task.Name), task.Id, task.PhaseId, "retry");
                return null;
            case TaskType.DECISION:
                // Back to waiting: settling evaluates it again against the record as it is now.
                edit.ResetTask(task, resetLoopCounter: false);
                edit.ReleasedCurrentTaskIds.Remove(task.Id);
                edit.Emit(FlowEventType.TaskMarkedPending, new HistoryLine("DecisionRetried", context.Actor.DisplayName, task.Name), task.Id, task.PhaseId, "retry");
                return null;
            default:
                return FlowError.Invalid(RefusalText.Of("NothingToRetry", task.Name));
        }
    }
}
