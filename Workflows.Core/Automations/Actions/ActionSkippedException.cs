namespace Workflows.Core.Automations.Actions;

/// <summary>The action does not apply to this run (completing a task in a run no task started); the run goes on.</summary>
internal sealed class ActionSkippedException : Exception
{
    public ActionSkippedException()
    {
    }

    public ActionSkippedException(string message)
        : base(message)
    {
    }

    public ActionSkippedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
