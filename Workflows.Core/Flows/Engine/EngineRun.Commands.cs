namespace Workflows.Core.Flows.Engine;

/// <summary>The command handlers: each checks everything first and only then changes the execution.</summary>
internal sealed partial class EngineRun
{
    private FlowError? FindTask(string taskId, out int index)
    {
        index = _g.IndexOf(taskId);
        return index < 0 ? FlowError.NotFound($"Workflow '{_x.Name}' has no task '{taskId}'.") : null;
    }

    private FlowError? RefuseWhenClosed() =>
        _x.Status == WorkflowStatus.CLOSED ? FlowError.Conflict($"Workflow '{_x.Name}' is closed; reopen it first.") : null;

    private FlowError? SetStatus(SetTaskStatus c)
    {
        if ((FindTask(c.TaskId, out var i) ?? RefuseWhenClosed()) is { } error)
        {
            return error;
        }

        var task = _g.Tasks[i];
        var target = c.Status is StepStatus.UNASSIGNED or StepStatus.ASSIGNED ? StepStatus.PENDING : c.Status;
        if (task.Status == target)
        {
            return FlowError.Conflict($"'{task.Name}' is already {Word(target)}.");
        }

        switch (target)
        {
            case StepStatus.PENDING when task.IsFinished:
                ReopenTask(i, c.RevertExecution);
                return null;
            case StepStatus.PENDING:
                Transition(task, StepStatus.PENDING);
                Emit(FlowEventType.TaskMarkedPending, $"'{task.Name}' is pending again", task.Id, task.PhaseId, nameof(StepStatus.PENDING));
                return null;
            case StepStatus.IN_PROGRESS or StepStatus.COMPLETED or StepStatus.SKIPPED or StepStatus.ON_HOLD:
                break;
            default:
                return FlowError.Invalid($"{target} is set by the workflow itself, not by hand.");
        }

        if (task.TaskType == TaskType.DECISION && target is StepStatus.IN_PROGRESS or StepStatus.COMPLETED)
        {
            return FlowError.Invalid($"'{task.Name}' is a decision: choose one of its branches.");
        }

        if (task.IsFinished)
        {
            return FlowError.Invalid($"'{task.Name}' is {Word(task.Status)}; reopen it first.");
        }

        if (target != StepStatus.ON_HOLD && !IsEnabled(i))
        {
            return FlowError.Locked(WaitsFor(i));
        }

        Transition(task, target);
        var (type, verb) = target switch
        {
            StepStatus.IN_PROGRESS => (FlowEventType.TaskMarkedInProgress, "started"),
            StepStatus.COMPLETED => (FlowEventType.TaskCompleted, "completed"),
            StepStatus.SKIPPED => (FlowEventType.TaskSkipped, "skipped"),
            _ => (FlowEventType.TaskMarkedOnHold, "put on hold"),
        };
        Emit(type, $"{_ctx.Actor.DisplayName} {verb} '{task.Name}'", task.Id, task.PhaseId, target.ToString());
        return null;
    }

    private void ReopenTask(int i, bool revert)
    {
        var task = _g.Tasks[i];
        ResetTask(task, resetLoopCounter: false);
        _unstick.Remove(task.Id);
        _stick.Add(task.Id);
        var later = 0;
        if (revert)
        {
            foreach (var j in _g.Descendants(i).Where(j => j != i).Order())
            {
                var next = _g.Tasks[j];
                if (next.Status != StepStatus.PENDING || next.Conditions?.Exists(c => c.IsMet is not null) == true)
                {
                    later++;
                    Emit(FlowEventType.TaskReopened, $"'{next.Name}' was reset by the revert to '{task.Name}'", next.Id, next.PhaseId, "revert");
                }

                ResetTask(next, resetLoopCounter: true);
            }
        }

        var tail = later > 0 ? $" and reset {later} later task{(later == 1 ? "" : "s")}" : "";
        Emit(FlowEventType.TaskReopened, $"{_ctx.Actor.DisplayName} reopened '{task.Name}'{tail}", task.Id, task.PhaseId, revert ? "revert" : null);
    }

    private FlowError? ChooseBranch(ChooseDecisionBranch c)
    {
        if ((FindTask(c.TaskId, out var i) ?? RefuseWhenClosed()) is { } error)
        {
            return error;
        }

        var decision = _g.Tasks[i];
        if (decision.TaskType != TaskType.DECISION)
        {
            return FlowError.Invalid($"'{decision.Name}' is not a decision.");
        }

        if (decision.IsFinished)
        {
            return FlowError.Conflict($"'{decision.Name}' is already {Word(decision.Status)}.");
        }

        if (!IsEnabled(i))
        {
            return FlowError.Locked(WaitsFor(i));
        }

        var chosen = decision.Conditions?.Find(k => k.Id == c.ConditionId);
        if (chosen is null)
        {
            return FlowError.NotFound($"Decision '{decision.Name}' has no branch '{c.ConditionId}'.");
        }

        if (decision.LoopConfig is { LoopBranchId: { } loopId } loop && loopId == c.ConditionId)
        {
            var done = loop.CrtIterations ?? 0;
            if (done >= loop.MaxIterations)
            {
                return FlowError.Invalid($"The loop of '{decision.Name}' already ran {loop.MaxIterations} times, its limit; choose another branch.");
            }

            decision.LoopConfig = loop with { CrtIterations = done + 1 };
        }

        decision.Conditions = decision.Conditions!.ConvertAll(k => k with { IsMet = k.Id == c.ConditionId, EvaluatedAt = Now });
        var branch = chosen.BranchName ?? chosen.Id;
        Emit(FlowEventType.DecisionEvaluated, $"{_ctx.Actor.DisplayName} chose '{branch}' for '{decision.Name}'", decision.Id, decision.PhaseId, chosen.Id);
        Transition(decision, StepStatus.COMPLETED);
        Emit(FlowEventType.TaskCompleted, $"{_ctx.Actor.DisplayName} decided '{decision.Name}'", decision.Id, decision.PhaseId, chosen.Id);
        return null;
    }

    private FlowError? SetDueDate(SetDueDate c)
    {
        if (RefuseWhenClosed() is { } closed)
        {
            return closed;
        }

        if (c.Config is { } rule && !DueDateCalculator.IsInRange(rule.Duration, rule.Unit))
        {
            return FlowError.Invalid($"A due date lies at most {DueDateCalculator.MaxDays:0} days ahead; check the duration and unit.");
        }

        if (c.Config is { Type: DueDateType.TASK_FINISHED, TaskId: var anchorTask } && (anchorTask is null || _g.IndexOf(anchorTask) < 0))
        {
            return FlowError.NotFound($"Workflow '{_x.Name}' has no task '{anchorTask}' to count the due date from.");
        }

        if (c.Config is { Type: DueDateType.PHASE_FINISHED, PhaseId: var anchorPhase } && _g.Phase(anchorPhase) is null)
        {
            return FlowError.NotFound($"Workflow '{_x.Name}' has no phase '{anchorPhase}' to count the due date from.");
        }

        // A fixed date overrides the dynamic rule, a rule replaces the fixed date; the rule's date follows in Settle.
        var fixedDate = c.Config is null ? c.DueDate : null;
        var text = c.Config is not null ? PendingDueDate.Describe(c.Config, _x) : fixedDate?.ToString() ?? "no date";
        switch (c.Target.Kind)
        {
            case FlowItemKind.Workflow:
                _x.DueDate = fixedDate;
                _x.DueDateConfig = c.Config;
                Emit(FlowEventType.FlowDueDateChanged, $"{_ctx.Actor.DisplayName} set the workflow's due date to {text}", detail: fixedDate?.ToString());
                return null;
            case FlowItemKind.Phase:
                if (_g.Phase(c.Target.Id) is not { } phase)
                {
                    return FlowError.NotFound($"Workflow '{_x.Name}' has no phase '{c.Target.Id}'.");
                }

                phase.DueDate = fixedDate;
                phase.DueDateConfig = c.Config;
                phase.UpdatedAt = Now;
                Emit(FlowEventType.PhaseDueDateChanged, $"{_ctx.Actor.DisplayName} set the due date of phase '{phase.Name}' to {text}", phaseId: phase.Id, detail: fixedDate?.ToString());
                return null;
            default:
                if (FindTask(c.Target.Id ?? "", out var i) is { } missing)
                {
                    return missing;
                }

                var task = _g.Tasks[i];
                task.DueDate = fixedDate;
                task.DueDateConfig = c.Config;
                Touch(task);
                Emit(FlowEventType.TaskDueDateChanged, $"{_ctx.Actor.DisplayName} set the due date of '{task.Name}' to {text}", task.Id, task.PhaseId, fixedDate?.ToString());
                return null;
        }
    }

    private FlowError? Assign(Assign c)
    {
        if (RefuseWhenClosed() is { } closed)
        {
            return closed;
        }

        var resolved = AssigneeResolver.Resolve(c.Assignees, _ctx.Facts, _x.Analytics.StartedBy) ?? [];
        var who = resolved.Count == 0 ? "nobody" : string.Join(", ", resolved.SelectMany(a => a.IsVariable ? [a.Variable!] : a.Ids()));
        switch (c.Target.Kind)
        {
            case FlowItemKind.Workflow:
                _x.AssignedTo = resolved;
                Emit(FlowEventType.FlowAssigned, $"{_ctx.Actor.DisplayName} assigned the workflow to {who}", detail: who);
                return null;
            case FlowItemKind.Phase:
                if (_g.Phase(c.Target.Id) is not { } phase)
                {
                    return FlowError.NotFound($"Workflow '{_x.Name}' has no phase '{c.Target.Id}'.");
                }

                phase.AssignedTo = resolved;
                phase.UpdatedAt = Now;
                Emit(FlowEventType.PhaseAssigned, $"{_ctx.Actor.DisplayName} assigned phase '{phase.Name}' to {who}", phaseId: phase.Id, detail: who);
                return null;
            default:
                if (FindTask(c.Target.Id ?? "", out var i) is { } missing)
                {
                    return missing;
                }

                var task = _g.Tasks[i];
                task.AssignedTo = resolved;
                Touch(task);
                Emit(FlowEventType.TaskAssigned, $"{_ctx.Actor.DisplayName} assigned '{task.Name}' to {who}", task.Id, task.PhaseId, who);
                return null;
        }
    }

    private FlowError? AddTask(AddManualTask c)
    {
        if (RefuseWhenClosed() is { } closed)
        {
            return closed;
        }

        if (string.IsNullOrWhiteSpace(c.Name))
        {
            return FlowError.Invalid("A task needs a name.");
        }

        if (c.Name.Trim().Length > Validation.FlowTemplateValidator.MaxNameLength || c.TaskId.Length > Validation.FlowTemplateValidator.MaxIdLength)
        {
            return FlowError.Invalid(
                $"A task's name can have at most {Validation.FlowTemplateValidator.MaxNameLength} characters and its id at most {Validation.FlowTemplateValidator.MaxIdLength}.");
        }

        if (string.IsNullOrWhiteSpace(c.TaskId) || _g.IndexOf(c.TaskId) >= 0)
        {
            return FlowError.Conflict($"Workflow '{_x.Name}' already has a task '{c.TaskId}'.");
        }

        if (c.PreviousTaskId is null && c.NextTaskId is null)
        {
            return FlowError.Invalid("Say where the new task goes: after a task, before a task, or between two.");
        }

        var previous = c.PreviousTaskId is null ? -1 : _g.IndexOf(c.PreviousTaskId);
        var next = c.NextTaskId is null ? -1 : _g.IndexOf(c.NextTaskId);
        if ((c.PreviousTaskId is not null && previous < 0) || (c.NextTaskId is not null && next < 0))
        {
            return FlowError.NotFound($"Workflow '{_x.Name}' has no task '{(previous < 0 ? c.PreviousTaskId : c.NextTaskId)}'.");
        }

        if (c.PhaseId is not null && _g.Phase(c.PhaseId) is null)
        {
            return FlowError.NotFound($"Workflow '{_x.Name}' has no phase '{c.PhaseId}'.");
        }

        var task = new ExecutionTask
        {
            Id = c.TaskId,
            TemplateId = c.TaskId,
            Name = c.Name.Trim(),
            TaskType = TaskType.MANUAL,
            PhaseId = c.PhaseId ?? (previous >= 0 ? _g.Tasks[previous].PhaseId : _g.Tasks[next].PhaseId),
            DueDate = c.DueDate,
            AssignedTo = AssigneeResolver.Resolve(c.AssignedTo, _ctx.Facts, _x.Analytics.StartedBy),
            ManuallyCreated = true,
            CreatedAt = Now,
        };
        var position = previous >= 0 ? _x.Tasks.IndexOf(_g.Tasks[previous]) + 1 : _x.Tasks.IndexOf(_g.Tasks[next]);
        _x.Tasks.Insert(position, task);

        var between = previous >= 0 && next >= 0
            ? _x.Edges.FindIndex(e => e.FromId == c.PreviousTaskId && e.ToId == c.NextTaskId)
            : -1;
        if (between >= 0)
        {
            // The old edge keeps its id and branch, so a decision's branch now leads to the new task.
            _x.Edges[between] = _x.Edges[between] with { ToId = task.Id };
        }
        else if (previous >= 0)
        {
            _x.Edges.Add(new FlowEdge { Id = NewEdgeId(c.PreviousTaskId!, task.Id), FromId = c.PreviousTaskId!, ToId = task.Id });
        }

        if (next >= 0)
        {
            _x.Edges.Add(new FlowEdge { Id = NewEdgeId(task.Id, c.NextTaskId!), FromId = task.Id, ToId = c.NextTaskId });
            _unstick.Add(c.NextTaskId!);
        }

        _g = new FlowGraph(_x);
        Touch(task);
        Emit(FlowEventType.TaskAdded, $"{_ctx.Actor.DisplayName} added '{task.Name}'", task.Id, task.PhaseId);
        return null;
    }

    private string NewEdgeId(string from, string to)
    {
        var id = $"{from}->{to}";
        var suffix = 1;
        while (_x.Edges.Exists(e => e.Id == id))
        {
            id = $"{from}->{to}#{++suffix}";
        }

        return id;
    }

    private FlowError? Close(CloseFlow c)
    {
        if (_x.Status == WorkflowStatus.CLOSED)
        {
            return FlowError.Conflict($"Workflow '{_x.Name}' is already closed.");
        }

        var configured = _x.ClosingReason?.ConfiguredReasons ?? [];
        var ids = c.ReasonIds.Distinct(StringComparer.Ordinal).ToList();
        var unknown = ids.Find(id => !configured.Exists(r => r.Id == id));
        if (unknown is not null)
        {
            return FlowError.Invalid($"'{unknown}' is not a closing reason of workflow '{_x.Name}'.");
        }

        if (_x.SingleClosingReasonSelection == true && ids.Count != 1)
        {
            return FlowError.Invalid($"Workflow '{_x.Name}' is closed with exactly one reason; {ids.Count} were given.");
        }

        var selected = ids.ConvertAll(id => configured.Find(r => r.Id == id)!);
        _x.Status = WorkflowStatus.CLOSED;
        _x.Analytics.ClosedAt = Now;
        _x.Analytics.ClosedBy = ActorId;
        _x.ClosingReason ??= new FlowClosingReason();
        _x.ClosingReason.SelectedReasons = selected;
        _x.ClosingReason.ExtraDescription = string.IsNullOrWhiteSpace(c.Text) ? null : c.Text;
        var reasons = selected.Count == 0 ? "" : $": {string.Join(", ", selected.Select(r => r.Title ?? r.Id))}";
        Emit(FlowEventType.FlowCancelled, $"{_ctx.Actor.DisplayName} closed '{_x.Name}'{reasons}", detail: c.Text);
        return null;
    }

    private FlowError? Reopen()
    {
        switch (_x.Status)
        {
            case WorkflowStatus.STARTED:
                return FlowError.Conflict($"Workflow '{_x.Name}' is already open.");
            case WorkflowStatus.CLOSED:
                _x.Status = AllFinished() ? WorkflowStatus.DONE : WorkflowStatus.STARTED;
                _x.Analytics.ClosedAt = null;
                _x.Analytics.ClosedBy = null;
                if (_x.ClosingReason is not null)
                {
                    _x.ClosingReason.SelectedReasons = null;
                    _x.ClosingReason.ExtraDescription = null;
                }

                Emit(FlowEventType.FlowReopened, $"{_ctx.Actor.DisplayName} reopened '{_x.Name}'");
                return null;
            default:
                // DONE means every task is finished, so reopening the workflow reopens the task finished last.
                if (_g.Tasks.Length == 0)
                {
                    return FlowError.Invalid($"Workflow '{_x.Name}' has no task to reopen.");
                }

                var last = _g.Topo[^1];
                DateTimeOffset? latest = null;
                foreach (var i in _g.Topo)
                {
                    if (FinishedAt(_g.Tasks[i]) is { } finished && (latest is null || finished >= latest))
                    {
                        (last, latest) = (i, finished);
                    }
                }

                ReopenTask(last, revert: false);
                return null;
        }
    }

    private FlowError? Delete(DeleteFlow c)
    {
        _x.Deleted = true;
        Emit(FlowEventType.FlowDeleted, $"{_ctx.Actor.DisplayName} deleted '{_x.Name}'{(c.Hard ? " permanently" : "")}", detail: c.Hard ? "hard" : "soft");
        return null;
    }

    private FlowError? AutomationTask(string taskId, out ExecutionTask task, params StepStatus[] from)
    {
        task = null!;
        if ((FindTask(taskId, out var i) ?? RefuseWhenClosed()) is { } error)
        {
            return error;
        }

        task = _g.Tasks[i];
        if (task.TaskType != TaskType.AUTOMATION)
        {
            return FlowError.Invalid($"'{task.Name}' is not an automation task.");
        }

        return from.Contains(task.Status) ? null : FlowError.Conflict($"'{task.Name}' is {Word(task.Status)}, so its automation run does not apply.");
    }

    private FlowError? AutomationStarted(AutomationStarted c)
    {
        if (AutomationTask(c.TaskId, out var task, StepStatus.PENDING, StepStatus.SCHEDULED, StepStatus.FAILED) is { } error)
        {
            return error;
        }

        var i = _g.IndexOf(task.Id);
        if (!IsEnabled(i))
        {
            return FlowError.Locked(WaitsFor(i));
        }

        task.AutomationConfig = (task.AutomationConfig ?? new AutomationConfig()) with
        {
            ExecutionId = c.AutomationExecutionId,
            ExecutionStatus = "in_progress",
            ErrorReason = null,
        };
        task.AutomationExecutionId = c.AutomationExecutionId;
        Transition(task, StepStatus.IN_PROGRESS);
        Emit(FlowEventType.TaskMarkedInProgress, $"Automation '{task.Name}' started", task.Id, task.PhaseId, c.AutomationExecutionId);
        return null;
    }

    private FlowError? AutomationCompleted(AutomationCompleted c)
    {
        if (AutomationTask(c.TaskId, out var task, StepStatus.IN_PROGRESS, StepStatus.SCHEDULED) is { } error)
        {
            return error;
        }

        task.AutomationConfig = (task.AutomationConfig ?? new AutomationConfig()) with { ExecutionStatus = "succeeded", ErrorReason = null };
        Transition(task, StepStatus.COMPLETED);
        Emit(FlowEventType.TaskCompleted, $"Automation '{task.Name}' completed", task.Id, task.PhaseId);
        return null;
    }

    private FlowError? AutomationFailed(AutomationFailed c)
    {
        if (AutomationTask(c.TaskId, out var task, StepStatus.IN_PROGRESS, StepStatus.SCHEDULED) is { } error)
        {
            return error;
        }

        task.AutomationConfig = (task.AutomationConfig ?? new AutomationConfig()) with { ExecutionStatus = "failed", ErrorReason = c.Reason };
        Transition(task, StepStatus.FAILED);
        task.StatusReason = c.Reason;
        Emit(FlowEventType.TaskFailed, $"Automation '{task.Name}' failed: {c.Reason}", task.Id, task.PhaseId, c.Reason);
        return null;
    }

    private FlowError? CancelSchedule(CancelSchedule c)
    {
        if (AutomationTask(c.TaskId, out var task, StepStatus.SCHEDULED) is { } error)
        {
            return error.Kind == FlowErrorKind.Conflict && task is not null && _x.Status != WorkflowStatus.CLOSED ? FlowError.Conflict($"'{task.Name}' is {Word(task.Status)}, not scheduled; there is no run to cancel.") : error;
        }

        Transition(task, StepStatus.SKIPPED);
        task.StatusReason = $"{_ctx.Actor.DisplayName} cancelled its scheduled run.";
        Emit(FlowEventType.AutomationScheduleCancelled, $"{_ctx.Actor.DisplayName} cancelled the scheduled run of '{task.Name}'", task.Id, task.PhaseId);
        Emit(FlowEventType.TaskSkipped, $"'{task.Name}' was skipped: its scheduled run was cancelled", task.Id, task.PhaseId, "cancelled");
        return null;
    }

    private FlowError? Retry(RetryTask c)
    {
        if ((FindTask(c.TaskId, out var i) ?? RefuseWhenClosed()) is { } error)
        {
            return error;
        }

        var task = _g.Tasks[i];
        if (task.Status != StepStatus.FAILED)
        {
            return FlowError.Conflict($"'{task.Name}' is {Word(task.Status)}, not failed; there is nothing to retry.");
        }

        switch (task.TaskType)
        {
            case TaskType.AUTOMATION:
                task.AutomationConfig = (task.AutomationConfig ?? new AutomationConfig()) with { ExecutionStatus = null, ErrorReason = null };
                Transition(task, StepStatus.SCHEDULED);
                Emit(FlowEventType.AutomationTaskScheduled, $"{_ctx.Actor.DisplayName} retried automation '{task.Name}'", task.Id, task.PhaseId, "retry");
                return null;
            case TaskType.DECISION:
                // Back to waiting: Settle evaluates it again against the record as it is now.
                ResetTask(task, resetLoopCounter: false);
                _unstick.Remove(task.Id);
                Emit(FlowEventType.TaskMarkedPending, $"{_ctx.Actor.DisplayName} retried decision '{task.Name}'", task.Id, task.PhaseId, "retry");
                return null;
            default:
                return FlowError.Invalid($"'{task.Name}' is not an automation or a decision; there is nothing to retry.");
        }
    }
}
