using System.Security.Claims;
using Workflows.Core.ClosingReasons;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Identity;
using Workflows.Core.Localization;

namespace Workflows.Core.Flows.Patches;

/// <summary>
/// What a change of a running workflow means: the engine commands it sends, in order, or a refusal. Judged in two steps,
/// as a person reads the request: first what the request breaks on its own (every mistake in one message, before the
/// workflow is loaded, so a bad request is a 400 whether or not the workflow exists), then what it means for the
/// workflow as loaded. Fields the spec lets a request repeat (a task's name, a phase's name) are accepted only unchanged;
/// a request that would change nothing is refused rather than silently accepted.
/// </summary>
public static class ExecutionPatches
{
    /// <summary>Reassigns, re-dates, closes or reopens the workflow: status last, so one request can reassign and close.</summary>
    public static ExecutionPlan ForWorkflow(WorkflowPatch patch)
    {
        var problems = new List<string>(patch.Mistakes);
        if (patch.ChangesContexts)
        {
            problems.Add(RefusalText.Of("WorkflowRecordsFixed"));
        }

        if (patch.Status is { Present: true, Value: WorkflowStatus.DONE })
        {
            problems.Add(RefusalText.Of("WorkflowDoneCannotBeSet"));
        }

        if (patch.ClosingReason is { Present: true, Value: not null } && patch.Status is not { Present: true, Value: WorkflowStatus.CLOSED })
        {
            problems.Add(RefusalText.Of("ClosingReasonNeedsClosed"));
        }

        if (Refused(problems) is { } refused)
        {
            return refused;
        }

        var planning = patch.PlanningOf(FlowItemRef.Workflow).ToList();
        return ExecutionPlan.For(execution =>
        {
            var commands = new List<FlowCommand>(planning);
            // Status only when it differs, so a client may send the status it sees beside other changes.
            if (patch.Status is { Present: true, Value: var status } && status != execution.Status)
            {
                var closing = patch.ClosingReason.Value;
                commands.Add(status == WorkflowStatus.CLOSED
                    ? new CloseFlow([.. (closing?.SelectedReasons ?? []).Select(r => r.Id)], closing?.ExtraDescription)
                    : new ReopenFlow());
            }

            return NothingChanged(commands, "status, assigned_to, closing_reason, due_date or due_date_config");
        });
    }

    /// <summary>
    /// Works a task (a status, or the branch of a decision) and plans it (assignees, due date). Working needs the task
    /// to be the user's (<see cref="TaskAccess.MayWork"/>); planning needs <see cref="Permission.ManageWorkflows"/>.
    /// </summary>
    public static ExecutionPlan ForTask(string taskId, TaskPatch patch, ClaimsPrincipal user)
    {
        // Refused before the body's own mistakes: whatever else it says, this user may not ask it.
        if (patch.NamesPlanning && !AccessPolicy.Allows(user, Permission.ManageWorkflows))
        {
            return Refusal.Forbidden(RefusalText.Of("PartnerChangesStatusOnly"));
        }

        var problems = new List<string>(patch.Mistakes);
        if (patch.NextConditionId is not null && patch.Status is { Present: true, Value: not StepStatus.COMPLETED })
        {
            problems.Add(RefusalText.Of("NextConditionCompletes"));
        }

        if (patch.Priority.Value is { } priority && TaskPriority.Problem(priority) is { } priorityProblem)
        {
            problems.Add(priorityProblem);
        }

        if (Refused(problems) is { } refused)
        {
            return refused;
        }

        var commands = patch.PlanningOf(FlowItemRef.Task(taskId)).ToList();
        if (patch.Priority.Present)
        {
            commands.Add(new SetPriority(taskId, patch.Priority.Value));
        }

        if (patch.FollowUpDate.Present)
        {
            commands.Add(new SetFollowUp(taskId, patch.FollowUpDate.Value));
        }

        if (patch.NextConditionId is { } branch)
        {
            commands.Add(new ChooseDecisionBranch(taskId, branch));
        }
        else if (patch.Status.Present)
        {
            commands.Add(new SetTaskStatus(taskId, patch.Status.Value, patch.RevertExecution));
        }

        var scope = TaskAccess.AssigneeScope(user);
        return ExecutionPlan.For(execution =>
            (TaskAccess.MayWork(execution, taskId, scope) ?? Unchanged(execution, taskId, patch)) is { } refusal
                ? refusal
                : NothingChanged(commands, "status, next_condition_id, assigned_to, due_date, due_date_config, priority or follow_up_date"));
    }

    /// <summary>Reassigns or re-dates a phase.</summary>
    public static ExecutionPlan ForPhase(string phaseId, PhasePatch patch)
    {
        if (Refused(patch.Mistakes) is { } refused)
        {
            return refused;
        }

        var commands = patch.PlanningOf(FlowItemRef.Phase(phaseId)).ToList();
        return ExecutionPlan.For(execution =>
        {
            if (execution.FindPhase(phaseId) is not { } phase)
            {
                return Refusal.NotFound(RefusalText.Of("WorkflowHasNoPhase", execution.Name, phaseId));
            }

            return patch.Name.Present && patch.Name.Value != phase.Name
                ? Refusal.Invalid(RefusalText.Of("PhaseNameFixed", phase.Name))
                : NothingChanged(commands, "assigned_to, due_date or due_date_config");
        });
    }

    /// <summary>
    /// Adds a MANUAL task, then gives it its due-date rule and a status past the start (a task begins PENDING,
    /// whether or not it is assigned).
    /// </summary>
    public static ExecutionPlan ForNewTask(NewTaskPatch task)
    {
        var problems = new List<string>(task.Mistakes);
        if (task.Type.Present && task.Type.Value != TaskType.MANUAL)
        {
            problems.Add(RefusalText.Of("OnlyManualTasksAdded"));
        }

        if (task.NamesAutomation)
        {
            problems.Add(RefusalText.Of("AddedTaskRunsNoAutomation"));
        }

        if (Refused(problems) is { } refused)
        {
            return refused with { Message = "task: " + refused.Message };
        }

        var commands = new List<FlowCommand>
        {
            new AddManualTask(task.Id, task.Name!, task.PreviousTaskId, task.NextTaskId)
            {
                PhaseId = task.PhaseId, DueDate = task.DueDate?.Date, AssignedTo = task.AssignedTo.Value,
            },
        };
        if (task.DueDate is { Config: not null } rule)
        {
            commands.Add(rule.For(FlowItemRef.Task(task.Id)));
        }

        if (task.Status.Present && task.Status.Value is not (StepStatus.PENDING or StepStatus.UNASSIGNED or StepStatus.ASSIGNED))
        {
            commands.Add(new SetTaskStatus(task.Id, task.Status.Value));
        }

        return ExecutionPlan.For(_ => commands);
    }

    /// <summary>Why the task's fixed fields in the patch differ from the task; null when they are absent or unchanged.</summary>
    private static Refusal? Unchanged(FlowExecution execution, string taskId, TaskPatch patch)
    {
        if (execution.FindTask(taskId) is not { } task)
        {
            return Refusal.NotFound(RefusalText.Of("WorkflowHasNoTask", execution.Name, taskId));
        }

        if (patch.Name.Present && patch.Name.Value != task.Name)
        {
            return Refusal.Invalid(RefusalText.Of("TaskNameFixed", task.Name));
        }

        if (patch.Description.Present && patch.Description.Value != task.Description)
        {
            return Refusal.Invalid(RefusalText.Of("TaskDescriptionFixed", task.Name));
        }

        if (patch.Enabled.Present && patch.Enabled.Value != task.Enabled)
        {
            return Refusal.Invalid(RefusalText.Of("TaskEnabledFollows", task.Name));
        }

        return patch.NamesFixedSettings ? Refusal.Invalid(RefusalText.Of("TaskSettingsFixed")) : null;
    }

    private static Outcome<IReadOnlyList<FlowCommand>> NothingChanged(List<FlowCommand> commands, string fields) =>
        commands.Count == 0 ? Refusal.Invalid(RefusalText.Of("PatchChangesNothing", fields)) : commands;

    private static Refusal? Refused(IReadOnlyList<string> problems) =>
        problems.Count == 0 ? null : Refusal.Invalid(string.Join(" ", problems));
}
