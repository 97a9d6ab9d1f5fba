using Workflows.Core.Flows;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Identity;

namespace Workflows.Core.Automations;

/// <summary>
/// Runs an automation task now, for the sidebar's "Run" and the API's <c>automation:run</c> / <c>execute</c>: the
/// engine marks it started (refusing a locked or finished task), then the run is handed to the job worker.
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
}
