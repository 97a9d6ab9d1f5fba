namespace Workflows.Core.Jobs;

/// <summary>The claimed job as its handler sees it, with a way to keep the lease during long work.</summary>
public sealed class JobContext(Job job, JobQueue queue, string workerId)
{
    public Job Job { get; } = job;

    public string WorkerId { get; } = workerId;

    /// <summary>
    /// Extends the lease. When the lease was lost (the worker was too slow and another claimed the job), the handler
    /// stops with a <see cref="LeaseLostException"/>: the other worker now owns the job.
    /// </summary>
    public async Task KeepLeaseAsync(CancellationToken cancellationToken)
    {
        if (!await queue.RenewAsync(Job.Id, WorkerId, cancellationToken))
        {
            throw new LeaseLostException($"The lease on job {Job.Id} was lost; another worker owns it now.");
        }
    }
}
