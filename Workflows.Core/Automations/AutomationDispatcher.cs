using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflows.Core.Data;
using Workflows.Core.Jobs;
using Workflows.Core.Notifications;
using Workflows.Core.Localization;

namespace Workflows.Core.Automations;

/// <summary>
/// Turns "run this automation for this event" into a run row and its job, in one transaction, at most once per
/// idempotency key. Also the loop breaker: an automation asked to run more often than its limit
/// (<see cref="AutomationLimits.LimitOf"/>) within <see cref="AutomationLimits.Window"/> is disabled and its owner told
/// what tripped it and how to switch it on again. It is the durable <see cref="IAutomationRunQueue"/> behind "Run automation" on a task.
/// </summary>
public sealed class AutomationDispatcher(
    IDbContextFactory<WorkflowsDbContext> dbFactory,
    JobQueue jobs,
    JobSignal signal,
    NotificationService notifications,
    TimeProvider clock,
    IOptions<AutomationLimits> limitOptions,
    ILogger<AutomationDispatcher> logger) : IAutomationRunQueue
{
    public const string RunJobKind = "automation-run";

    /// <summary>Raised after a run was created or changed, with its record's id, for live pages.</summary>
    public event Action<string?>? RunChanged;

    public async Task EnqueueAsync(AutomationRunRequest run, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var execution = await db.FlowExecutions.AsNoTracking()
            .Where(e => e.Id == run.ExecutionId)
            .Select(e => new { e.PrimaryEntityId, e.PrimarySchema, e.TemplateId })
            .SingleOrDefaultAsync(cancellationToken);
        var taskName = await db.FlowTasks.AsNoTracking()
            .Where(t => t.ExecutionId == run.ExecutionId && t.TaskId == run.TaskId)
            .Select(t => t.Name)
            .SingleOrDefaultAsync(cancellationToken);
        var actorName = run.RequestedByName
            ?? await db.Users.Where(u => u.Id == run.RequestedBy).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken)
            ?? run.RequestedBy;
        var trigger = new AutomationEvent
        {
            Id = run.AutomationExecutionId,
            Type = AutomationTriggerType.Manual,
            At = run.RequestedAt,
            ActorId = run.RequestedBy,
            ActorName = actorName,
            EntityId = execution?.PrimaryEntityId,
            EntitySchema = execution?.PrimarySchema,
            ExecutionId = run.ExecutionId,
            TemplateId = execution?.TemplateId,
            TaskId = run.TaskId,
            TaskName = taskName,
        };
        await DispatchAsync(
            new RunRequest(run.AutomationFlowId ?? "", trigger, $"task-run:{run.AutomationExecutionId}", $"Task \"{taskName ?? run.TaskId}\" run by {actorName}")
            {
                RunId = run.AutomationExecutionId,
                ExecutionId = run.ExecutionId,
                TaskId = run.TaskId,
                RequestedBy = actorName,
            },
            cancellationToken);
    }

    /// <summary>Creates the run and its job; null when the key was used before or the automation may not run.</summary>
    public async Task<AutomationRun?> DispatchAsync(RunRequest request, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Jobs.AnyAsync(j => j.IdempotencyKey == request.IdempotencyKey, cancellationToken))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var automation = await db.Automations.SingleOrDefaultAsync(a => a.Id == request.AutomationId, cancellationToken);
        if (automation is null && !request.ForTask)
        {
            return null;
        }

        Automation? stopped = null;
        if (automation is { Enabled: true })
        {
            var limits = limitOptions.Value;
            var limit = limits.LimitOf(automation);
            var since = now - limits.Window;
            var recent = await db.AutomationRuns.CountAsync(r => r.AutomationId == automation.Id && r.CreatedAt > since, cancellationToken);
            if (recent >= limit)
            {
                automation.Enabled = false;
                automation.DisabledReason =
                    $"Switched off at {now:yyyy-MM-dd HH:mm:ss} UTC: it was asked to run {recent + 1} times in {limits.Window.TotalSeconds:0} seconds, " +
                    $"more than its limit of {limit} (max executions), which looks like a loop. If it was real work, such as an import, raise " +
                    "\"Max executions\" on the automation's page; otherwise fix the loop. Then switch it on again there with \"Enable again\" " +
                    "(or the Enabled switch, and save).";
                automation.UpdatedAt = now;
                automation.UpdatedBy = "Workflows";
                automation.Version++;
                stopped = automation;
            }
        }

        AutomationRun? run = null;
        if (automation is { Enabled: true } || request.ForTask)
        {
            var job = jobs.Add(db, new NewJob(RunJobKind, AutomationJson.Serialize(new RunJobPayload(request.RunId)))
            {
                IdempotencyKey = request.IdempotencyKey,
                ExecutionId = request.ExecutionId,
                TaskId = request.TaskId,
                EntityId = request.Event.EntityId,
            });
            run = new AutomationRun
            {
                Id = request.RunId,
                AutomationId = request.AutomationId,
                AutomationName = automation?.Name ?? request.AutomationId,
                TriggerType = request.Event.Type,
                TriggerSummary = request.TriggerSummary,
                EntityId = request.Event.EntityId,
                EntitySchema = request.Event.EntitySchema,
                ExecutionId = request.ExecutionId ?? request.Event.ExecutionId,
                TaskId = request.TaskId,
                Event = request.Event,
                JobId = job.Id,
                CreatedAt = now,
                RequestedBy = request.RequestedBy ?? request.Event.ActorName,
            };
            db.AutomationRuns.Add(run);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (await KeyUsedAsync(request.IdempotencyKey, cancellationToken))
            {
                // Another instance dispatched the same key between our check and our insert: the unique index kept one.
                return null;
            }

            throw;
        }

        if (stopped is not null)
        {
            logger.LogWarning("Automation {Automation} was disabled: {Reason}", stopped.Id, stopped.DisabledReason);
            await notifications.NotifyAsync(
                stopped.OwnerId is { } owner ? [owner] : [], "automation-disabled",
                () => new(Languages.Text<CoreText>("AutomationSwitchedOff", stopped.Name), stopped.DisabledReason),
                $"/automations/{stopped.Id}", cancellationToken);
        }

        if (run is not null)
        {
            signal.Notify();
            RunChanged?.Invoke(run.EntityId);
        }

        return run;
    }

    /// <summary>Tells live pages that a run of a record changed.</summary>
    public void Announce(string? entityId) => RunChanged?.Invoke(entityId);

    private async Task<bool> KeyUsedAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Jobs.AnyAsync(j => j.IdempotencyKey == key, cancellationToken);
    }
}
