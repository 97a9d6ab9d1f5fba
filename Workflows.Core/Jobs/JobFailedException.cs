namespace Workflows.Core.Jobs;

/// <summary>
/// A job could not do its work. <see cref="Permanent"/> failures (bad configuration, a missing record) fail the job at
/// once; the others (a network error, a busy server) are retried with exponential backoff up to the job's limit.
/// </summary>
internal sealed class JobFailedException : Exception
{
    public JobFailedException()
    {
    }

    public JobFailedException(string message)
        : base(message)
    {
    }

    public JobFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public JobFailedException(string message, bool permanent)
        : base(message) => Permanent = permanent;

    public bool Permanent { get; }
}
