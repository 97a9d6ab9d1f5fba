using System.Globalization;
using Workflows.Core.ClosingReasons;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Localization;

namespace Workflows.Core.Flows.Engine;

/// <summary>The handlers of commands on the workflow as a whole and on its plan (due dates, assignees, added tasks,
/// closing, reopening, deleting): each checks everything first and only then changes the execution.</summary>
internal sealed partial class EngineRun
{
    private FlowError? SetDueDate(SetDueDate c)
    {
        if (RefuseWhenClosed() is { } closed)
        {
            return closed;
        }

        if (c.Config is { } rule && !DueDateCalculator.IsInRange(rule.Duration, rule.Unit))
        {
            return FlowError.Invalid(RefusalText.Of("DueDateTooFar", DueDateCalculator.MaxDays));
        }

        if (c.Config is { Type: DueDateType.TASK_FINISHED, TaskId: var anchorTask } && (anchorTask is null || graph.IndexOf(anchorTask) < 0))
        {
            return FlowError.NotFound(RefusalText.Of("NoTaskForDueDate", execution.Name, anchorTask));
        }

        if (c.Config is { Type: DueDateType.PHASE_FINISHED, PhaseId: var anchorPhase } && graph.Phase(anchorPhase) is null)
        {
            return FlowError.NotFound(RefusalText.Of("NoPhaseForDueDate", execution.Name, anchorPhase));
        }

        // A fixed date overrides the dynamic rule, a rule replaces the fixed date; settling then computes the rule's date.
        var fixedDate = c.Config is null ? c.DueDate : null;
        var pending = c.Config is not null ? HistoryArg.Of(PendingDueDate.Rule(c.Config, execution)) : null;
        switch (c.Target.Kind)
        {
            case FlowItemKind.Workflow:
                execution.DueDate = fixedDate;
                execution.DueDateConfig = c.Config;
                edit.Emit(FlowEventType.FlowDueDateChanged, pending is not null ? new HistoryLine("FlowDueDateSetRule", context.Actor.DisplayName, pending)
                    : fixedDate is not null ? new HistoryLine("FlowDueDateSetOn", context.Actor.DisplayName, HistoryArg.On(fixedDate))
                    : new HistoryLine("FlowDueDateCleared", context.Actor.DisplayName), detail: fixedDate?.ToString());
                return null;
            case FlowItemKind.Phase:
                if (graph.Phase(c.Target.Id) is not { } phase)
                {
                    return FlowError.NotFound(RefusalText.Of("WorkflowHasNoPhase", execution.Name, c.Target.Id));
                }

                phase.DueDate = fixedDate;
                phase.DueDateConfig = c.Config;
                phase.UpdatedAt = Now;
                edit.Emit(FlowEventType.PhaseDueDateChanged, pending is not null ? new HistoryLine("PhaseDueDateSetRule", context.Actor.DisplayName, phase.Name, pending)
                    : fixedDate is not null ? new HistoryLine("PhaseDueDateSetOn", context.Actor.DisplayName, phase.Name, HistoryArg.On(fixedDate))
                    : new HistoryLine("PhaseDueDateCleared", context.Actor.DisplayName, phase.Name), phaseId: phase.Id, detail: fixedDate?.ToString());
                return null;
            default:
                if (FindTask(c.Target.Id ?? "", out var i) is { } missing)
                {
                    return missing;
                }

                var task = graph.Tasks[i];
                task.DueDate = fixedDate;
                task.DueDateConfig = c.Config;
                edit.Touch(task);
                edit.Emit(FlowEventType.TaskDueDateChanged, pending is not null ? new HistoryLine("TaskDueDateSetRule", context.Actor.DisplayName, task.Name, pending)
                    : fixedDate is not null ? new HistoryLine("TaskDueDateSetOn", context.Actor.DisplayName, task.Name, HistoryArg.On(fixedDate))
                    : new HistoryLine("TaskDueDateCleared", context.Actor.DisplayName, task.Name), task.Id, task.PhaseId, fixedDate?.ToString());
                return null;
        }
    }

    private FlowError? Assign(Assign c)
    {
        if (RefuseWhenClosed() is { } closed)
        {
            return closed;
        }

        var resolved = AssigneeResolver.Resolve(c.Assignees, context.Facts, execution.Analytics.StartedBy) ?? [];
        var ids = resolved.SelectMany(a => a.IsVariable ? [a.Variable!] : a.Ids()).ToList();
        var who = ids.Count == 0 ? "nobody" : string.Join(", ", ids);
        switch (c.Target.Kind)
        {
            case FlowItemKind.Workflow:
                execution.AssignedTo = resolved;
                edit.Emit(FlowEventType.FlowAssigned, ids.Count == 0 ? new HistoryLine("FlowUnassigned", context.Actor.DisplayName)
                    : new HistoryLine("FlowAssigned", context.Actor.DisplayName, HistoryArg.Assignees(ids)), detail: who);
                return null;
            case FlowItemKind.Phase:
                if (graph.Phase(c.Target.Id) is not { } phase)
                {
                    return FlowError.NotFound(RefusalText.Of("WorkflowHasNoPhase", execution.Name, c.Target.Id));
                }

                phase.AssignedTo = resolved;
                phase.UpdatedAt = Now;
                edit.Emit(FlowEventType.PhaseAssigned, ids.Count == 0 ? new HistoryLine("PhaseUnassigned", context.Actor.DisplayName, phase.Name)
                    : new HistoryLine("PhaseAssigned", context.Actor.DisplayName, phase.Name, HistoryArg.Assignees(ids)), phaseId: phase.Id, detail: who);
                return null;
            default:
                if (FindTask(c.Target.Id ?? "", out var i) is { } missing)
                {
                    return missing;
                }

                var task = graph.Tasks[i];
                task.AssignedTo = resolved;
                task.Team = c.Team;
                edit.Touch(task);
                edit.Emit(FlowEventType.TaskAssigned, ids.Count == 0 ? new HistoryLine("TaskUnassigned", context.Actor.DisplayName, task.Name)
                    : new HistoryLine("TaskAssigned", context.Actor.DisplayName, task.Name, HistoryArg.Assignees(ids)), task.Id, task.PhaseId, who);
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
            return FlowError.Invalid(RefusalText.Of("TaskNameMissing"));
        }

        if (c.Name.Trim().Length > Validation.FlowTemplateValidator.MaxNameLength || c.TaskId.Length > Validation.FlowTemplateValidator.MaxIdLength)
        {
            return FlowError.Invalid(
                RefusalText.Of("TaskNameOrIdTooLong", Validation.FlowTemplateValidator.MaxNameLength, Validation.FlowTemplateValidator.MaxIdLength));
        }

        if (string.IsNullOrWhiteSpace(c.TaskId) || graph.IndexOf(c.TaskId) >= 0)
        {
            return FlowError.Conflict(RefusalText.Of("TaskIdTaken", execution.Name, c.TaskId));
        }

        if (c.PreviousTaskId is null && c.NextTaskId is null)
        {
            return FlowError.Invalid(RefusalText.Of("NewTaskWhere"));
        }

        var previous = c.PreviousTaskId is null ? -1 : graph.IndexOf(c.PreviousTaskId);
        var next = c.NextTaskId is null ? -1 : graph.IndexOf(c.NextTaskId);
        if ((c.PreviousTaskId is not null && previous < 0) || (c.NextTaskId is not null && next < 0))
        {
            return FlowError.NotFound(RefusalText.Of("WorkflowHasNoTask", execution.Name, (previous < 0 ? c.PreviousTaskId : c.NextTaskId)));
        }

        if (c.PhaseId is not null && graph.Phase(c.PhaseId) is null)
        {
            return FlowError.NotFound(RefusalText.Of("WorkflowHasNoPhase", execution.Name, c.PhaseId));
        }

        var task = new ExecutionTask
        {
            Id = c.TaskId,
            TemplateId = c.TaskId,
            Name = c.Name.Trim(),
            TaskType = TaskType.MANUAL,
            PhaseId = c.PhaseId ?? (previous >= 0 ? graph.Tasks[previous].PhaseId : graph.Tasks[next].PhaseId),
            DueDate = c.DueDate,
            AssignedTo = AssigneeResolver.Resolve(c.AssignedTo, context.Facts, execution.Analytics.StartedBy),
            ManuallyCreated = true,
            CreatedAt = Now,
        };
        var position = previous >= 0 ? execution.Tasks.IndexOf(graph.Tasks[previous]) + 1 : execution.Tasks.IndexOf(graph.Tasks[next]);
        execution.Tasks.Insert(position, task);

        var between = previous >= 0 && next >= 0
            ? execution.Edges.FindIndex(e => e.FromId == c.PreviousTaskId && e.ToId == c.NextTaskId)
            : -1;
        if (between >= 0)
        {
            // The old edge keeps its id and branch, so a decision's branch now leads to the new task.
            execution.Edges[between] = execution.Edges[between] with { ToId = task.Id };
        }
        else if (previous >= 0)
        {
            execution.Edges.Add(new FlowEdge { Id = NewEdgeId(c.PreviousTaskId!, task.Id), FromId = c.PreviousTaskId!, ToId = task.Id });
        }

        if (next >= 0)
        {
            execution.Edges.Add(new FlowEdge { Id = NewEdgeId(task.Id, c.NextTaskId!), FromId = task.Id, ToId = c.NextTaskId });
            edit.ReleasedCurrentTaskIds.Add(c.NextTaskId!);
        }

        graph = new FlowGraph(execution);
        edit.Touch(task);
        edit.Emit(FlowEventType.TaskAdded, new HistoryLine("TaskAdded", context.Actor.DisplayName, task.Name), task.Id, task.PhaseId);
        return null;
    }

    private string NewEdgeId(string from, string to)
    {
        var id = $"{from}->{to}";
        var suffix = 1;
        while (execution.Edges.Exists(e => e.Id == id))
        {
            id = $"{from}->{to}#{++suffix}";
        }

        return id;
    }

    private FlowError? Close(CloseFlow c)
    {
        if (execution.Status == WorkflowStatus.CLOSED)
        {
            return FlowError.Conflict(RefusalText.Of("WorkflowAlreadyClosed", execution.Name));
        }

        var configured = execution.ClosingReason?.ConfiguredReasons ?? [];
        var ids = c.ReasonIds.Distinct(StringComparer.Ordinal).ToList();
        var unknown = ids.Find(id => !configured.Exists(r => r.Id == id));
        if (unknown is not null)
        {
            return FlowError.Invalid(RefusalText.Of("NotAClosingReasonOf", unknown, execution.Name));
        }

        if (execution.SingleClosingReasonSelection == true && ids.Count != 1)
        {
            return FlowError.Invalid(RefusalText.Of("OneClosingReason", execution.Name, ids.Count));
        }

        var selected = ids.ConvertAll(id => configured.Find(r => r.Id == id)!);
        execution.Status = WorkflowStatus.CLOSED;
        execution.Analytics.ClosedAt = Now;
        execution.Analytics.ClosedBy = ActorId;
        execution.ClosingReason ??= new FlowClosingReason();
        execution.ClosingReason.SelectedReasons = selected;
        execution.ClosingReason.ExtraDescription = string.IsNullOrWhiteSpace(c.Text) ? null : c.Text;
        edit.Emit(FlowEventType.FlowCancelled, selected.Count == 0
            ? new HistoryLine("FlowClosed", context.Actor.DisplayName, execution.Name)
            : new HistoryLine("FlowClosedFor", context.Actor.DisplayName, execution.Name, HistoryArg.List(selected.Select(r => r.Title ?? r.Id))), detail: c.Text);
        return null;
    }

    private FlowError? Reopen()
    {
        switch (execution.Status)
        {
            case WorkflowStatus.STARTED:
                return FlowError.Conflict(RefusalText.Of("WorkflowAlreadyOpen", execution.Name));
            case WorkflowStatus.CLOSED:
                execution.Status = graph.AllTasksFinished() ? WorkflowStatus.DONE : WorkflowStatus.STARTED;
                execution.Analytics.ClosedAt = null;
                execution.Analytics.ClosedBy = null;
                if (execution.ClosingReason is not null)
                {
                    execution.ClosingReason.SelectedReasons = null;
                    execution.ClosingReason.ExtraDescription = null;
                }

                edit.Emit(FlowEventType.FlowReopened, new HistoryLine("FlowReopenedBy", context.Actor.DisplayName, execution.Name));
                return null;
            default:
                // DONE means every task is finished, so reopening the workflow reopens the task finished last.
                if (graph.Tasks.Length == 0)
                {
                    return FlowError.Invalid(RefusalText.Of("NoTaskToReopen", execution.Name));
                }

                var last = graph.Topo[^1];
                DateTimeOffset? latest = null;
                foreach (var i in graph.Topo)
                {
                    if (ExecutionEdit.FinishedAt(graph.Tasks[i]) is { } finished && (latest is null || finished >= latest))
                    {
                        (last, latest) = (i, finished);
                    }
                }

                ReopenTask(last, revert: false);
                return null;
        }
    }

    private FlowError? SetPriority(SetPriority c)
    {
        if (RefuseWhenClosed() is { } closed)
        {
            return closed;
        }

        if (c.Priority is { } priority && TaskPriority.Problem(priority) is { } problem)
        {
            return FlowError.Invalid(problem);
        }

        if (FindTask(c.TaskId, out var i) is { } missing)
        {
            return missing;
        }

        var task = graph.Tasks[i];
        task.Priority = c.Priority;
        edit.Touch(task);
        edit.Emit(FlowEventType.TaskPriorityChanged, new HistoryLine("TaskPrioritySet", context.Actor.DisplayName, task.Name, HistoryArg.Rated(TaskPriority.Of(task))), task.Id, task.PhaseId, c.Priority?.ToString(CultureInfo.InvariantCulture));
        return null;
    }

    private FlowError? SetFollowUp(SetFollowUp c)
    {
        if (RefuseWhenClosed() is { } closed)
        {
            return closed;
        }

        if (FindTask(c.TaskId, out var i) is { } missing)
        {
            return missing;
        }

        var task = graph.Tasks[i];
        task.FollowUpDate = c.Date;
        edit.Touch(task);
        var day = c.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        edit.Emit(FlowEventType.TaskFollowUpChanged, day is null
            ? new HistoryLine("TaskFollowUpCleared", context.Actor.DisplayName, task.Name)
            : new HistoryLine("TaskFollowUpSet", context.Actor.DisplayName, task.Name, HistoryArg.On(FlowDueDate.OnDate(c.Date!.Value))), task.Id, task.PhaseId, day);
        return null;
    }

    private FlowError? Delete(DeleteFlow c)
    {
        execution.Deleted = true;
        edit.Emit(FlowEventType.FlowDeleted, new HistoryLine(c.Hard ? "FlowDeletedPermanently" : "FlowDeleted", context.Actor.DisplayName, execution.Name), detail: c.Hard ? "hard" : "soft");
        return null;
    }
}
