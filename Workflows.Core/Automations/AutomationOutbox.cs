using Microsoft.EntityFrameworkCore;
using Workflows.Core.Entities;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows;
using Workflows.Core.Jobs;

namespace Workflows.Core.Automations;

/// <summary>
/// The automations' outbox: inside the transaction of a workflow or record change it adds the jobs that change
/// causes, so they are committed (or rolled back) with it and no event is lost to a crash. A SCHEDULED automation task
/// gets a job due at its scheduled time; a cancelled schedule cancels that job; an event some enabled automation
/// listens to gets a job that fans it out to the matching automations.
/// </summary>
internal sealed class AutomationOutbox(JobQueue jobs, FlowSettings settings, TimeProvider clock, AutomationListeners listeners) : IFlowCommitHook, IEntityCommitHook
{
    public const string EventJobKind = "automation-event";

    public async Task OnCommitAsync(FlowCommit commit, CancellationToken cancellationToken)
    {
        var (db, execution) = (commit.Db, commit.Execution);
        var now = clock.GetUtcNow();
        foreach (var e in commit.Events)
        {
            switch (e.Type)
            {
                case FlowEventType.AutomationTaskScheduled when execution.FindTask(e.TaskId ?? "") is { Status: StepStatus.SCHEDULED } task:
                    var runAt = e.Detail == "retry" ? now : ScheduleCalculator.DueAt(task, execution, commit.Primary, now, settings.TimeZone);
                    jobs.Add(db, new NewJob(ScheduledTaskHandler.JobKind, AutomationJson.Serialize(new ScheduledTaskPayload(execution.Id, task.Id)))
                    {
                        RunAt = runAt,
                        IdempotencyKey = $"schedule:{execution.Id}:{task.Id}:{execution.Version}",
                        ExecutionId = execution.Id,
                        TaskId = task.Id,
                        EntityId = execution.PrimaryContext?.EntityId,
                    });
                    break;
                case FlowEventType.AutomationScheduleCancelled:
                    var pending = await db.Jobs
                        .Where(j => j.Kind == ScheduledTaskHandler.JobKind && j.ExecutionId == execution.Id && j.TaskId == e.TaskId && j.Status == JobStatus.Queued)
                        .ToListAsync(cancellationToken);
                    foreach (var job in pending)
                    {
                        job.Status = JobStatus.Cancelled;
                        job.FinishedAt = now;
                        job.LastError = $"Cancelled by {e.Actor.DisplayName}.";
                    }

                    break;
                default:
                    if (TriggerFor(e.Type) is { } type && await listeners.ListensAsync(type, cancellationToken))
                    {
                        var task = e.TaskId is null ? null : execution.FindTask(e.TaskId);
                        var phase = e.PhaseId is null ? null : execution.FindPhase(e.PhaseId);
                        AddEvent(db, new AutomationEvent
                        {
                            Type = type,
                            At = e.At,
                            ActorId = e.Actor.UserId,
                            ActorName = e.Actor.DisplayName,
                            EntityId = commit.Primary?.Id ?? execution.PrimaryContext?.EntityId,
                            EntitySchema = commit.Primary?.Schema ?? execution.PrimaryContext?.EntitySchema,
                            ExecutionId = execution.Id,
                            TemplateId = execution.FlowTemplateId,
                            TaskId = e.TaskId,
                            TaskName = task?.Name,
                            PhaseId = e.PhaseId,
                            PhaseName = phase?.Name,
                        });
                    }

                    break;
            }
        }
    }

    public async Task OnCommitAsync(EntityCommit commit, CancellationToken cancellationToken)
    {
        var type = commit.Created ? AutomationTriggerType.EntityCreated : AutomationTriggerType.EntityUpdated;
        if (!await listeners.ListensAsync(type, cancellationToken))
        {
            return;
        }

        AddEvent(commit.Db, new AutomationEvent
        {
            Type = type,
            At = clock.GetUtcNow(),
            ActorId = commit.Actor.Id,
            ActorName = commit.Actor.Name,
            EntityId = commit.Record.Id,
            EntitySchema = commit.Record.Schema,
            ChangedAttributes = [.. commit.ChangedAttributes],
        });
    }

    private void AddEvent(Data.WorkflowsDbContext db, AutomationEvent e) =>
        jobs.Add(db, new NewJob(EventJobKind, AutomationJson.Serialize(e))
        {
            IdempotencyKey = $"event:{e.Id}",
            ExecutionId = e.ExecutionId,
            TaskId = e.TaskId,
            EntityId = e.EntityId,
        });

    private static AutomationTriggerType? TriggerFor(FlowEventType type) => type switch
    {
        FlowEventType.FlowStarted => AutomationTriggerType.FlowStarted,
        FlowEventType.TaskCompleted => AutomationTriggerType.TaskCompleted,
        FlowEventType.PhaseCompleted => AutomationTriggerType.PhaseCompleted,
        FlowEventType.FlowCompleted => AutomationTriggerType.FlowCompleted,
        FlowEventType.FlowCancelled => AutomationTriggerType.FlowCancelled,
        FlowEventType.JourneySubmitted => AutomationTriggerType.JourneySubmitted,
        _ => null,
    };
}
