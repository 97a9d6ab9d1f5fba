using System.Text.Json;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;

namespace Workflows.Core.Flows.Engine;

/// <summary>
/// What can be done to a task: every command a person could send for it, each judged by applying it to a copy of the
/// execution. The verdict is the engine's own, so a menu, a bulk bar or an endpoint that offers only what this allows
/// never offers a command the engine then refuses, and a refusal carries the engine's reason ("Waits for: …").
/// </summary>
internal static class TaskCommands
{
    public static IReadOnlyList<TaskCommandOption> Judge(FlowExecution execution, string taskId, EngineContext context)
    {
        if (execution.FindTask(taskId) is not { } task)
        {
            return [];
        }

        var document = JsonSerializer.SerializeToUtf8Bytes(execution, FlowJson.Options);
        return [.. Candidates(task).Select(c => new TaskCommandOption(c.Kind, c.Command, FlowEngine.Apply(Copy(document), c.Command, context).Error))];
    }

    private static IEnumerable<(TaskCommandKind Kind, FlowCommand Command)> Candidates(ExecutionTask task)
    {
        yield return (TaskCommandKind.Complete, new SetTaskStatus(task.Id, StepStatus.COMPLETED));
        yield return (TaskCommandKind.MarkInProgress, new SetTaskStatus(task.Id, StepStatus.IN_PROGRESS));
        yield return (TaskCommandKind.Skip, new SetTaskStatus(task.Id, StepStatus.SKIPPED));
        yield return (TaskCommandKind.PutOnHold, new SetTaskStatus(task.Id, StepStatus.ON_HOLD));
        if (task.Status == StepStatus.ON_HOLD)
        {
            yield return (TaskCommandKind.Resume, new SetTaskStatus(task.Id, StepStatus.PENDING));
        }

        if (task.IsFinished)
        {
            yield return (TaskCommandKind.Reopen, new SetTaskStatus(task.Id, StepStatus.PENDING));
        }

        foreach (var branch in task.Conditions ?? [])
        {
            yield return (TaskCommandKind.ChooseBranch, new ChooseDecisionBranch(task.Id, branch.Id));
        }

        if (task.AutomationConfig?.FlowId is not null)
        {
            yield return (TaskCommandKind.RunAutomation, new AutomationStarted(task.Id));
        }

        yield return (TaskCommandKind.CancelSchedule, new CancelSchedule(task.Id));
        yield return (TaskCommandKind.Retry, new RetryTask(task.Id));
    }

    private static FlowExecution Copy(byte[] document) =>
        JsonSerializer.Deserialize<FlowExecution>(document, FlowJson.Options)
        ?? throw new InvalidOperationException("An execution did not survive its own copy.");
}
