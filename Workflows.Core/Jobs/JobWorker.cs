using Microsoft.Extensions.Logging;

namespace Workflows.Core.Jobs;

/// <summary>
/// Claims due jobs one at a time and runs each with its handler. <see cref="RunOnceAsync"/> is one poll, which the
/// hosted <see cref="JobWorkerHost"/> repeats and tests call directly to step the system deterministically.
/// </summary>
public sealed class JobWorker(JobQueue queue, IEnumerable<IJobHandler> handlers, JobOptions options, ILogger<JobWorker> logger)
{
    private readonly Dictionary<string, IJobHandler> handlersByKind = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);

    public string WorkerId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Runs due jobs until none is left or the poll's limit is reached; returns how many ran.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var ran = 0;
        while (ran < options.MaxJobsPerPoll && await queue.ClaimAsync(WorkerId, cancellationToken) is { } job)
        {
            await RunAsync(job, cancellationToken);
            ran++;
        }

        return ran;
    }

    /// <summary>Polls until a poll finds nothing to do (jobs that enqueue further due jobs run too).</summary>
    public async Task<int> RunUntilIdleAsync(CancellationToken cancellationToken, int maxPolls = 100)
    {
        var total = 0;
        for (var i = 0; i < maxPolls; i++)
        {
            var ran = await RunOnceAsync(cancellationToken);
            if (ran == 0)
            {
                return total;
            }

            total += ran;
        }

        return total;
    }

    private async Task RunAsync(Job job, CancellationToken cancellationToken)
    {
        if (!handlersByKind.TryGetValue(job.Kind, out var handler))
        {
            await queue.FailAsync(job, WorkerId, $"No handler runs jobs of kind '{job.Kind}'.", permanent: true, cancellationToken);
            return;
        }

        string error;
        bool permanent;
        try
        {
            await handler.HandleAsync(new JobContext(job, queue, WorkerId), cancellationToken);
            if (!await queue.CompleteAsync(job.Id, WorkerId, cancellationToken))
            {
                logger.LogWarning("Job {Job} ({Kind}) finished after its lease was lost; another worker owns it.", job.Id, job.Kind);
            }

            return;
        }
        catch (LeaseLostException lost)
        {
            logger.LogWarning("Job {Job} ({Kind}) stopped: {Reason}", job.Id, job.Kind, lost.Message);
            return;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The worker stops (or dies): the job keeps its lease, which expires, and another poll claims it again.
            throw;
        }
        catch (JobFailedException failed)
        {
            (error, permanent) = (failed.Message, failed.Permanent);
        }
        catch (Exception unexpected)
        {
            logger.LogError(unexpected, "Job {Job} ({Kind}) failed on attempt {Attempt}.", job.Id, job.Kind, job.Attempts);
            (error, permanent) = (unexpected.Message, false);
        }

        var outcome = await queue.FailAsync(job, WorkerId, error, permanent, cancellationToken);
        if (outcome is null)
        {
            return;
        }

        logger.LogWarning("Job {Job} ({Kind}) attempt {Attempt} failed{Final}: {Error}",
            job.Id, job.Kind, job.Attempts, outcome.Final ? " for good" : $", next attempt at {outcome.NextAttempt:O}", error);
        await handler.OnFailedAsync(job, error, outcome.Final, outcome.NextAttempt, cancellationToken);
    }
}
