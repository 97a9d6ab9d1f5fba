using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Identity;
using Workflows.Core.Jobs;

namespace Workflows.Core.Automations;

/// <summary>
/// Starts a SCHEDULED automation task when its time has come (job kind <c>automation-task</c>): the task turns
/// IN_PROGRESS and its run is queued. A task no longer SCHEDULED (cancelled, done by hand) is left alone. A task left
/// IN_PROGRESS without a run by a crash between those two steps gets its run when the job is claimed again.
/// </summary>
public sealed class ScheduledTaskHandler(
    IDbContextFactory<WorkflowsDbContext> dbFactory,
    FlowExecutionService executions,
    AutomationTaskRunner runner,
    IAutomationRunQueue queue,
    TimeProvider clock) : IJobHandler
{
    public const string JobKind = "automation-task";

    public string Kind => JobKind;

    public async Task HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        var (executionId, taskId) = AutomationJson.Deserialize<ScheduledTaskPayload>(context.Job.Payload);
        var execution = await executions.GetAsync(executionId, cancellationToken);
        var task = execution?.FindTask(taskId);
        if (execution is null || task is null)
        {
            return;
        }

        if (task.Status == StepStatus.SCHEDULED)
        {
            var started = await runner.RunAsync(executionId, taskId, Actor.System, null, cancellationToken);
            if (!started.Succeeded)
            {
                throw new JobFailedException(started.Error!, permanent: started.Refusal.Kind != RefusalKind.Conflict);
            }

            return;
        }

        if (task.Status == StepStatus.IN_PROGRESS && task.AutomationExecutionId is { } runId)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await db.AutomationRuns.AnyAsync(r => r.Id == runId, cancellationToken))
            {
                await queue.EnqueueAsync(
                    new AutomationRunRequest(executionId, taskId, task.AutomationConfig?.FlowId, runId, Actor.System.Id, clock.GetUtcNow()),
                    cancellationToken);
            }
        }
    }
}
