using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Localization;

namespace Workflows.Core.Flows.Executions;

/// <summary>
/// What "execute this task now" (the spec's <c>…/tasks/{id}/execute</c>) asks of a task, chosen among the task's
/// <see cref="FlowEngine.Actions"/>: an automation task runs its automation, a decision that failed is evaluated again.
/// A person's task and a decision that did not fail have no such command; the refusal says how to move them instead.
/// </summary>
public static class TaskExecution
{
    /// <summary>
    /// The command to send, with the engine's verdict on the workflow as given. Whoever applies it lets the engine judge
    /// again on the workflow as saved, after the version check, since the state may have moved on since.
    /// </summary>
    public static Outcome<TaskCommandOption> Of(FlowExecution execution, string taskId, EngineContext context)
    {
        var options = FlowEngine.Actions(execution, taskId, context);
        if (execution.FindTask(taskId) is not { } task || options.Count == 0)
        {
            return Refusal.NotFound(RefusalText.Of("WorkflowHasNoTask", execution.Name, taskId));
        }

        TaskCommandKind? kind = task.TaskType switch
        {
            TaskType.AUTOMATION => TaskCommandKind.RunAutomation,
            TaskType.DECISION when task.Status == StepStatus.FAILED => TaskCommandKind.Retry,
            _ => null,
        };
        if (options.FirstOrDefault(o => o.Kind == kind) is { } option)
        {
            return option;
        }

        return task.TaskType switch
        {
            TaskType.AUTOMATION => Refusal.Invalid(RefusalText.Of("TaskNamesNoAutomation", task.Name)),
            TaskType.DECISION => Refusal.Invalid(RefusalText.Of("TaskIsDecision", task.Name)),
            _ => Refusal.Invalid(RefusalText.Of("TaskIsManual", task.Name)),
        };
    }
}
