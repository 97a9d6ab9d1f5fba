using Microsoft.EntityFrameworkCore;
using Workflows.Core.Automations.Webhooks;
using Workflows.Core.Data;
using Workflows.Core.Identity;
using Workflows.Core.Jobs;
using Workflows.Core.Localization;

namespace Workflows.Core.Automations;

/// <summary>
/// Automations and their runs: list, validate and save (refusing stale versions), delete, run by hand, re-run. What it
/// hands out carries no webhook signing key, only whether one is set.
/// </summary>
public sealed class AutomationService(
    IDbContextFactory<WorkflowsDbContext> dbFactory, AutomationDispatcher dispatcher, JobQueue jobs, TimeProvider clock,
    AutomationListeners listeners, WebhookAddressPolicy webhookAddresses, WebhookSecrets secrets)
{
    public async Task<IReadOnlyList<AutomationSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var automations = await db.Automations.AsNoTracking().OrderBy(a => a.Name).ToListAsync(cancellationToken);
        var since = clock.GetUtcNow().AddDays(-7);
        var stats = await db.AutomationRuns.AsNoTracking()
            .Where(r => r.CreatedAt > since)
            .GroupBy(r => r.AutomationId)
            .Select(g => new
            {
                g.Key,
                Runs = g.Count(),
                Failed = g.Count(r => r.Status == AutomationRunStatus.Failed),
                Last = g.Max(r => r.CreatedAt),
            })
            .ToDictionaryAsync(s => s.Key, cancellationToken);
        return [.. automations.Select(a =>
        {
            var s = stats.GetValueOrDefault(a.Id);
            return new AutomationSummary(WebhookSecrets.Redact(a), s?.Runs ?? 0, s?.Failed ?? 0, s?.Last);
        })];
    }

    public async Task<Automation?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var automation = await db.Automations.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return automation is null ? null : WebhookSecrets.Redact(automation);
    }

    /// <summary>Enabled automations with a manual trigger for records of <paramref name="schema"/>.</summary>
    public async Task<IReadOnlyList<Automation>> ListManualAsync(string schema, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var kind = $"|{AutomationTriggerType.Manual}|";
        var manual = await db.Automations.AsNoTracking().Where(a => a.Enabled && a.TriggerKinds.Contains(kind)).OrderBy(a => a.Name).ToListAsync(cancellationToken);
        return [.. manual.Where(a => a.Triggers.Exists(t => t.Type == AutomationTriggerType.Manual && (string.IsNullOrEmpty(t.EntitySchema) || t.EntitySchema == schema)))
            .Select(WebhookSecrets.Redact)];
    }

    /// <summary>
    /// Creates (no <paramref name="expectedVersion"/>) or replaces an automation. A save based on a stale version is
    /// refused. Enabling it again clears the reason the system switched it off.
    /// </summary>
    public async Task<Outcome<Automation>> SaveAsync(Automation input, int? expectedVersion, Actor actor, CancellationToken cancellationToken)
    {
        if (AutomationRules.Check(input, webhookAddresses) is { } problem)
        {
            return problem;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var existing = await db.Automations.SingleOrDefaultAsync(a => a.Id == input.Id, cancellationToken);
        if (existing is null)
        {
            if (expectedVersion is not null)
            {
                return Refusal.NotFound(RefusalText.Of("AutomationDeletedMeanwhile", input.Name));
            }

            var created = new Automation
            {
                Id = string.IsNullOrWhiteSpace(input.Id) ? Guid.NewGuid().ToString() : input.Id.Trim(),
                Name = input.Name.Trim(),
                Description = input.Description,
                Enabled = input.Enabled,
                MaxExecutions = input.MaxExecutions,
                Triggers = [.. input.Triggers],
                Actions = secrets.ForStorage(input.Actions, []),
                TriggerKinds = Automation.KindsOf(input.Triggers),
                OwnerId = input.OwnerId ?? actor.Id,
                OwnerName = input.OwnerName ?? actor.Name,
                CreatedAt = now,
                UpdatedAt = now,
                UpdatedBy = actor.Name,
            };
            db.Automations.Add(created);
            await db.SaveChangesAsync(cancellationToken);
            listeners.Changed();
            return WebhookSecrets.Redact(created);
        }

        if (expectedVersion is null)
        {
            return Refusal.Conflict(RefusalText.Of("AutomationIdTaken", input.Id));
        }

        if (expectedVersion != existing.Version)
        {
            return Refusal.Conflict(
                RefusalText.Of("AutomationChangedMeanwhile", existing.Name, existing.UpdatedBy ?? RefusalText.Of("Someone"), existing.UpdatedAt));
        }

        existing.Name = input.Name.Trim();
        existing.Description = input.Description;
        if (input.Enabled && !existing.Enabled)
        {
            existing.DisabledReason = null;
        }

        existing.Enabled = input.Enabled;
        existing.MaxExecutions = input.MaxExecutions;
        existing.Triggers = [.. input.Triggers];
        existing.Actions = secrets.ForStorage(input.Actions, existing.Actions);
        existing.TriggerKinds = Automation.KindsOf(input.Triggers);
        existing.UpdatedAt = now;
        existing.UpdatedBy = actor.Name;
        existing.Version++;
        await db.SaveChangesAsync(cancellationToken);
        listeners.Changed();
        return WebhookSecrets.Redact(existing);
    }

    public async Task<Outcome<Automation>> SetEnabledAsync(string id, bool enabled, Actor actor, CancellationToken cancellationToken)
    {
        var automation = await GetAsync(id, cancellationToken);
        if (automation is null)
        {
            return Refusal.NotFound(RefusalText.Of("NoAutomation", id));
        }

        automation.Enabled = enabled;
        return await SaveAsync(automation, automation.Version, actor, cancellationToken);
    }

    /// <summary>Deletes an automation; its runs stay, for the record.</summary>
    public async Task<Outcome> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var automation = await db.Automations.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (automation is null)
        {
            return Refusal.NotFound(RefusalText.Of("NoAutomation", id));
        }

        db.Automations.Remove(automation);
        await db.SaveChangesAsync(cancellationToken);
        listeners.Changed();
        return Outcome.Success;
    }

    /// <summary>Runs an automation with a manual trigger on a record now.</summary>
    public async Task<Outcome<AutomationRun>> RunOnRecordAsync(string automationId, string entityId, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var automation = await db.Automations.AsNoTracking().SingleOrDefaultAsync(a => a.Id == automationId, cancellationToken);
        var record = await db.EntityRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Id == entityId && r.DeletedAt == null, cancellationToken);
        if (automation is null || record is null)
        {
            return Refusal.NotFound(automation is null ? $"There is no automation \"{automationId}\"." : $"There is no record \"{entityId}\".");
        }

        if (!automation.Enabled)
        {
            return Refusal.Invalid(RefusalText.Of("AutomationDisabled", automation.Name));
        }

        var e = new AutomationEvent
        {
            Type = AutomationTriggerType.Manual,
            At = clock.GetUtcNow(),
            ActorId = actor.Id,
            ActorName = actor.Name,
            EntityId = record.Id,
            EntitySchema = record.Schema,
        };
        var run = await dispatcher.DispatchAsync(
            new RunRequest(automation.Id, e, $"manual:{e.Id}", $"Run by {actor.Name} on {record.Title}") { RequestedBy = actor.Name },
            cancellationToken);
        return run is null ? Refusal.Invalid(RefusalText.Of("AutomationSwitchedOff", automation.Name)) : run;
    }

    /// <summary>
    /// Runs a failed run again: its job is queued with a fresh set of attempts; the actions that succeeded before are
    /// skipped, so only the failed one and those after it run.
    /// </summary>
    public async Task<Outcome> RerunAsync(string runId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.AutomationRuns.SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null)
        {
            return Refusal.NotFound(RefusalText.Of("RunGone"));
        }

        if (run.Status != AutomationRunStatus.Failed || run.JobId is null)
        {
            return Refusal.Conflict(RefusalText.Of("RunNotFailed", AutomationWords.Status(run.Status)));
        }

        if (run.TaskId is not null)
        {
            return Refusal.Invalid(RefusalText.Of("RunBelongsToTask"));
        }

        run.Status = AutomationRunStatus.Queued;
        run.Error = null;
        run.FinishedAt = null;
        await db.SaveChangesAsync(cancellationToken);
        if (!await jobs.RequeueAsync(run.JobId, cancellationToken))
        {
            return Refusal.Conflict(RefusalText.Of("RunRetriedAlready"));
        }

        dispatcher.Announce(run.EntityId);
        return Outcome.Success;
    }

    public async Task<IReadOnlyList<AutomationRun>> RunsAsync(string automationId, int count, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AutomationRuns.AsNoTracking()
            .Where(r => r.AutomationId == automationId)
            .OrderByDescending(r => r.CreatedAt)
            .Take(count)
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AutomationRun>> RunsForEntityAsync(string entityId, int count, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AutomationRuns.AsNoTracking()
            .Where(r => r.EntityId == entityId)
            .OrderByDescending(r => r.CreatedAt)
            .Take(count)
            .ToListAsync(cancellationToken);
    }

    public async Task<AutomationRun?> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AutomationRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
    }
}
