using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;

namespace Workflows.Core.Automations.Actions;

/// <summary>
/// Gives a task of the workflow that ran the automation a priority: the task named by the action, or else the task
/// that ran it. The engine judges it as it judges a person's change, and writes the same history line.
/// </summary>
internal sealed class SetPriorityAction(FlowExecutionService executions) : IActionHandler
{
    public AutomationActionType Type => AutomationActionType.SetPriority;

    public async Task<string> RunAsync(AutomationAction action, ActionContext context, CancellationToken cancellationToken)
    {
        if (context.Run.ExecutionId is not { } executionId || (action.TaskId ?? context.Run.TaskId) is not { } taskId)
        {
            throw new ActionSkippedException("This run was not started by a workflow task; there is no task to give a priority.");
        }

        var set = await executions.ApplyAsync(executionId, new SetPriority(taskId, action.Priority), context.Actor, null, cancellationToken);
        if (!set.Succeeded)
        {
            throw new ActionFailedException(set.Error!);
        }

        return $"Priority of \"{set.Value.FindTask(taskId)?.Name}\" set to {TaskPriority.Describe(action.Priority ?? TaskPriority.Default)}.";
    }
}
