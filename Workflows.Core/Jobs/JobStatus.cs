namespace Workflows.Core.Jobs;

/// <summary>Where a job is: waiting (possibly for its time or its next attempt), leased by a worker, or finished.</summary>
public enum JobStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
