using System.Security.Claims;
using Workflows.Core.ClosingReasons;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Identity;

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
            problems.Add("The records of a running workflow cannot be changed; start a new workflow on the other records.");
        }

        if (patch.Status is { Present: true, Value: WorkflowStatus.DONE })
        {
            problems.Add("A workflow becomes DONE when every task is finished; it cannot be set. Use CLOSED to end it early.");
        }

        if (patch.ClosingReason is { Present: true, Value: not null } && patch.Status is not { Present: true, Value: WorkflowStatus.CLOSED })
        {
            problems.Add("'closing_reason' goes with \"status\": \"CLOSED\".");
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
            return Refusal.Forbidden("A partner may change the status of their tasks, not their assignees, due dates, priority or follow-up date.");
        }

        var problems = new List<string>(patch.Mistakes);
        if (patch.NextConditionId is not null && patch.Status is { Present: true, Value: not StepStatus.COMPLETED })
        {
            problems.Add("'next_condition_id' completes a decision; leave out 'status' or send COMPLETED.");
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
                return Refusal.NotFound($"Workflow '{execution.Name}' has no phase '{phaseId}'.");
            }

            return patch.Name.Present && patch.Name.Value != phase.Name
                ? Refusal.Invalid($"The name of phase '{phase.Name}' cannot be changed in a running workflow.")
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
            problems.Add("Only MANUAL tasks can be added to a running workflow.");
        }

        if (task.NamesAutomation)
        {
            problems.Add("A task added by hand runs no automation; leave out 'automation_config'.");
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
            return Refusal.NotFound($"Workflow '{execution.Name}' has no task '{taskId}'.");
        }

        if (patch.Name.Present && patch.Name.Value != task.Name)
        {
            return Refusal.Invalid($"The name of '{task.Name}' cannot be changed in a running workflow.");
        }

        if (patch.Description.Present && patch.Description.Value != task.Description)
        {
            return Refusal.Invalid($"The description of '{task.Name}' cannot be changed in a running workflow.");
        }

        if (patch.Enabled.Present && patch.Enabled.Value != task.Enabled)
        {
            return Refusal.Invalid($"Whether '{task.Name}' is enabled follows from its requirements; it cannot be set.");
        }

        return patch.NamesFixedSettings ? Refusal.Invalid("automation_config, ecp and installer cannot be changed on a running task.") : null;
    }

    private static Outcome<IReadOnlyList<FlowCommand>> NothingChanged(List<FlowCommand> commands, string fields) =>
        commands.Count == 0 ? Refusal.Invalid($"The patch changes nothing; send {fields}.") : commands;

    private static Refusal? Refused(IReadOnlyList<string> problems) =>
        problems.Count == 0 ? null : Refusal.Invalid(string.Join(" ", problems));
}
