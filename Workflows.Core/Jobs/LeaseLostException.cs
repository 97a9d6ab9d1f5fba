namespace Workflows.Core.Jobs;

/// <summary>The worker no longer owns the job it runs: its lease expired and another worker claimed it.</summary>
internal sealed class LeaseLostException : OperationCanceledException
{
    public LeaseLostException()
    {
    }

    public LeaseLostException(string message)
        : base(message)
    {
    }

    public LeaseLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
