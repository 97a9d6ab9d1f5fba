using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;
using Workflows.Core.Jobs;

namespace Workflows.Core.Reminders;

/// <summary>
/// A recurring job (kind <c>reminder-sweep</c>) that finds open tasks due soon or overdue and queues one reminder job
/// per task, kind and due date, keyed so that each is sent once even with several app instances; then queues the next
/// sweep. Started by the worker at start-up.
/// </summary>
internal sealed class ReminderSweep(IDbContextFactory<WorkflowsDbContext> dbFactory, JobQueue jobs, ReminderOptions options, TimeProvider clock)
    : IJobHandler, IJobStartup
{
    public const string JobKind = "reminder-sweep";

    private const int BatchSize = 500;

    public string Kind => JobKind;

    public async Task OnWorkerStartAsync(CancellationToken cancellationToken) => await ScheduleNextAsync(clock.GetUtcNow(), cancellationToken);

    public async Task HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var soon = now + options.DueSoonLead;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var tasks = await db.FlowTasks.AsNoTracking()
                .Where(t => t.IsOpen && t.DueAt != null && t.DueAt <= soon)
                .OrderBy(t => t.DueAt)
                .Take(BatchSize)
                .Select(t => new { t.ExecutionId, t.TaskId, DueAt = t.DueAt!.Value })
                .ToListAsync(cancellationToken);
            var reminders = tasks.Select(t => new ReminderPayload(t.ExecutionId, t.TaskId, t.DueAt <= now ? ReminderKind.Overdue : ReminderKind.DueSoon, t.DueAt))
                .ToDictionary(KeyOf);
            var keys = reminders.Keys.ToList();
            var sent = await db.Jobs.AsNoTracking().Where(j => j.IdempotencyKey != null && keys.Contains(j.IdempotencyKey))
                .Select(j => j.IdempotencyKey!).ToListAsync(cancellationToken);
            foreach (var (key, reminder) in reminders.Where(r => !sent.Contains(r.Key)))
            {
                await jobs.EnqueueAsync(new NewJob(DueReminderHandler.JobKind, JobJson.Serialize(reminder))
                {
                    IdempotencyKey = key,
                    ExecutionId = reminder.ExecutionId,
                    TaskId = reminder.TaskId,
                }, cancellationToken);
            }
        }

        await ScheduleNextAsync(now + options.SweepInterval, cancellationToken);
    }

    /// <summary>A failed sweep must not end the chain of sweeps.</summary>
    public async Task OnFailedAsync(Job job, string error, bool final, DateTimeOffset? nextAttempt, CancellationToken cancellationToken)
    {
        if (final)
        {
            await ScheduleNextAsync(clock.GetUtcNow() + options.SweepInterval, cancellationToken);
        }
    }

    private Task<bool> ScheduleNextAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        // One sweep per slot, whichever instance enqueues it first.
        var slot = at.ToUnixTimeMilliseconds() / (long)options.SweepInterval.TotalMilliseconds;
        return jobs.EnqueueAsync(new NewJob(JobKind, "{}")
        {
            RunAt = DateTimeOffset.FromUnixTimeMilliseconds(slot * (long)options.SweepInterval.TotalMilliseconds),
            IdempotencyKey = $"{JobKind}:{slot}",
        }, cancellationToken);
    }

    private static string KeyOf(ReminderPayload r) =>
        $"{(r.Kind == ReminderKind.Overdue ? "overdue" : "due-soon")}:{r.ExecutionId}:{r.TaskId}:{r.DueAt.ToUnixTimeMilliseconds()}";
}
