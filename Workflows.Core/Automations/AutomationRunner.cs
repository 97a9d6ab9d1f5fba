using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflows.Core.Automations.Actions;
using Workflows.Core.Data;
using Workflows.Core.Entities;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Identity;
using Workflows.Core.Jobs;

namespace Workflows.Core.Automations;

/// <summary>
/// Runs an automation run (job kind <c>automation-run</c>): its actions in order, each logged with status, duration
/// and what it did. A run that is claimed again (a crash, a retry, a re-run) skips the actions that already succeeded,
/// so their effects happen once. The task that started the run follows it: COMPLETED when it succeeds, FAILED with
/// the reason when it fails for good.
/// </summary>
public sealed class AutomationRunner(
    IDbContextFactory<WorkflowsDbContext> dbFactory,
    IEnumerable<IActionHandler> actionHandlers,
    FlowExecutionService executions,
    AutomationDispatcher dispatcher,
    TimeProvider clock) : IJobHandler
{
    private readonly Dictionary<AutomationActionType, IActionHandler> handlers = actionHandlers.ToDictionary(h => h.Type);

    public string Kind => AutomationDispatcher.RunJobKind;

    public async Task HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        var runId = AutomationJson.Deserialize<RunJobPayload>(context.Job.Payload).RunId;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.AutomationRuns.SingleOrDefaultAsync(r => r.Id == runId, cancellationToken)
            ?? throw new JobFailedException($"The automation run {runId} no longer exists.", permanent: true);
        var automation = await db.Automations.AsNoTracking().SingleOrDefaultAsync(a => a.Id == run.AutomationId, cancellationToken);
        if (automation is null)
        {
            throw new JobFailedException(
                string.IsNullOrEmpty(run.AutomationId) ? "The task names no automation to run." : $"There is no automation \"{run.AutomationId}\".",
                permanent: true);
        }

        if (!automation.Enabled)
        {
            throw new JobFailedException(
                $"Automation \"{automation.Name}\" is disabled{(automation.DisabledReason is { } why ? $": {why}" : ".")}", permanent: true);
        }

        run.AutomationName = automation.Name;
        run.Status = AutomationRunStatus.Running;
        run.Attempts = context.Job.Attempts;
        run.StartedAt ??= clock.GetUtcNow();
        run.Error = null;
        await db.SaveChangesAsync(cancellationToken);
        dispatcher.Announce(run.EntityId);

        var (scope, depth) = await ScopeAsync(db, run, automation, cancellationToken);
        var actor = Actor.Automation(automation.Id, automation.Name);
        var actionContext = new ActionContext(run, scope, actor) { ChainDepth = depth };
        foreach (var action in automation.Actions)
        {
            if (run.Actions.Exists(l => l.ActionId == action.Id && l.Status != ActionStatus.Failed))
            {
                continue;
            }

            var log = await RunActionAsync(action, actionContext, context.Job.Attempts, cancellationToken);
            run.Actions = [.. run.Actions.Where(l => l.ActionId != action.Id), log.Entry];
            await db.SaveChangesAsync(cancellationToken);
            dispatcher.Announce(run.EntityId);
            if (log.Failure is { } failure)
            {
                throw failure;
            }

            await context.KeepLeaseAsync(cancellationToken);
            // Later actions see what earlier ones wrote (an updated attribute, a completed task).
            if (action.Type is AutomationActionType.UpdateEntity or AutomationActionType.CompleteTask or AutomationActionType.AssignRoundRobin)
            {
                (scope, depth) = await ScopeAsync(db, run, automation, cancellationToken);
                actionContext = actionContext with { Scope = scope };
            }
        }

        run.Status = AutomationRunStatus.Succeeded;
        run.FinishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        if (run.ExecutionId is { } executionId && run.TaskId is { } taskId)
        {
            // Refused when a "complete task" action already completed it, or someone reset it meanwhile: then there is nothing to follow.
            await executions.ApplyAsync(executionId, new AutomationCompleted(taskId), actor, null, cancellationToken);
        }

        dispatcher.Announce(run.EntityId);
    }

    public async Task OnFailedAsync(Job job, string error, bool final, DateTimeOffset? nextAttempt, CancellationToken cancellationToken)
    {
        var runId = AutomationJson.Deserialize<RunJobPayload>(job.Payload).RunId;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.AutomationRuns.SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null)
        {
            return;
        }

        run.Status = final ? AutomationRunStatus.Failed : AutomationRunStatus.Retrying;
        run.Error = final ? error : $"Attempt {job.Attempts} of {job.MaxAttempts} failed: {error} Next attempt at {nextAttempt:yyyy-MM-dd HH:mm:ss} UTC.";
        run.FinishedAt = final ? clock.GetUtcNow() : null;
        await db.SaveChangesAsync(cancellationToken);
        if (final && run.ExecutionId is { } executionId && run.TaskId is { } taskId)
        {
            var actor = Actor.Automation(run.AutomationId, run.AutomationName);
            await executions.ApplyAsync(executionId, new AutomationFailed(taskId, error), actor, null, cancellationToken);
        }

        dispatcher.Announce(run.EntityId);
    }

    private async Task<(ActionLog Entry, JobFailedException? Failure)> RunActionAsync(
        AutomationAction action, ActionContext context, int attempt, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        var watch = Stopwatch.StartNew();
        ActionLog Log(ActionStatus status, string? message) => new()
        {
            ActionId = action.Id,
            Type = action.Type,
            Label = action.Describe(),
            Status = status,
            StartedAt = started,
            DurationMs = watch.ElapsedMilliseconds,
            Message = message,
            Attempt = attempt,
        };

        if (!handlers.TryGetValue(action.Type, out var handler))
        {
            var message = $"No handler carries out {action.Type} actions.";
            return (Log(ActionStatus.Failed, message), new JobFailedException(message, permanent: true));
        }

        try
        {
            return (Log(ActionStatus.Succeeded, await handler.RunAsync(action, context, cancellationToken)), null);
        }
        catch (ActionSkippedException skipped)
        {
            return (Log(ActionStatus.Skipped, skipped.Message), null);
        }
        catch (ActionFailedException failed)
        {
            return (Log(ActionStatus.Failed, failed.Message), new JobFailedException($"{action.Describe()}: {failed.Message}", permanent: !failed.Transient));
        }
        catch (Exception unexpected) when (unexpected is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (Log(ActionStatus.Failed, unexpected.Message), new JobFailedException($"{action.Describe()}: {unexpected.Message}", permanent: false));
        }
    }

    private async Task<(TemplateScope Scope, int ChainDepth)> ScopeAsync(
        WorkflowsDbContext db, AutomationRun run, Automation automation, CancellationToken cancellationToken)
    {
        var entity = run.EntityId is null ? null
            : await db.EntityRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Id == run.EntityId && r.DeletedAt == null, cancellationToken);
        var schema = entity is null ? null
            : await db.EntitySchemas.AsNoTracking().SingleOrDefaultAsync(s => s.Slug == entity.Schema, cancellationToken);
        var relations = schema is null ? [] : RecordRelations.AttributesOf(schema);
        var relatedIds = entity is null ? [] : RelatedIds(entity, relations).ToList();
        var related = relatedIds.Count == 0 ? new Dictionary<string, EntityRecord>()
            : await db.EntityRecords.AsNoTracking().Where(r => relatedIds.Contains(r.Id) && r.DeletedAt == null).ToDictionaryAsync(r => r.Id, cancellationToken);
        var workflow = run.ExecutionId is null ? null : await executions.GetAsync(run.ExecutionId, cancellationToken);
        var scope = new TemplateScope
        {
            Entity = entity,
            Related = related,
            Workflow = workflow,
            Task = run.TaskId is null ? null : workflow?.FindTask(run.TaskId),
            AutomationId = automation.Id,
            AutomationName = automation.Name,
            Event = run.Event,
        };
        return (scope, workflow?.ExecutionChain?.Depth ?? 0);
    }

    /// <summary>The ids relation attributes point at, for <c>{{entity.contact.email}}</c>.</summary>
    private static IEnumerable<string> RelatedIds(EntityRecord entity, IReadOnlyList<string> relations) =>
        relations.SelectMany(name => RecordRelations.Ids(entity.Attributes[name])).Distinct().Take(RecordRelations.MaxIds);
}
