using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;
using Workflows.Core.Jobs;

namespace Workflows.Core.Automations;

/// <summary>
/// Fans an event out (job kind <c>automation-event</c>): one run per enabled automation with a matching trigger.
/// Each run's idempotency key is (event, automation), so an event delivered twice runs each automation once.
/// </summary>
internal sealed class AutomationEventHandler(IDbContextFactory<WorkflowsDbContext> dbFactory, AutomationDispatcher dispatcher) : IJobHandler
{
    public string Kind => AutomationOutbox.EventJobKind;

    public async Task HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        var e = AutomationJson.Deserialize<AutomationEvent>(context.Job.Payload);
        var kind = $"|{e.Type}|";
        List<Automation> candidates;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            candidates = await db.Automations.AsNoTracking()
                .Where(a => a.Enabled && a.TriggerKinds.Contains(kind))
                .OrderBy(a => a.Name)
                .ToListAsync(cancellationToken);
        }

        foreach (var automation in candidates.Where(a => a.Triggers.Exists(t => t.Matches(e))))
        {
            await dispatcher.DispatchAsync(new RunRequest(automation.Id, e, $"{e.Id}:{automation.Id}", Describe(e)), cancellationToken);
        }
    }

    public static string Describe(AutomationEvent e)
    {
        var by = e.ActorName is { Length: > 0 } actor ? $" by {actor}" : "";
        return e.Type switch
        {
            AutomationTriggerType.EntityCreated => $"{e.EntitySchema} created{by}",
            AutomationTriggerType.EntityUpdated => $"{e.EntitySchema} updated{by} ({string.Join(", ", e.ChangedAttributes ?? [])})",
            AutomationTriggerType.TaskCompleted => $"Task \"{e.TaskName ?? e.TaskId}\" completed{by}",
            AutomationTriggerType.PhaseCompleted => $"Phase \"{e.PhaseName ?? e.PhaseId}\" completed",
            AutomationTriggerType.FlowStarted => $"Workflow started{by}",
            AutomationTriggerType.FlowCompleted => "Workflow completed",
            AutomationTriggerType.FlowCancelled => $"Workflow closed{by}",
            _ => $"Run{by}",
        };
    }
}
