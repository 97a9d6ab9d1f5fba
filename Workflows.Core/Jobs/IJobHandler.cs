namespace Workflows.Core.Jobs;

/// <summary>Runs the jobs of one <see cref="Kind"/>. Handlers must tolerate running a job again after a crash.</summary>
public interface IJobHandler
{
    string Kind { get; }

    /// <summary>Does the work; throws <see cref="JobFailedException"/> (or any exception, taken as transient) to fail.</summary>
    Task HandleAsync(JobContext context, CancellationToken cancellationToken);

    /// <summary>After a failed attempt: <paramref name="final"/> when no attempt follows.</summary>
    Task OnFailedAsync(Job job, string error, bool final, DateTimeOffset? nextAttempt, CancellationToken cancellationToken) => Task.CompletedTask;
}
