using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows;
using Workflows.Core.Jobs;

namespace Workflows.Core.Automations;

/// <summary>
/// When the worker starts: every SCHEDULED task of a running workflow that has no pending job (scheduled before this
/// database had jobs) gets one, due at its scheduled time.
/// </summary>
internal sealed class ScheduledTaskRepair(
    IDbContextFactory<WorkflowsDbContext> dbFactory, FlowExecutionService executions, JobQueue jobs, FlowSettings settings, TimeProvider clock)
    : IJobStartup
{
    public async Task OnWorkerStartAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scheduled = nameof(StepStatus.SCHEDULED);
        var orphans = await db.FlowTasks.AsNoTracking()
            .Where(t => t.Status == scheduled && t.IsOpen
                && !db.Jobs.Any(j => j.Kind == ScheduledTaskHandler.JobKind && j.ExecutionId == t.ExecutionId && j.TaskId == t.TaskId
                    && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running)))
            .Select(t => new { t.ExecutionId, t.TaskId })
            .ToListAsync(cancellationToken);
        foreach (var orphan in orphans)
        {
            var execution = await executions.GetAsync(orphan.ExecutionId, cancellationToken);
            if (execution?.FindTask(orphan.TaskId) is not { } task)
            {
                continue;
            }

            var primary = execution.PrimaryContext is { } context
                ? await db.EntityRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Id == context.EntityId, cancellationToken)
                : null;
            await jobs.EnqueueAsync(new NewJob(ScheduledTaskHandler.JobKind, AutomationJson.Serialize(new ScheduledTaskPayload(execution.Id, task.Id)))
            {
                RunAt = ScheduleCalculator.DueAt(task, execution, primary, clock.GetUtcNow(), settings.TimeZone),
                IdempotencyKey = $"schedule:{execution.Id}:{task.Id}:{execution.Version}",
                ExecutionId = execution.Id,
                TaskId = task.Id,
                EntityId = execution.PrimaryContext?.EntityId,
            }, cancellationToken);
        }
    }
}
