using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Jobs;

namespace Workflows.Core.Telemetry;

/// <summary>
/// The product's own metrics, on the meter <see cref="MeterName"/>: what changes workflows, how many start, how far
/// the job queue is behind, how large the SQLite group commits are and how often writers collide. The host exports
/// them (OpenTelemetry) or not; recording costs next to nothing when nobody listens.
/// </summary>
public sealed class WorkflowsMetrics
{
    public const string MeterName = "Workflows";

    /// <summary>The queue is read at most this often, however many gauges and exporters ask.</summary>
    private static readonly TimeSpan QueueReadInterval = TimeSpan.FromSeconds(1);

    private readonly IDbContextFactory<WorkflowsDbContext> dbFactory;
    private readonly TimeProvider clock;
    private readonly Counter<long> taskChanges;
    private readonly Counter<long> workflowStarts;
    private readonly Histogram<int> commitBatchSize;
    private readonly Counter<long> conflicts;
    private readonly Lock queueLock = new();
    private (DateTimeOffset ReadAt, int Depth, double OldestAgeSeconds)? lastQueueRead;

    public WorkflowsMetrics(IMeterFactory meters, IDbContextFactory<WorkflowsDbContext> dbFactory, TimeProvider clock)
    {
        this.dbFactory = dbFactory;
        this.clock = clock;
        var meter = meters.Create(MeterName);
        taskChanges = meter.CreateCounter<long>(
            "workflows.task.changes", "{change}", "Commands applied to running workflows, committed, by command.");
        workflowStarts = meter.CreateCounter<long>("workflows.workflow.starts", "{workflow}", "Workflows started, by trigger.");
        commitBatchSize = meter.CreateHistogram<int>(
            "workflows.commit.batch_size", "{change}", "Workflow changes saved together in one SQLite transaction (group commit).");
        conflicts = meter.CreateCounter<long>(
            "workflows.conflicts", "{conflict}", "Writers that collided on a workflow: a stale version refused, or a lost race tried again or given up.");
        meter.CreateObservableGauge(
            "workflows.jobs.queue_depth", () => ReadQueue().Depth, "{job}", "Queued background jobs whose time has come.");
        meter.CreateObservableGauge(
            "workflows.jobs.oldest_age", () => ReadQueue().OldestAgeSeconds, "s", "How long the oldest due queued job has waited.");
    }

    /// <summary>Counts committed commands by their name; a status change is tagged with the status it set, too.</summary>
    public void TaskChanged(IEnumerable<FlowCommand> commands)
    {
        foreach (var command in commands)
        {
            var name = new KeyValuePair<string, object?>("command", command.GetType().Name);
            if (command is SetTaskStatus status)
            {
                taskChanges.Add(1, name, new KeyValuePair<string, object?>("status", status.Status.ToString()));
            }
            else
            {
                taskChanges.Add(1, name);
            }
        }
    }

    public void WorkflowStarted(string trigger) => workflowStarts.Add(1, new KeyValuePair<string, object?>("trigger", trigger));

    public void CommitBatch(int size) => commitBatchSize.Record(size);

    /// <summary><paramref name="kind"/>: <c>stale_version</c>, <c>lost_race_retried</c> or <c>lost_race_refused</c>.</summary>
    public void Conflict(string kind) => conflicts.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>
    /// Two indexed reads of the jobs table (status and run time), cached for a second so both gauges and every
    /// exporter share them. A failed read reports an empty queue rather than breaking the exporter.
    /// </summary>
    private (int Depth, double OldestAgeSeconds) ReadQueue()
    {
        var now = clock.GetUtcNow();
        lock (queueLock)
        {
            if (lastQueueRead is { } last && now - last.ReadAt < QueueReadInterval)
            {
                return (last.Depth, last.OldestAgeSeconds);
            }

            var (depth, age) = (0, 0.0);
            try
            {
                using var db = dbFactory.CreateDbContext();
                var due = db.Jobs.AsNoTracking().Where(j => j.Status == JobStatus.Queued && j.RunAt <= now);
                depth = due.Count();
                var oldest = depth == 0 ? (DateTimeOffset?)null : due.OrderBy(j => j.RunAt).Select(j => j.RunAt).First();
                age = oldest is { } runAt ? Math.Max(0, (now - runAt).TotalSeconds) : 0;
            }
            catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
            {
            }

            lastQueueRead = (now, depth, age);
            return (depth, age);
        }
    }
}
