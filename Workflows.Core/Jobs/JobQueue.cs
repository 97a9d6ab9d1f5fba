using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;

namespace Workflows.Core.Jobs;

/// <summary>
/// The durable job table. A job is claimed with one conditional UPDATE (its status and lease are part of the WHERE),
/// so of several workers or app instances exactly one wins it; the loser sees zero rows changed and moves on. Every
/// statement is plain EF (<c>ExecuteUpdateAsync</c>), so SQLite and PostgreSQL run the same code. See ADR-005.
/// </summary>
public sealed class JobQueue(IDbContextFactory<WorkflowsDbContext> dbFactory, JobOptions options, JobSignal signal, TimeProvider clock)
{
    /// <summary>Adds a job in the caller's unit of work (an outbox row committed with the change that caused it).</summary>
    public Job Add(WorkflowsDbContext db, NewJob job)
    {
        var row = ToRow(job);
        db.Jobs.Add(row);
        return row;
    }

    /// <summary>Stores a job. Returns false, changing nothing, when a job with the same idempotency key exists.</summary>
    public async Task<bool> EnqueueAsync(NewJob job, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (job.IdempotencyKey is { } key && await db.Jobs.AnyAsync(j => j.IdempotencyKey == key, cancellationToken))
        {
            return false;
        }

        db.Jobs.Add(ToRow(job));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (job.IdempotencyKey is not null)
        {
            if (await ExistsAsync(job.IdempotencyKey, cancellationToken))
            {
                // Another instance stored the same key between our check and our insert: the unique index kept one.
                return false;
            }

            throw;
        }

        signal.Notify();
        return true;
    }

    /// <summary>
    /// Claims one due job for <paramref name="workerId"/>: a queued job whose time has come, or a running one whose
    /// lease expired. Returns null when there is none.
    /// </summary>
    public async Task<Job?> ClaimAsync(string workerId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var candidates = await Claimable(db.Jobs, now)
            .OrderBy(j => j.RunAt)
            .Select(j => j.Id)
            .Take(8)
            .ToListAsync(cancellationToken);
        foreach (var id in candidates)
        {
            var leaseUntil = now + options.Lease;
            var claimed = await Claimable(db.Jobs.Where(j => j.Id == id), now)
                .ExecuteUpdateAsync(
                    set => set
                        .SetProperty(j => j.Status, JobStatus.Running)
                        .SetProperty(j => j.LeaseOwner, workerId)
                        .SetProperty(j => j.LeaseUntil, leaseUntil)
                        .SetProperty(j => j.Attempts, j => j.Attempts + 1),
                    cancellationToken);
            if (claimed == 1)
            {
                return await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id, cancellationToken);
            }
        }

        return null;
    }

    /// <summary>Extends the lease of a job this worker still owns; false when it lost it.</summary>
    public async Task<bool> RenewAsync(string jobId, string workerId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var leaseUntil = clock.GetUtcNow() + options.Lease;
        return await Owned(db, jobId, workerId)
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.LeaseUntil, leaseUntil), cancellationToken) == 1;
    }

    /// <summary>Marks a job this worker owns as done; false when the lease was lost meanwhile.</summary>
    public async Task<bool> CompleteAsync(string jobId, string workerId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return await Owned(db, jobId, workerId)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(j => j.Status, JobStatus.Succeeded)
                    .SetProperty(j => j.FinishedAt, now)
                    .SetProperty(j => j.LeaseOwner, (string?)null)
                    .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null)
                    .SetProperty(j => j.LastError, (string?)null),
                cancellationToken) == 1;
    }

    /// <summary>
    /// Records a failed attempt: the job waits for its next attempt (exponential backoff), or, when it was permanent
    /// or the last allowed attempt, it is failed for good and stays visible. Returns the outcome, or null when the
    /// lease was lost meanwhile.
    /// </summary>
    public async Task<FailureOutcome?> FailAsync(Job job, string workerId, string error, bool permanent, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var final = permanent || job.Attempts >= job.MaxAttempts;
        var message = error.Length > 2000 ? error[..2000] : error;
        int changed;
        DateTimeOffset? next = null;
        if (final)
        {
            changed = await Owned(db, job.Id, workerId).ExecuteUpdateAsync(
                set => set
                    .SetProperty(j => j.Status, JobStatus.Failed)
                    .SetProperty(j => j.FinishedAt, now)
                    .SetProperty(j => j.LeaseOwner, (string?)null)
                    .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null)
                    .SetProperty(j => j.LastError, message),
                cancellationToken);
        }
        else
        {
            next = now + options.BackoffFor(job.Attempts);
            var runAt = next.Value;
            changed = await Owned(db, job.Id, workerId).ExecuteUpdateAsync(
                set => set
                    .SetProperty(j => j.Status, JobStatus.Queued)
                    .SetProperty(j => j.RunAt, runAt)
                    .SetProperty(j => j.LeaseOwner, (string?)null)
                    .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null)
                    .SetProperty(j => j.LastError, message),
                cancellationToken);
        }

        return changed == 1 ? new FailureOutcome(final, next) : null;
    }

    /// <summary>Queues a failed job again with a fresh set of attempts (a person asked to re-run it).</summary>
    public async Task<bool> RequeueAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var changed = await db.Jobs.Where(j => j.Id == jobId && j.Status == JobStatus.Failed)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(j => j.Status, JobStatus.Queued)
                    .SetProperty(j => j.RunAt, now)
                    .SetProperty(j => j.Attempts, 0)
                    .SetProperty(j => j.FinishedAt, (DateTimeOffset?)null),
                cancellationToken) == 1;
        if (changed)
        {
            signal.Notify();
        }

        return changed;
    }

    public async Task<Job?> GetAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken);
    }

    /// <summary>Jobs of a kind that have not finished, for the task they are about, keyed "execution/task".</summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> PendingTimesAsync(
        string kind, IReadOnlyCollection<string> executionIds, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Jobs.AsNoTracking()
            .Where(j => j.Kind == kind && j.ExecutionId != null && executionIds.Contains(j.ExecutionId)
                && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running))
            .Select(j => new { j.ExecutionId, j.TaskId, j.RunAt })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => $"{r.ExecutionId}/{r.TaskId}").ToDictionary(g => g.Key, g => g.Min(r => r.RunAt));
    }

    private static IQueryable<Job> Claimable(IQueryable<Job> jobs, DateTimeOffset now) =>
        jobs.Where(j => (j.Status == JobStatus.Queued && j.RunAt <= now)
            || (j.Status == JobStatus.Running && j.LeaseUntil < now));

    private static IQueryable<Job> Owned(WorkflowsDbContext db, string jobId, string workerId) =>
        db.Jobs.Where(j => j.Id == jobId && j.Status == JobStatus.Running && j.LeaseOwner == workerId);

    private async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Jobs.AnyAsync(j => j.IdempotencyKey == key, cancellationToken);
    }

    private Job ToRow(NewJob job)
    {
        var now = clock.GetUtcNow();
        return new Job
        {
            Id = job.Id,
            Kind = job.Kind,
            Payload = job.Payload,
            RunAt = job.RunAt ?? now,
            MaxAttempts = job.MaxAttempts,
            IdempotencyKey = job.IdempotencyKey,
            ExecutionId = job.ExecutionId,
            TaskId = job.TaskId,
            EntityId = job.EntityId,
            CreatedAt = now,
        };
    }
}
