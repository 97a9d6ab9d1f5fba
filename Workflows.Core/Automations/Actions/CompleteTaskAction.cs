using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;

namespace Workflows.Core.Automations.Actions;

/// <summary>
/// Completes the task that ran the automation at this point of the run, so the workflow moves on while the remaining
/// actions still run. Without it the task completes when the whole run has succeeded.
/// </summary>
internal sealed class CompleteTaskAction(FlowExecutionService executions) : IActionHandler
{
    public AutomationActionType Type => AutomationActionType.CompleteTask;

    public async Task<string> RunAsync(AutomationAction action, ActionContext context, CancellationToken cancellationToken)
    {
        if (context.Run.ExecutionId is not { } executionId || context.Run.TaskId is not { } taskId)
        {
            throw new ActionSkippedException("This run was not started by a workflow task; there is no task to complete.");
        }

        var completed = await executions.ApplyAsync(executionId, new AutomationCompleted(taskId), context.Actor, null, cancellationToken);
        if (!completed.Succeeded)
        {
            throw new ActionFailedException(completed.Error!);
        }

        return $"Task \"{completed.Value.FindTask(taskId)?.Name}\" completed.";
    }
}
