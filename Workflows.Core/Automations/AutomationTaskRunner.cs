using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Identity;

namespace Workflows.Core.Automations;

/// <summary>
/// Runs an automation task now, for the sidebar's "Run" and the API's <c>automation:run</c> / <c>execute</c>: the
/// engine marks it started (refusing a locked or finished task), then the run is handed to the job worker. The API's
/// <c>execute</c> also evaluates a failed decision again.
/// </summary>
public sealed class AutomationTaskRunner(FlowExecutionService executions, IAutomationRunQueue queue, TimeProvider clock)
{
    public async Task<Outcome<FlowExecution>> RunAsync(
        string executionId, string taskId, Actor actor, int? expectedVersion, CancellationToken cancellationToken,
        Func<FlowExecution, Refusal?>? guard = null)
    {
        var runId = Guid.NewGuid().ToString();
        var started = await executions.ApplyAllAsync(
            executionId, [new AutomationStarted(taskId, runId)], actor, expectedVersion, cancellationToken, guard);
        if (!started.Succeeded)
        {
            return started;
        }

        var task = started.Value.FindTask(taskId);
        await queue.EnqueueAsync(
            new AutomationRunRequest(executionId, taskId, task?.AutomationConfig?.FlowId, runId, actor.Id, clock.GetUtcNow())
            {
                RequestedByName = actor.Id == Actor.System.Id ? "the schedule" : actor.Name,
            },
            cancellationToken);
        return started;
    }

    /// <summary>
    /// "Execute this task now" (<see cref="TaskExecution"/>): runs an automation task, evaluates a failed decision again.
    /// <paramref name="scope"/> confines a partner to their own tasks (<see cref="TaskAccess"/>); anything else is "not found".
    /// </summary>
    public async Task<Outcome<FlowExecution>> ExecuteAsync(
        string executionId, string taskId, Actor actor, IReadOnlyList<string>? scope, int? expectedVersion, CancellationToken cancellationToken)
    {
        var execution = await executions.GetAsync(executionId, cancellationToken);
        if (execution is null || !TaskAccess.MaySee(execution, scope))
        {
            return TaskAccess.NoWorkflow(executionId);
        }

        Refusal? Guard(FlowExecution x) => TaskAccess.MayWork(x, taskId, scope);
        var chosen = Guard(execution) is { } hidden
            ? hidden
            : TaskExecution.Of(execution, taskId, new EngineContext(clock.GetUtcNow(), new FlowActor(actor.Id, actor.Name)));
        if (!chosen.Succeeded)
        {
            return chosen.Refusal;
        }

        return chosen.Value.Kind == TaskCommandKind.RunAutomation
            ? await RunAsync(executionId, taskId, actor, expectedVersion, cancellationToken, Guard)
            : await executions.ApplyAllAsync(executionId, [chosen.Value.Command], actor, expectedVersion, cancellationToken, Guard);
    }
}
